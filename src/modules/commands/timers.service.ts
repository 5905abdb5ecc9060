import { CommandsError } from './commands.errors.ts';
import { COMMAND_NAME, normalizeName } from './commands.service.ts';
import type { TimerMode } from './commands.tables.ts';
import type { TemplateCache } from './template/template.cache.ts';
import type { Timer, TimerPatch, TimersRepository } from './timers.repository.ts';

export const MAX_TIMERS_PER_CHANNEL = 50;
export const MAX_TIMER_MESSAGES = 10;
const MODES: readonly TimerMode[] = ['online', 'offline', 'both'];

/** A timer's settable fields. */
export interface TimerFields {
  /** Posted in turn, one per interval; each may use variables. */
  messages: string[];
  intervalMinutes: number;
  /** Chat lines that must have passed since the last post. */
  minLines: number;
  mode: TimerMode;
  enabled: boolean;
}

/** Timers of a channel, validated; the scheduler picks changes up on its next tick. */
export class TimersService {
  constructor(
    private readonly deps: {
      repository: TimersRepository;
      templates: TemplateCache;
    },
  ) {}

  list(channel: string): Promise<Timer[]> {
    return this.deps.repository.list(channel);
  }

  async create(channel: string, input: Partial<TimerFields> & { name: string; messages: string[]; intervalMinutes: number; createdBy: string }): Promise<Timer> {
    const name = checkName(input.name);
    const fields = this.checkFields(input);
    const existing = await this.deps.repository.list(channel);
    if (existing.length >= MAX_TIMERS_PER_CHANNEL) throw invalid(`A channel has at most ${MAX_TIMERS_PER_CHANNEL} timers.`);
    if (existing.some((t) => t.name === name)) throw invalid(`A timer named ${name} already exists.`);
    return this.deps.repository.insert({ channel, name, createdBy: input.createdBy, messages: input.messages, intervalMinutes: input.intervalMinutes, ...fields });
  }

  async update(channel: string, rawName: string, changes: Partial<TimerFields>): Promise<Timer> {
    const timer = await this.deps.repository.update(channel, normalizeName(rawName), this.checkFields(changes));
    if (!timer) throw notFound(rawName);
    return timer;
  }

  async remove(channel: string, rawName: string): Promise<void> {
    if (!(await this.deps.repository.remove(channel, normalizeName(rawName)))) throw notFound(rawName);
  }

  private checkFields(input: Partial<TimerFields>): TimerPatch {
    const patch: TimerPatch = {};
    if (input.messages !== undefined) {
      if (input.messages.length === 0 || input.messages.length > MAX_TIMER_MESSAGES) throw invalid(`A timer has 1 to ${MAX_TIMER_MESSAGES} messages.`);
      for (const message of input.messages) this.deps.templates.parse(message);
      patch.messages = input.messages;
    }
    if (input.intervalMinutes !== undefined) {
      if (!Number.isInteger(input.intervalMinutes) || input.intervalMinutes < 1 || input.intervalMinutes > 1_440) throw invalid('The interval is 1 to 1440 minutes.');
      patch.intervalMinutes = input.intervalMinutes;
    }
    if (input.minLines !== undefined) {
      if (!Number.isInteger(input.minLines) || input.minLines < 0 || input.minLines > 1_000) throw invalid('The chat lines between posts are 0 to 1000.');
      patch.minLines = input.minLines;
    }
    if (input.mode !== undefined) {
      if (!MODES.includes(input.mode)) throw invalid(`The mode is one of ${MODES.join(', ')}.`);
      patch.mode = input.mode;
    }
    if (input.enabled !== undefined) patch.enabled = input.enabled;
    return patch;
  }
}

function checkName(raw: string): string {
  const name = normalizeName(raw);
  if (!COMMAND_NAME.test(name)) throw invalid(`"${raw.slice(0, 40)}" is not a valid timer name: use 1-32 letters, digits, _ or -.`);
  return name;
}

function invalid(message: string): CommandsError {
  return new CommandsError('commands.invalid_timer', message);
}

function notFound(name: string): CommandsError {
  return new CommandsError('commands.timer_not_found', `There is no timer ${normalizeName(name).slice(0, 32)}.`);
}
