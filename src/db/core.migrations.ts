import type { Migration } from './migrations.ts';

export const coreMigrations: Migration[] = [
  {
    id: 'core:0001_init',
    sql: `
create table channels (
  login text primary key,
  twitch_id text unique,
  display_name text,
  joined boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
--> statement-breakpoint
create table channel_settings (
  channel text primary key references channels(login) on delete cascade,
  prefix text not null default '!',
  language text not null default 'en',
  disabled_modules text[] not null default '{}',
  module_settings jsonb not null default '{}'
);
--> statement-breakpoint
create table users (
  twitch_id text primary key,
  login text not null,
  display_name text not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null
);
--> statement-breakpoint
create index users_login_idx on users (login);
--> statement-breakpoint
create table command_config (
  channel text not null references channels(login) on delete cascade,
  command text not null,
  enabled boolean not null default true,
  user_level text constraint command_config_user_level_check
    check (user_level in ('everyone', 'subscriber', 'vip', 'moderator', 'broadcaster')),
  global_cooldown_s integer,
  user_cooldown_s integer,
  aliases text[] not null default '{}',
  allow_users text[] not null default '{}',
  deny_users text[] not null default '{}',
  primary key (channel, command)
);
`,
  },
  {
    id: 'core:0002_bot_tokens',
    sql: `
create table bot_tokens (
  login text primary key,
  access_token_sealed text not null,
  refresh_token_sealed text,
  origin text not null,
  updated_at timestamptz not null default now()
);
`,
  },
  {
    id: 'core:0003_access',
    sql: `
create table channel_roles (
  channel text not null references channels(login) on delete cascade,
  user_login text not null,
  role text not null check (role in ('viewer', 'moderator', 'editor')),
  granted_by text not null,
  granted_at timestamptz not null default now(),
  primary key (channel, user_login)
);
--> statement-breakpoint
create table api_keys (
  id text primary key,
  channel text not null references channels(login) on delete cascade,
  role text not null check (role in ('viewer', 'moderator', 'editor', 'owner')),
  name text not null,
  key_hash text not null unique,
  created_by text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
--> statement-breakpoint
create index api_keys_channel_idx on api_keys (channel);
`,
  },
  {
    id: 'core:0004_channel_tokens',
    sql: `
create table channel_tokens (
  channel text primary key references channels(login) on delete cascade,
  login text not null,
  access_token_sealed text not null,
  refresh_token_sealed text,
  scopes text[] not null default '{}',
  updated_at timestamptz not null default now()
);
`,
  },
];
