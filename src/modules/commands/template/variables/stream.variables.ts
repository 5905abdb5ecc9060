import type { TwitchStream, TwitchUser } from '../../../../core/ports.ts';
import type { TemplateContext, VariableDefinition } from '../template.types.ts';
import { formatDuration, formatUptime } from './duration.format.ts';
import { stripAt } from './who.variables.ts';

/** Stream and user look-ups, cached. */
export interface StreamLookup {
  stream(channelId: string): Promise<TwitchStream | null>;
  user(login: string): Promise<TwitchUser | null>;
}

/** When a user followed a channel, or null when they do not follow it. */
export interface FollowLookup {
  followedAt(channelId: string, userId: string): Promise<Date | null>;
}

const LOGIN = /^[a-z0-9_]{1,25}$/;

function targetLogin(arg: string, ctx: TemplateContext): string {
  return stripAt((arg || ctx.args[0] || ctx.user.login).split(/\s+/)[0] ?? '').toLowerCase();
}

/** `$(uptime)`, `$(game)`, `$(title)`, `$(viewers)`, `$(accountage)` and, when follows can be looked up, `$(followage)`. */
export function streamVariables(deps: { lookup: StreamLookup; followers?: FollowLookup; now: () => number }): VariableDefinition[] {
  const { lookup } = deps;
  const live = (ctx: TemplateContext) => (ctx.channelId ? lookup.stream(ctx.channelId) : Promise.resolve(null));
  const variables: VariableDefinition[] = [
    {
      name: 'uptime',
      category: 'stream',
      description: 'How long the stream has been live, or "offline".',
      usage: '$(uptime)',
      example: { template: 'Live for $(uptime)', output: 'Live for 2h 05m' },
      run: async (_arg, ctx) => {
        const stream = await live(ctx);
        return stream ? formatUptime(deps.now() - stream.startedAt.getTime()) : 'offline';
      },
    },
    {
      name: 'game',
      category: 'stream',
      description: 'The category being streamed, or "offline".',
      usage: '$(game)',
      run: async (_arg, ctx) => (await live(ctx))?.gameName || 'offline',
    },
    {
      name: 'title',
      category: 'stream',
      description: 'The stream title, or "offline".',
      usage: '$(title)',
      run: async (_arg, ctx) => (await live(ctx))?.title || 'offline',
    },
    {
      name: 'viewers',
      category: 'stream',
      description: 'How many are watching (0 when offline).',
      usage: '$(viewers)',
      run: async (_arg, ctx) => String((await live(ctx))?.viewers ?? 0),
    },
    {
      name: 'accountage',
      category: 'stream',
      description: "How old a Twitch account is: the caller's, the first word's, or the argument's.",
      usage: '$(accountage) or $(accountage $(touser))',
      example: { template: '$(user) joined Twitch $(accountage) ago', output: 'Alice joined Twitch 3 years 2 months ago' },
      run: async (arg, ctx) => {
        const login = targetLogin(arg, ctx);
        if (!LOGIN.test(login)) return `(no such user ${login})`;
        const user = await lookup.user(login);
        return user ? formatDuration(deps.now() - user.createdAt.getTime()) : `(no such user ${login})`;
      },
    },
  ];
  const { followers } = deps;
  if (followers) {
    variables.push({
      name: 'followage',
      category: 'stream',
      description: 'How long a user has followed this channel: the caller, the first word, or the argument.',
      usage: '$(followage) or $(followage $(touser))',
      run: async (arg, ctx) => {
        const login = targetLogin(arg, ctx);
        const user = LOGIN.test(login) ? await lookup.user(login) : null;
        if (!user || !ctx.channelId) return `(no such user ${login})`;
        const since = await followers.followedAt(ctx.channelId, user.id);
        return since ? formatDuration(deps.now() - since.getTime()) : 'not following';
      },
    });
  }
  return variables;
}
