import type { CommandContext } from '../../core/module.ts';
/** Stable error codes of the commands module, for chat answers and the API. */
export type CommandsErrorCode =
  | 'commands.invalid_name'
  | 'commands.reserved_name'
  | 'commands.name_taken'
  | 'commands.not_found'
  | 'commands.limit_reached'
  | 'commands.invalid_option'
  | 'commands.invalid_trigger'
  | 'commands.whisper_unavailable'
  | 'commands.template_empty'
  | 'commands.template_too_long'
  | 'commands.template_too_deep'
  | 'commands.too_many_variables'
  | 'commands.invalid_argument'
  | 'commands.quote_not_found'
  | 'commands.invalid_quote'
  | 'commands.invalid_timer'
  | 'commands.timer_not_found'
  | 'commands.invalid_counter';

/** A refusal with a stable code and a message a chatter can read. */
export class CommandsError extends Error {
  override name = 'CommandsError';
  constructor(
    readonly code: CommandsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Wraps a chat command so that a CommandsError becomes its answer; anything else still fails loudly. */
export function answerRefusals(run: (ctx: CommandContext) => Promise<string>): (ctx: CommandContext) => Promise<string> {
  return async (ctx) => {
    try {
      return await run(ctx);
    } catch (error) {
      if (error instanceof CommandsError) return error.message;
      throw error;
    }
  };
}
