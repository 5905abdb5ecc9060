import type { CommandDefinition } from '../../../core/module.ts';
import type { Clock } from '../../../core/ports.ts';
import type { ModerationEngine } from '../moderation.engine.ts';
import { settingsOf } from '../moderation.channel.ts';

const LOGIN = /^@?([a-z0-9_]{1,25})$/;

/** `!permit <user>`: the user may post one link within the channel's permit window (60 s by default). */
export function permitCommand(engine: ModerationEngine, clock: Clock): CommandDefinition {
  return {
    name: 'permit',
    description: 'Lets a chatter post one link in the next minute.',
    usage: '!permit <user>',
    userLevel: 'moderator',
    run: ({ args, channel, message }) => {
      const login = LOGIN.exec((args[0] ?? '').toLowerCase())?.[1];
      if (!login) return 'Usage: !permit <user>';
      const seconds = settingsOf(channel).links.permitSeconds;
      engine.state(message.channel).permit(login, clock.now() + seconds * 1000);
      return `@${login} may post one link in the next ${seconds} s.`;
    },
  };
}
