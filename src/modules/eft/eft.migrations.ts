import type { ModuleMigration } from '../../core/module.ts';

export const eftMigrations: ModuleMigration[] = [
  {
    id: 'eft:0001_alerts',
    sql: `
create table eft_alerts (
  id serial primary key,
  channel text not null references channels(login) on delete cascade,
  item_id text not null,
  item_name text not null,
  game_mode text not null constraint eft_alerts_game_mode_check check (game_mode in ('regular', 'pve')),
  direction text not null constraint eft_alerts_direction_check check (direction in ('below', 'above')),
  price integer not null constraint eft_alerts_price_check check (price > 0),
  created_by text not null,
  created_at timestamptz not null default now(),
  fired_at timestamptz
);
--> statement-breakpoint
create index eft_alerts_pending_idx on eft_alerts (game_mode) where fired_at is null;
--> statement-breakpoint
create index eft_alerts_channel_idx on eft_alerts (channel) where fired_at is null;
`,
  },
];
