import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describePostgres, openDatabase } from './database.ts';

test('describePostgres never shows credentials', () => {
  assert.equal(describePostgres('postgres://bot:s3cret@db.internal:6543/utb?sslmode=require'), 'postgres db.internal:6543/utb');
  assert.equal(describePostgres('postgresql://bot:s3cret@localhost/utb'), 'postgres localhost:5432/utb');
});

test('without a url, PGlite keeps its data in <dataDir>/pg', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'utb-db-'));
  try {
    const database = await openDatabase({ dataDir: `${dataDir}/` });
    assert.equal(database.kind, 'pglite');
    assert.equal(database.describe, `pglite ${dataDir}/pg`);
    await database.ping();
    await database.close();
    assert.ok(existsSync(join(dataDir, 'pg', 'PG_VERSION')));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an unreachable PostgreSQL fails ping instead of hanging', async () => {
  const database = await openDatabase({ url: 'postgres://bot:pw@127.0.0.1:1/utb', dataDir: '' });
  assert.equal(database.kind, 'postgres');
  assert.equal(database.describe, 'postgres 127.0.0.1:1/utb');
  await assert.rejects(database.ping());
  await database.close();
});
