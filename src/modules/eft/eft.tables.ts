import { check, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { channels } from '../../db/core.tables.ts';
import type { GameMode } from './eft.catalogue.ts';

// Must stay in step with eft.migrations.ts: the migration creates the table, this only types the queries.

export type AlertDirection = 'below' | 'above';

export const eftAlerts = pgTable(
  'eft_alerts',
  {
    id: serial('id').primaryKey(),
    channel: text('channel')
      .notNull()
      .references(() => channels.login, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    itemName: text('item_name').notNull(),
    gameMode: text('game_mode').$type<GameMode>().notNull(),
    direction: text('direction').$type<AlertDirection>().notNull(),
    price: integer('price').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
  },
  (t) => [check('eft_alerts_price_check', sql`${t.price} > 0`)],
);

export type EftAlert = typeof eftAlerts.$inferSelect;
