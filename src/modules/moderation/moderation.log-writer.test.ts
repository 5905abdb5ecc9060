import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LogWriter } from './moderation.log-writer.ts';
import type { LogEntry } from './moderation.tables.ts';
import { silentLogger } from './moderation.testing.ts';

function entry(n: number): LogEntry {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    channel: 'sandbox', channelId: '1', userId: `u${n}`, userLogin: `user${n}`, messageId: `m${n}`, messageText: 'x', rule: 'links',
    detail: '', score: null, action: 'delete', durationSeconds: null, actor: 'bot', status: 'done', error: null,
    createdAt: new Date(0), undoneAt: null, undoneBy: null,
  };
}

class FlakyRepository {
  written: LogEntry[] = [];
  failures = 0;
  async insert(entries: readonly LogEntry[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connection refused');
    }
    this.written.push(...entries);
  }
}

describe('LogWriter', () => {
  test('writes queued entries in order, in batches', async () => {
    const repo = new FlakyRepository();
    const writer = new LogWriter(repo, silentLogger, { flushIntervalMs: 60_000, batchSize: 2 });
    for (let i = 1; i <= 5; i++) writer.add(entry(i));
    await writer.flush();
    assert.deepEqual(repo.written.map((e) => e.userLogin), ['user1', 'user2', 'user3', 'user4', 'user5']);
    await writer.close();
  });

  test('a failed write keeps its entries and the next flush writes them: none is lost', async () => {
    const repo = new FlakyRepository();
    const writer = new LogWriter(repo, silentLogger, { flushIntervalMs: 60_000 });
    repo.failures = 2;
    writer.add(entry(1));
    await assert.rejects(writer.flush(), /connection refused/);
    writer.add(entry(2));
    await assert.rejects(writer.flush(), /connection refused/);
    assert.equal(writer.pendingCount, 2);
    await writer.flush();
    assert.deepEqual(repo.written.map((e) => e.userLogin), ['user1', 'user2']);
    assert.equal(writer.pendingCount, 0);
    await writer.close();
  });

  test('close retries what is left before giving up', async () => {
    const repo = new FlakyRepository();
    const writer = new LogWriter(repo, silentLogger, { flushIntervalMs: 60_000 });
    repo.failures = 2;
    writer.add(entry(1));
    await writer.close(3);
    assert.deepEqual(repo.written.map((e) => e.userLogin), ['user1']);
  });

  test('the timer flushes in the background and backs off after failures', async () => {
    const repo = new FlakyRepository();
    const writer = new LogWriter(repo, silentLogger, { flushIntervalMs: 20 });
    repo.failures = 1;
    writer.add(entry(1));
    const deadline = Date.now() + 2_000;
    while (repo.written.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(repo.written.length, 1);
    await writer.close();
  });
});
