import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from './database.ts';
import { createThrowawayDatabase } from './test-db.ts';

const serverUrl = process.env.DATABASE_URL;

describe('PostgreSQL connection', () => {
  if (!serverUrl) {
    test('connection', { skip: 'DATABASE_URL not set' }, () => {});
    return;
  }

  test('a killed idle connection is reported, not thrown, and the pool recovers', async () => {
    const throwaway = await createThrowawayDatabase(serverUrl);
    const errors: Error[] = [];
    const database = await openDatabase({ url: throwaway.url, dataDir: '', onError: (err) => errors.push(err) });
    try {
      await database.ping();
      const admin = await openDatabase({ url: serverUrl, dataDir: '' });
      const dbName = new URL(throwaway.url).pathname.slice(1);
      await admin.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName}`);
      await admin.close();
      const deadline = Date.now() + 3000;
      while (errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(errors.length > 0, 'onError saw the dropped connection');
      await database.ping();
    } finally {
      await database.close();
      await throwaway.drop();
    }
  });

  test('a statement over the timeout fails instead of hanging', async () => {
    const database = await openDatabase({ url: serverUrl, dataDir: '', statementTimeoutMs: 200 });
    try {
      await assert.rejects(database.db.execute(sql`select pg_sleep(2)`), (err: Error) => /statement timeout/.test(String(err.cause)));
    } finally {
      await database.close();
    }
  });
});
