import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { channels } from '../../db/core.tables.ts';
import type { AppDb } from '../../db/database.ts';
import type { GameMode } from './eft.catalogue.ts';
import { eftAlerts, type AlertDirection, type EftAlert } from './eft.tables.ts';

export interface NewAlert {
  channel: string;
  itemId: string;
  itemName: string;
  gameMode: GameMode;
  direction: AlertDirection;
  price: number;
  createdBy: string;
}

/** Price alerts, pending until a catalogue refresh crosses them. */
export class AlertsRepository {
  constructor(private readonly db: AppDb) {}

  async add(alert: NewAlert): Promise<EftAlert> {
    const [row] = await this.db.insert(eftAlerts).values(alert).returning();
    return row!;
  }

  listPending(channel: string): Promise<EftAlert[]> {
    return this.db
      .select()
      .from(eftAlerts)
      .where(and(eq(eftAlerts.channel, channel), isNull(eftAlerts.firedAt)))
      .orderBy(asc(eftAlerts.id));
  }

  async countPending(channel: string, createdBy?: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(eftAlerts)
      .where(and(eq(eftAlerts.channel, channel), isNull(eftAlerts.firedAt), createdBy === undefined ? undefined : eq(eftAlerts.createdBy, createdBy)));
    return row?.n ?? 0;
  }

  /** Pending alerts of a game mode in the channels the bot is in (a channel it left keeps its alerts for a later join). */
  async pendingForMode(mode: GameMode): Promise<EftAlert[]> {
    const rows = await this.db
      .select({ alert: eftAlerts })
      .from(eftAlerts)
      .innerJoin(channels, eq(channels.login, eftAlerts.channel))
      .where(and(eq(eftAlerts.gameMode, mode), isNull(eftAlerts.firedAt), eq(channels.joined, true)));
    return rows.map((r) => r.alert);
  }

  /** Marks an alert fired; true only for the one caller (of any instance) that fired it. */
  async claim(id: number): Promise<boolean> {
    const rows = await this.db
      .update(eftAlerts)
      .set({ firedAt: sql`now()` })
      .where(and(eq(eftAlerts.id, id), isNull(eftAlerts.firedAt)))
      .returning({ id: eftAlerts.id });
    return rows.length > 0;
  }

  /** Removes a pending alert of the channel; `createdBy` limits it to that viewer's alerts. */
  async remove(channel: string, id: number, createdBy?: string): Promise<boolean> {
    const rows = await this.db
      .delete(eftAlerts)
      .where(
        and(
          eq(eftAlerts.channel, channel),
          eq(eftAlerts.id, id),
          isNull(eftAlerts.firedAt),
          createdBy === undefined ? undefined : eq(eftAlerts.createdBy, createdBy),
        ),
      )
      .returning({ id: eftAlerts.id });
    return rows.length > 0;
  }
}
