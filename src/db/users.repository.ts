import { desc, eq, sql } from 'drizzle-orm';
import { columnParam } from './column-param.ts';
import type { AppDb } from './database.ts';
import { users } from './core.tables.ts';

export type User = typeof users.$inferSelect;

export interface SeenUser {
  twitchId: string;
  login: string;
  displayName: string;
  seenAt: Date;
}

// One array parameter per column (columnParam); the cap bounds one statement's size.
const MAX_ROWS_PER_STATEMENT = 5000;

export class UsersRepository {
  constructor(private readonly db: AppDb) {}

  /**
   * Records sightings in one statement (one per 5000 users): new users get first_seen, known users keep it;
   * last_seen only moves forward, and login/display name follow the latest sighting.
   */
  async upsertSeen(seen: SeenUser[]): Promise<void> {
    const rows = [...mergeByUser(seen).values()];
    for (let i = 0; i < rows.length; i += MAX_ROWS_PER_STATEMENT) {
      const batch = rows.slice(i, i + MAX_ROWS_PER_STATEMENT);
      const column = <T>(pick: (row: User) => T) => columnParam(batch, pick);
      await this.db.execute(sql`
        insert into users (twitch_id, login, display_name, first_seen, last_seen)
        select * from unnest(${column((r) => r.twitchId)}::text[], ${column((r) => r.login)}::text[], ${column((r) => r.displayName)}::text[],
          ${column((r) => r.firstSeen.toISOString())}::timestamptz[], ${column((r) => r.lastSeen.toISOString())}::timestamptz[])
        on conflict (twitch_id) do update set
          last_seen = greatest(users.last_seen, excluded.last_seen),
          login = case when excluded.last_seen >= users.last_seen then excluded.login else users.login end,
          display_name = case when excluded.last_seen >= users.last_seen then excluded.display_name else users.display_name end`);
    }
  }

  async findById(twitchId: string): Promise<User | null> {
    const [row] = await this.db.select().from(users).where(eq(users.twitchId, twitchId));
    return row ?? null;
  }

  /** Logins can be reused after a rename: this returns the user seen most recently under it. */
  async findByLogin(login: string): Promise<User | null> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(eq(users.login, login.toLowerCase()))
      .orderBy(desc(users.lastSeen))
      .limit(1);
    return row ?? null;
  }
}

// One statement cannot update the same row twice, so a user listed twice becomes one row spanning both sightings.
function mergeByUser(seen: SeenUser[]): Map<string, User> {
  const rows = new Map<string, User>();
  for (const s of seen) {
    const row = rows.get(s.twitchId);
    if (!row) {
      rows.set(s.twitchId, { twitchId: s.twitchId, login: s.login.toLowerCase(), displayName: s.displayName, firstSeen: s.seenAt, lastSeen: s.seenAt });
      continue;
    }
    if (s.seenAt < row.firstSeen) row.firstSeen = s.seenAt;
    if (s.seenAt >= row.lastSeen) Object.assign(row, { login: s.login.toLowerCase(), displayName: s.displayName, lastSeen: s.seenAt });
  }
  return rows;
}
