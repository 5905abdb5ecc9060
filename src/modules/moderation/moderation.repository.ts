import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { columnParam } from '../../db/column-param.ts';
import type { AppDb } from '../../db/database.ts';
import { moderationLog, type LogEntry } from './moderation.tables.ts';

export interface LogQuery {
  channel: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** Only entries older than this (for paging back). */
  before?: Date;
  login?: string;
}

/** The moderation log in PostgreSQL (or PGlite). */
export class ModerationRepository {
  constructor(private readonly db: AppDb) {}

  /** Writes entries in one statement; an entry already written (same id) is left as it is. */
  async insert(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const column = <T>(pick: (e: LogEntry) => T) => columnParam(entries, pick);
    await this.db.execute(sql`
      insert into moderation_log (id, channel, channel_id, user_id, user_login, message_id, message_text, rule, detail,
        score, action, duration_seconds, actor, status, error, created_at, undone_at, undone_by)
      select * from unnest(
        ${column((e) => e.id)}::uuid[], ${column((e) => e.channel)}::text[], ${column((e) => e.channelId)}::text[],
        ${column((e) => e.userId)}::text[], ${column((e) => e.userLogin)}::text[], ${column((e) => e.messageId)}::text[],
        ${column((e) => e.messageText)}::text[], ${column((e) => e.rule)}::text[], ${column((e) => e.detail)}::text[],
        ${column((e) => e.score)}::real[], ${column((e) => e.action)}::text[], ${column((e) => e.durationSeconds)}::integer[],
        ${column((e) => e.actor)}::text[], ${column((e) => e.status)}::text[], ${column((e) => e.error)}::text[],
        ${column((e) => e.createdAt.toISOString())}::timestamptz[], ${column((e) => e.undoneAt?.toISOString() ?? null)}::timestamptz[],
        ${column((e) => e.undoneBy)}::text[])
      on conflict (id) do nothing`);
  }

  /** Newest first. */
  list(query: LogQuery): Promise<LogEntry[]> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    const conditions = [eq(moderationLog.channel, query.channel)];
    if (query.before) conditions.push(lt(moderationLog.createdAt, query.before));
    if (query.login) conditions.push(eq(moderationLog.userLogin, query.login));
    return this.db
      .select()
      .from(moderationLog)
      .where(and(...conditions))
      .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
      .limit(limit);
  }

  async get(id: string): Promise<LogEntry | null> {
    const [row] = await this.db.select().from(moderationLog).where(eq(moderationLog.id, id));
    return row ?? null;
  }

  /** Marks an entry undone; false when it was already undone (by someone else, meanwhile). */
  async markUndone(id: string, by: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(moderationLog)
      .set({ undoneAt: at, undoneBy: by })
      .where(and(eq(moderationLog.id, id), isNull(moderationLog.undoneAt)))
      .returning({ id: moderationLog.id });
    return rows.length > 0;
  }

  /** Deletes a channel's entries older than `before`; answers how many. */
  async prune(channel: string, before: Date): Promise<number> {
    const rows = await this.db
      .delete(moderationLog)
      .where(and(eq(moderationLog.channel, channel), lt(moderationLog.createdAt, before)))
      .returning({ id: moderationLog.id });
    return rows.length;
  }
}
