import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { UserLevel } from '../../core/permissions.ts';

// Must stay in step with commands.migrations.ts: the migrations create the tables, these only type the queries.

/** How a custom command answers. */
export type ResponseMode = 'reply' | 'say' | 'whisper';
/** What else, besides its name, makes a custom command run. */
export type TriggerKind = 'keyword' | 'pattern';
/** When a timer posts. */
export type TimerMode = 'online' | 'offline' | 'both';

export const customCommands = pgTable(
  'custom_commands',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'`),
    template: text('template').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    userLevel: text('user_level').$type<UserLevel>().notNull().default('everyone'),
    globalCooldownS: integer('global_cooldown_s').notNull().default(0),
    userCooldownS: integer('user_cooldown_s').notNull().default(0),
    cost: integer('cost').notNull().default(0),
    responseMode: text('response_mode').$type<ResponseMode>().notNull().default('reply'),
    triggerKind: text('trigger_kind').$type<TriggerKind>(),
    trigger: text('trigger'),
    useCount: bigint('use_count', { mode: 'number' }).notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('custom_commands_channel_name_key').on(t.channel, t.name), index('custom_commands_channel_idx').on(t.channel)],
);

export const counters = pgTable(
  'command_counters',
  {
    channel: text('channel').notNull(),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.name] })],
);

export const quotes = pgTable(
  'quotes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    game: text('game'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('quotes_channel_number_key').on(t.channel, t.number)],
);

/** The last quote number a channel gave out, so that numbers are never reused after a delete. */
export const quoteNumbers = pgTable('quote_numbers', {
  channel: text('channel').primaryKey(),
  last: integer('last').notNull(),
});

export const timers = pgTable(
  'timers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    name: text('name').notNull(),
    messages: text('messages').array().notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    minLines: integer('min_lines').notNull().default(5),
    mode: text('mode').$type<TimerMode>().notNull().default('online'),
    enabled: boolean('enabled').notNull().default(true),
    nextIndex: integer('next_index').notNull().default(0),
    lastPostedAt: timestamp('last_posted_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('timers_channel_name_key').on(t.channel, t.name), check('timers_interval_check', sql`${t.intervalMinutes} between 1 and 1440`)],
);
