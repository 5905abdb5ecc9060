import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { coreMigrations } from './core.migrations.ts';
import type { Database } from './database.ts';
import { applyMigrations, type Migration } from './migrations.ts';

/** A database without any migration; `connect` can be called more than once to act as several bot instances. */
export interface EmptyDatabase {
  connect(): Promise<Database>;
  dispose(): Promise<void>;
}

const coreIds = coreMigrations.map((m) => m.id);

export function migrationsContract(openEmpty: () => Promise<EmptyDatabase>): void {
  async function withDb(fn: (db: Database, empty: EmptyDatabase) => Promise<void>): Promise<void> {
    const empty = await openEmpty();
    const db = await empty.connect();
    try {
      await fn(db, empty);
    } finally {
      await db.close();
      await empty.dispose();
    }
  }

  test('applies each migration once; a second run applies nothing', () =>
    withDb(async ({ db }) => {
      assert.deepEqual(await applyMigrations(db, coreMigrations), coreIds);
      assert.deepEqual(await applyMigrations(db, coreMigrations), []);
      await db.execute(sql`select login, prefix from channels join channel_settings on channel = login`);
    }));

  test('applies only the migrations added since the last run', () =>
    withDb(async ({ db }) => {
      await applyMigrations(db, coreMigrations);
      const added: Migration = { id: 'quotes:0001_init', sql: 'create table quotes (id serial primary key, text text not null)' };
      assert.deepEqual(await applyMigrations(db, [...coreMigrations, added]), ['quotes:0001_init']);
      await db.execute(sql`insert into quotes (text) values ('hi')`);
    }));

  test('a failing migration rolls back entirely and is not recorded', () =>
    withDb(async ({ db }) => {
      const broken: Migration = {
        id: 'broken:0001',
        sql: 'create table half_done (id int)\n--> statement-breakpoint\nselect * from no_such_table',
      };
      await assert.rejects(applyMigrations(db, [...coreMigrations, broken]), /broken:0001/);
      const result = await db.execute(sql`select to_regclass('half_done')::text as name`);
      assert.equal(rowsOf<{ name: string | null }>(result)[0]?.name, null);
      assert.deepEqual(await applyMigrations(db, coreMigrations), [], 'the migrations before it stay applied');
    }));

  test('rejects duplicate ids', () =>
    withDb(async ({ db }) => {
      await assert.rejects(applyMigrations(db, [...coreMigrations, ...coreMigrations]), /duplicate/);
    }));

  test('two instances migrating at once both succeed and each migration runs once', () =>
    withDb(async (first, empty) => {
      const second = await empty.connect();
      try {
        const extra: Migration[] = [1, 2, 3].map((n) => ({ id: `race:000${n}`, sql: `create table race_${n} (id int)` }));
        const all = [...coreMigrations, ...extra];
        const [a, b] = await Promise.all([applyMigrations(first.db, all), applyMigrations(second.db, all)]);
        assert.deepEqual([...a, ...b].sort(), all.map((m) => m.id).sort());
      } finally {
        await second.close();
      }
    }));
}

// Both drivers return a pg-style result; AppDb cannot type it because the drivers' result types differ.
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
