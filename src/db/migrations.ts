import { eq, sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AppDb } from './database.ts';

// Drizzle's migrator reads a single drizzle-kit folder and journal, but every bot module ships its own
// migrations in code, so this small runner tracks them by id in one table instead.

/** A schema change; `id` is `<module>:<ordered name>`, e.g. `core:0001_init`. */
export interface Migration {
  id: string;
  /** Statements separated by drizzle-kit's `--> statement-breakpoint` (PGlite runs one statement per query). */
  sql: string;
}

const schemaMigrations = pgTable('schema_migrations', {
  id: text('id').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).defaultNow(),
});

const MIGRATION_LOCK = 0x75746221; // "utb!": any constant shared by every bot instance

type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];

/** Applies the pending migrations in the given order, each in its own transaction; returns the ids it applied. */
export async function applyMigrations(db: AppDb, migrations: Migration[]): Promise<string[]> {
  const ids = new Set(migrations.map((m) => m.id));
  if (ids.size !== migrations.length) throw new Error('duplicate migration ids');

  const known = await db.transaction(async (tx) => {
    await lock(tx);
    await tx.execute(sql`create table if not exists schema_migrations (id text primary key, applied_at timestamptz default now())`);
    const rows = await tx.select({ id: schemaMigrations.id }).from(schemaMigrations);
    return new Set(rows.map((r) => r.id));
  });

  const applied: string[] = [];
  for (const migration of migrations) {
    if (known.has(migration.id)) continue;
    const ran = await db.transaction(async (tx) => {
      await lock(tx);
      // Another instance may have applied it while this one waited for the lock.
      const done = await tx.select().from(schemaMigrations).where(eq(schemaMigrations.id, migration.id));
      if (done.length > 0) return false;
      try {
        for (const statement of splitStatements(migration.sql)) await tx.execute(sql.raw(statement));
      } catch (err) {
        throw new Error(`migration ${migration.id} failed: ${(err as Error).message}`, { cause: err });
      }
      await tx.insert(schemaMigrations).values({ id: migration.id });
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}

async function lock(tx: Tx): Promise<void> {
  // Waiting for another instance's migration, or running a long one, must not hit the pool's statement timeout.
  await tx.execute(sql`set local statement_timeout = 0`);
  await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK}::bigint)`);
}

function splitStatements(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
