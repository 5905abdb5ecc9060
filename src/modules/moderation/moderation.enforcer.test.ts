import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedTopic } from '../../core/feed.ts';
import { ModerationEnforcer, type ActionRequest } from './moderation.enforcer.ts';
import { LogWriter } from './moderation.log-writer.ts';
import type { LogEntry } from './moderation.tables.ts';
import { FakeBus, FakeChat, FakeTwitch, ManualClock, silentLogger } from './moderation.testing.ts';

class MemoryRepository {
  rows: LogEntry[] = [];
  async insert(entries: readonly LogEntry[]): Promise<void> {
    this.rows.push(...entries);
  }
}

function setup() {
  const twitch = new FakeTwitch();
  const chat = new FakeChat();
  const bus = new FakeBus();
  const repo = new MemoryRepository();
  const log = new LogWriter(repo, silentLogger, { flushIntervalMs: 60_000 });
  const enforcer = new ModerationEnforcer({ twitch, chat, log, bus, logger: silentLogger, clock: new ManualClock() });
  return { twitch, chat, bus, repo, log, enforcer };
}

const request = (step: ActionRequest['step']): ActionRequest => ({
  channel: 'sandbox', channelId: '1000', userId: 'u1', login: 'viewer', messageId: 'm1', text: 'buy followers at x.xyz',
  rule: 'links', detail: 'link to x.xyz', step, actor: 'bot',
});

describe('ModerationEnforcer', () => {
  test('warn deletes the message through Helix and warns the chatter, naming the rule', async () => {
    const { twitch, chat, enforcer } = setup();
    await enforcer.apply(request({ type: 'warn' }));
    assert.deepEqual(twitch.calls, [{ method: 'deleteMessage', args: ['1000', 'm1'] }]);
    assert.equal(chat.sent[0]?.text, "@viewer, links need a moderator's !permit here (warning, links)");
  });

  test('timeouts and bans go through Helix with a reason that names the rule', async () => {
    const { twitch, enforcer } = setup();
    await enforcer.apply(request({ type: 'timeout', seconds: 600 }));
    await enforcer.apply(request({ type: 'ban' }));
    assert.deepEqual(twitch.calls, [
      { method: 'banUser', args: ['1000', 'u1', '[links] link to x.xyz', 600] },
      { method: 'banUser', args: ['1000', 'u1', '[links] link to x.xyz', undefined] },
    ]);
  });

  for (const status of [401, 403, 429, 500, 503]) {
    test(`a Helix ${status} (after the client's retries) is logged as a failed entry and published, never thrown`, async () => {
      const { twitch, bus, repo, log, enforcer } = setup();
      twitch.failWith = Object.assign(new Error(`Helix DELETE /moderation/chat answered ${status}: nope`), { status });
      const entry = await enforcer.apply(request({ type: 'delete' }));
      assert.equal(entry.status, 'failed');
      assert.match(entry.error ?? '', new RegExp(`answered ${status}`));
      await log.flush();
      assert.deepEqual(repo.rows.map((r) => [r.rule, r.action, r.status]), [['links', 'delete', 'failed']]);
      assert.equal(bus.published[0]?.topic, feedTopic('sandbox'));
    });
  }

  test('drain waits for actions still talking to Twitch', async () => {
    const { twitch, repo, log, enforcer } = setup();
    let release: () => void = () => {};
    twitch.deleteMessage = () => new Promise<void>((resolve) => (release = resolve));
    void enforcer.apply(request({ type: 'delete' }));
    const drained = enforcer.drain(2_000);
    setTimeout(() => release(), 20);
    await drained;
    await log.close();
    assert.equal(repo.rows.length, 1);
  });
});
