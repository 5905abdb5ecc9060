import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Must stay in step with moderation.migrations.ts: the migrations create the table, this only types the queries.

export const LOG_ACTIONS = ['warn', 'delete', 'timeout', 'ban', 'unban'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/** Every moderation action, by the bot or a moderator, with its outcome at Twitch. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    userLogin: text('user_login').notNull(),
    messageId: text('message_id'),
    messageText: text('message_text').notNull(),
    rule: text('rule').notNull(),
    detail: text('detail').notNull(),
    score: real('score'),
    action: text('action').$type<LogAction>().notNull(),
    durationSeconds: integer('duration_seconds'),
    /** `bot`, or the login of the moderator who acted. */
    actor: text('actor').notNull(),
    status: text('status').$type<'done' | 'failed'>().notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [
    index('moderation_log_channel_created_idx').on(t.channel, t.createdAt),
    check('moderation_log_action_check', sql`${t.action} in ('warn', 'delete', 'timeout', 'ban', 'unban')`),
    check('moderation_log_status_check', sql`${t.status} in ('done', 'failed')`),
  ],
);

export type LogEntry = typeof moderationLog.$inferSelect;
