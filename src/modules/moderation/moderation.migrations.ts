import type { ModuleMigration } from '../../core/module.ts';

export const moderationMigrations: ModuleMigration[] = [
  {
    id: 'moderation:0001_log',
    sql: `
create table moderation_log (
  id uuid primary key,
  channel text not null,
  channel_id text not null,
  user_id text not null,
  user_login text not null,
  message_id text,
  message_text text not null,
  rule text not null,
  detail text not null,
  score real,
  action text not null constraint moderation_log_action_check check (action in ('warn', 'delete', 'timeout', 'ban', 'unban')),
  duration_seconds integer,
  actor text not null,
  status text not null constraint moderation_log_status_check check (status in ('done', 'failed')),
  error text,
  created_at timestamptz not null,
  undone_at timestamptz,
  undone_by text
);
--> statement-breakpoint
create index moderation_log_channel_created_idx on moderation_log (channel, created_at);
`,
  },
];
