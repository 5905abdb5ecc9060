import { defineModule, type BotModule } from '../../core/module.ts';
import type { SeenUserTracker } from '../../db/users.tracker.ts';
import type { ChannelsService } from './channels.service.ts';

export { ChannelsService, type ChatMembership } from './channels.service.ts';

export interface ChannelsModuleDeps {
  service: ChannelsService;
  seenUsers: SeenUserTracker;
  botLogin: string;
}

/**
 * Channel membership from chat: in the bot's own channel, `!join` invites the bot to the caller's
 * channel and `!part` sends it away; a broadcaster can also `!part` in their own channel.
 * Also records every chatter (first and last seen).
 */
export function channelsModule({ service, seenUsers, botLogin }: ChannelsModuleDeps): BotModule {
  return defineModule({
    name: 'channels',
    description: 'Invite the bot to a channel or send it away, and remember who chats.',
    canDisable: false,
    onMessage: (message) => {
      if (message.userId) seenUsers.seen({ twitchId: message.userId, login: message.login, displayName: message.displayName });
    },
    commands: [
      {
        name: 'join',
        description: `Used in #${botLogin}: the bot joins your channel.`,
        userCooldownSeconds: 10,
        run: async ({ message }) => {
          if (message.channel !== botLogin) return undefined;
          await service.join(message.login);
          return `Joined #${message.login}. Type !part here to send me away.`;
        },
      },
      {
        name: 'part',
        description: `Used in #${botLogin} or by the broadcaster in their channel: the bot leaves your channel.`,
        userCooldownSeconds: 10,
        run: async ({ message, reply }) => {
          const ownChannel = message.channel === message.login && message.roles.has('broadcaster');
          if (message.channel !== botLogin && !ownChannel) return undefined;
          if (message.login === botLogin) return 'I will not leave my own channel.';
          // Say goodbye before leaving: once parted, the reply could no longer be delivered.
          if (ownChannel) await reply('Leaving this channel. Invite me back with !join in my channel.');
          const known = await service.part(message.login);
          if (ownChannel) return undefined;
          return known ? `Left #${message.login}.` : `I was not in #${message.login}.`;
        },
      },
    ],
  });
}
