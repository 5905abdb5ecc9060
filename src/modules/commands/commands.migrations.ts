import type { ModuleMigration } from '../../core/module.ts';

// Rows reference channels(login) so that forgetting a channel removes its commands, counters, quotes and timers.
export const commandsMigrations: ModuleMigration[] = [
  {
    id: 'commands:0001_init',
    sql: `
create table custom_commands (
  id integer generated always as identity primary key,
  channel text not null references channels(login) on delete cascade,
  name text not null,
  aliases text[] not null default '{}',
  template text not null,
  enabled boolean not null default true,
  user_level text not null default 'everyone'
    check (user_level in ('everyone', 'subscriber', 'vip', 'moderator', 'broadcaster')),
  global_cooldown_s integer not null default 0 check (global_cooldown_s between 0 and 86400),
  user_cooldown_s integer not null default 0 check (user_cooldown_s between 0 and 86400),
  cost integer not null default 0 check (cost >= 0),
  response_mode text not null default 'reply' check (response_mode in ('reply', 'say', 'whisper')),
  trigger_kind text check (trigger_kind in ('keyword', 'pattern')),
  trigger text,
  use_count bigint not null default 0,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint custom_commands_channel_name_key unique (channel, name),
  check ((trigger_kind is null) = (trigger is null))
);
--> statement-breakpoint
create index custom_commands_channel_idx on custom_commands (channel);
--> statement-breakpoint
create table command_counters (
  channel text not null references channels(login) on delete cascade,
  name text not null,
  value bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (channel, name)
);
--> statement-breakpoint
create table quotes (
  id integer generated always as identity primary key,
  channel text not null references channels(login) on delete cascade,
  number integer not null,
  text text not null,
  game text,
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint quotes_channel_number_key unique (channel, number)
);
--> statement-breakpoint
create table quote_numbers (
  channel text primary key references channels(login) on delete cascade,
  last integer not null
);
--> statement-breakpoint
create table timers (
  id integer generated always as identity primary key,
  channel text not null references channels(login) on delete cascade,
  name text not null,
  messages text[] not null,
  interval_minutes integer not null constraint timers_interval_check check (interval_minutes between 1 and 1440),
  min_lines integer not null default 5 check (min_lines >= 0),
  mode text not null default 'online' check (mode in ('online', 'offline', 'both')),
  enabled boolean not null default true,
  next_index integer not null default 0,
  last_posted_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint timers_channel_name_key unique (channel, name)
);
`,
  },
];
