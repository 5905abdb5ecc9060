import { z } from 'zod';
import { ApiError, assertRole, defineRoute, type ModuleRoute } from '../../core/routes.ts';
import type { TwitchApi } from '../../core/ports.ts';
import type { ModerationEnforcer } from './moderation.enforcer.ts';
import { ModerationError, type ModerationService } from './moderation.service.ts';
import { MAX_TIMEOUT_SECONDS } from './moderation.settings.ts';

export interface ModerationRoutesDeps {
  service: ModerationService;
  enforcer: ModerationEnforcer;
  twitch: TwitchApi;
}

const NOT_FOUND = new Set(['moderation.log_not_found', 'moderation.term_not_found', 'moderation.channel_not_found']);
const CONFLICT = new Set(['moderation.already_undone', 'moderation.not_undoable']);

async function api<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ModerationError)) throw error;
    const status = NOT_FOUND.has(error.code) ? 404 : CONFLICT.has(error.code) ? 409 : error.code === 'moderation.undo_failed' ? 502 : 400;
    throw new ApiError(status, error.code, error.message.replace(`${error.code}: `, ''));
  }
}

const logQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.date().optional(),
  login: z.string().regex(/^[a-z0-9_]{1,25}$/i).transform((v) => v.toLowerCase()).optional(),
});
const actionBody = z.object({
  action: z.enum(['delete', 'timeout', 'ban']),
  userId: z.string().regex(/^\d{1,20}$/),
  login: z.string().regex(/^[a-z0-9_]{1,25}$/i).transform((v) => v.toLowerCase()),
  messageId: z.string().max(64).optional(),
  text: z.string().max(500).default(''),
  durationSeconds: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).default(600),
  reason: z.string().max(300).default(''),
});

/** The moderation log with undo, manual actions from the live monitor, and the word lists. */
export function moderationRoutes(deps: ModerationRoutesDeps): ModuleRoute[] {
  return [
    defineRoute({ method: 'GET', path: '/log', role: 'moderator', summary: 'The moderation log, newest first', query: logQuery, handler: ({ channel, query }) => api(() => deps.service.listLog({ channel, ...query })) }),
    defineRoute({
      method: 'POST',
      path: '/log/:id/undo',
      role: 'moderator',
      summary: 'Lifts a timeout or ban from the log',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'moderator');
        return api(() => deps.service.undo(channel, params['id'] ?? '', actor.login));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/actions',
      role: 'moderator',
      summary: 'Deletes a message, times out or bans a chatter through Helix, logged under the moderator\'s name',
      body: actionBody,
      status: 201,
      handler: async ({ channel, body, actor }) => {
        assertRole(actor, 'moderator');
        if (body.action === 'delete' && !body.messageId) throw new ApiError(400, 'validation', 'messageId: a delete needs the message id');
        const broadcaster = await deps.twitch.getUserByLogin(channel);
        if (!broadcaster) throw new ApiError(502, 'moderation.channel_unknown_at_twitch', `Twitch does not know #${channel}`);
        const step = body.action === 'timeout' ? { type: 'timeout' as const, seconds: body.durationSeconds } : { type: body.action };
        return deps.enforcer.apply({
          channel,
          channelId: broadcaster.id,
          userId: body.userId,
          login: body.login,
          messageId: body.messageId,
          text: body.text,
          rule: 'manual',
          detail: body.reason || `by ${actor.login} from the dashboard`,
          step,
          actor: actor.login,
        });
      },
    }),
    defineRoute({ method: 'GET', path: '/terms', role: 'moderator', summary: 'Blocked words, phrases and patterns', handler: ({ channel }) => api(() => deps.service.listBlockedTerms(channel)) }),
    defineRoute({
      method: 'POST',
      path: '/terms',
      role: 'editor',
      summary: 'Blocks a word, phrase or RE2 pattern (refused when invalid or too long)',
      body: z.record(z.string(), z.unknown()),
      status: 201,
      handler: async ({ channel, body, actor }) => {
        assertRole(actor, 'editor');
        return api(() => deps.service.addBlockedTerm(channel, body));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/terms',
      role: 'editor',
      summary: 'Unblocks a term',
      query: z.object({ term: z.string().min(1).max(300) }),
      handler: async ({ channel, query, actor }) => {
        assertRole(actor, 'editor');
        await api(() => deps.service.removeBlockedTerm(channel, query.term));
      },
    }),
  ];
}
