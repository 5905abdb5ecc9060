import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { createTestDb, createTestPostgres } from '../../db/test-db.ts';
import { moderationMigrations } from './moderation.migrations.ts';
import { ModerationRepository } from './moderation.repository.ts';
import type { LogEntry } from './moderation.tables.ts';

// PGlite always; PostgreSQL too where DATABASE_URL names a server (CI does).
const backends: [string, () => Promise<Database>][] = [['PGlite', () => createTestDb(moderationMigrations)]];
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) backends.push(['PostgreSQL', () => createTestPostgres(serverUrl, moderationMigrations)]);

function entry(overrides: Partial<LogEntry>): LogEntry {
  return {
    id: randomUUID(),
    channel: 'chan',
    channelId: '1',
    userId: '2',
    userLogin: 'viewer',
    messageId: 'm1',
    messageText: 'text',
    rule: 'caps',
    detail: 'detail',
    score: null,
    action: 'delete',
    durationSeconds: null,
    actor: 'bot',
    status: 'done',
    error: null,
    createdAt: new Date(Date.UTC(2026, 0, 1)),
    undoneAt: null,
    undoneBy: null,
    ...overrides,
  };
}

for (const [name, open] of backends) {
  describe(`moderation log on ${name}`, () => {
    test('a batch round-trips every column, hostile text and nulls included; a repeated id is ignored', async () => {
      const database = await open();
      try {
        const repository = new ModerationRepository(database.db);
        const hostile = entry({
          messageText: `{"a",b} \\ 'quote' NULL 😂 a\u200bb ,{}`,
          detail: 'ARRAY[1]',
          score: 0.875,
          action: 'timeout',
          durationSeconds: 600,
          error: 'Helix 500',
          status: 'failed',
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 1)),
          undoneAt: new Date(Date.UTC(2026, 0, 1, 0, 5)),
          undoneBy: 'a_mod',
        });
        const plain = entry({ messageId: null });
        await repository.insert([plain, hostile]);
        await repository.insert([{ ...hostile, detail: 'changed' }]);
        const rows = await repository.list({ channel: 'chan' });
        assert.deepEqual(rows, [hostile, plain]);
      } finally {
        await database.close();
      }
    });
  });
}
