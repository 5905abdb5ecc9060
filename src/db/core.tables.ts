import { sql } from 'drizzle-orm';
import type { UserLevel } from '../core/permissions.ts';
import type { ChannelRole } from '../core/routes.ts';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Must stay in step with core.migrations.ts: the migrations create the tables, these definitions only type the queries.

export const channels = pgTable('channels', {
  login: text('login').primaryKey(),
  twitchId: text('twitch_id').unique(),
  displayName: text('display_name'),
  joined: boolean('joined').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const channelSettings = pgTable('channel_settings', {
  channel: text('channel').primaryKey().references(() => channels.login, { onDelete: 'cascade' }),
  prefix: text('prefix').notNull().default('!'),
  language: text('language').notNull().default('en'),
  disabledModules: text('disabled_modules').array().notNull().default(sql`'{}'`),
  moduleSettings: jsonb('module_settings').$type<Record<string, unknown>>().notNull().default({}),
});

export const users = pgTable(
  'users',
  {
    twitchId: text('twitch_id').primaryKey(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [index('users_login_idx').on(t.login)],
);

export const commandConfig = pgTable(
  'command_config',
  {
    channel: text('channel').notNull().references(() => channels.login, { onDelete: 'cascade' }),
    command: text('command').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    userLevel: text('user_level').$type<UserLevel>(),
    globalCooldownS: integer('global_cooldown_s'),
    userCooldownS: integer('user_cooldown_s'),
    aliases: text('aliases').array().notNull().default(sql`'{}'`),
    allowUsers: text('allow_users').array().notNull().default(sql`'{}'`),
    denyUsers: text('deny_users').array().notNull().default(sql`'{}'`),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.command] }),
    check('command_config_user_level_check', sql`${t.userLevel} in ('everyone', 'subscriber', 'vip', 'moderator', 'broadcaster')`),
  ],
);

/** The bot account's tokens, sealed (AES-256-GCM); `origin` fingerprints the configured token they descend from. */
export const botTokens = pgTable('bot_tokens', {
  login: text('login').primaryKey(),
  accessTokenSealed: text('access_token_sealed').notNull(),
  refreshTokenSealed: text('refresh_token_sealed'),
  origin: text('origin').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Dashboard roles granted in a channel; the broadcaster is the owner without a row. */
export const channelRoles = pgTable(
  'channel_roles',
  {
    channel: text('channel').notNull().references(() => channels.login, { onDelete: 'cascade' }),
    userLogin: text('user_login').notNull(),
    role: text('role').$type<Exclude<ChannelRole, 'owner'>>().notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.userLogin] })],
);

/** API keys for machine clients: scoped to a channel and a role, stored as a hash only. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  channel: text('channel').notNull().references(() => channels.login, { onDelete: 'cascade' }),
  role: text('role').$type<ChannelRole>().notNull(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** A broadcaster's own authorization of the bot (subs, bits, redemptions, polls), sealed. */
export const channelTokens = pgTable('channel_tokens', {
  channel: text('channel').primaryKey().references(() => channels.login, { onDelete: 'cascade' }),
  login: text('login').notNull(),
  accessTokenSealed: text('access_token_sealed').notNull(),
  refreshTokenSealed: text('refresh_token_sealed'),
  scopes: text('scopes').array().notNull().default(sql`'{}'`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const coreSchema = { channels, channelSettings, users, commandConfig, botTokens, channelRoles, apiKeys, channelTokens };
