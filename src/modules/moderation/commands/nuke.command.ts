import type { ChatMessage } from '../../../core/chat.ts';
import type { CommandDefinition } from '../../../core/module.ts';
import type { Clock } from '../../../core/ports.ts';
import type { ModerationEnforcer } from '../moderation.enforcer.ts';
import type { ModerationEngine } from '../moderation.engine.ts';
import { compileUserPattern, MAX_TERM_LENGTH } from '../moderation.patterns.ts';
import { normalizeText } from '../moderation.text.ts';
import { ALWAYS_EXEMPT, roleMask } from '../moderation.types.ts';
import { settingsOf } from '../moderation.channel.ts';

const DEFAULT_SECONDS_BACK = 60;
const MAX_SECONDS_BACK = 600;
const DEFAULT_TIMEOUT = 600;
const MAX_TIMEOUT = 1_209_600;
const USAGE = 'Usage: !nuke <phrase|/pattern/> [seconds-back] [timeout-seconds]';

export interface NukeRequest {
  matches: (text: string) => boolean;
  label: string;
  secondsBack: number;
  timeout: number;
}

/** Parses `!nuke` arguments; a string is a refusal to show the moderator. */
export function parseNuke(argsText: string): NukeRequest | string {
  const text = argsText.trim();
  if (text.length === 0) return USAGE;
  let target: string;
  let rest: string[];
  if (text.startsWith('/')) {
    const end = text.lastIndexOf('/');
    if (end <= 0) return 'The pattern needs a closing /.';
    target = text.slice(1, end);
    rest = text.slice(end + 1).trim().split(/\s+/).filter(Boolean);
  } else {
    const words = text.split(/\s+/);
    // Trailing numbers are the options; everything before them is the phrase.
    let cut = words.length;
    while (cut > 1 && words.length - cut < 2 && /^\d+$/.test(words[cut - 1]!)) cut--;
    target = words.slice(0, cut).join(' ');
    rest = words.slice(cut);
  }
  if (target.length === 0 || target.length > MAX_TERM_LENGTH) return `The phrase or pattern must have 1-${MAX_TERM_LENGTH} characters.`;
  if (rest.length > 2 || rest.some((r) => !/^\d+$/.test(r))) return USAGE;
  const secondsBack = rest[0] ? Number(rest[0]) : DEFAULT_SECONDS_BACK;
  const timeout = rest[1] ? Number(rest[1]) : DEFAULT_TIMEOUT;
  if (secondsBack < 1 || secondsBack > MAX_SECONDS_BACK) return `seconds-back must be 1-${MAX_SECONDS_BACK}.`;
  if (timeout < 1 || timeout > MAX_TIMEOUT) return `The timeout must be 1-${MAX_TIMEOUT} seconds.`;
  if (text.startsWith('/')) {
    let pattern;
    try {
      pattern = compileUserPattern(target);
    } catch (error) {
      return `That pattern cannot be used: ${(error as Error).message}`;
    }
    return { matches: (t) => pattern.test(t), label: `/${target}/`, secondsBack, timeout };
  }
  const phrase = normalizeText(target);
  return { matches: (t) => t.includes(phrase), label: `"${target}"`, secondsBack, timeout };
}

/**
 * `!nuke <phrase|/pattern/> [seconds-back] [timeout]`: times out everyone who said the phrase (or
 * matched the RE2 pattern) in the last seconds, from the channel's recent-message buffer.
 */
export function nukeCommand(engine: ModerationEngine, enforcer: ModerationEnforcer, clock: Clock): CommandDefinition {
  return {
    name: 'nuke',
    description: 'Times out everyone who said a phrase (or matched a /pattern/) in the last minute.',
    usage: '!nuke <phrase|/pattern/> [seconds-back] [timeout]',
    userLevel: 'moderator',
    run: ({ argsText, message, channel }) => {
      const request = parseNuke(argsText);
      if (typeof request === 'string') return request;
      const exempt = settingsOf(channel).badWords.exempt;
      const exemptMask = roleMask(exempt) | ALWAYS_EXEMPT;
      const victims = new Map<string, ChatMessage>();
      for (const said of engine.state(message.channel).lastMessages(request.secondsBack, clock.now())) {
        if (said.id === message.id || said.userId === message.userId || victims.has(said.userId)) continue;
        if (roleMask(said.roles) & exemptMask) continue;
        if (request.matches(normalizeText(said.text))) victims.set(said.userId, said);
      }
      for (const said of victims.values()) {
        void enforcer.apply({
          channel: said.channel,
          channelId: said.channelId,
          userId: said.userId,
          login: said.login,
          messageId: said.id,
          text: said.text,
          rule: 'nuke',
          detail: `nuke ${request.label}`.slice(0, 300),
          step: { type: 'timeout', seconds: request.timeout },
          actor: message.login,
        });
      }
      return `Nuked ${victims.size} chatter${victims.size === 1 ? '' : 's'} who said ${request.label} (timeout ${request.timeout} s).`;
    },
  };
}
