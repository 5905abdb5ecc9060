import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { ModerationEnforcer } from './moderation.enforcer.ts';
import { LogWriter } from './moderation.log-writer.ts';
import { moderationMigrations } from './moderation.migrations.ts';
import { ModerationRepository } from './moderation.repository.ts';
import { ModerationError, ModerationService, type ModerationSettingsStore } from './moderation.service.ts';
import type { ModerationSettings } from './moderation.settings.ts';
import { FakeBus, FakeChat, FakeTwitch, ManualClock, silentLogger } from './moderation.testing.ts';

class MemoryStore implements ModerationSettingsStore {
  readonly stored = new Map<string, unknown>([['sandbox', undefined]]);
  async load(channel: string): Promise<unknown> {
    return this.stored.has(channel) ? this.stored.get(channel) : null;
  }
  async save(channel: string, settings: ModerationSettings): Promise<boolean> {
    if (!this.stored.has(channel)) return false;
    this.stored.set(channel, settings);
    return true;
  }
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ModerationError && error.code === code);
}

describe('ModerationService', () => {
  let database: Database;
  before(async () => {
    database = await createTestDb(moderationMigrations);
  });
  after(async () => {
    await database.close();
  });

  function setup() {
    const clock = new ManualClock();
    const twitch = new FakeTwitch();
    const repository = new ModerationRepository(database.db);
    const log = new LogWriter(repository, silentLogger, { flushIntervalMs: 60_000 });
    const enforcer = new ModerationEnforcer({ twitch, chat: new FakeChat(), log, bus: new FakeBus(), logger: silentLogger, clock });
    const store = new MemoryStore();
    const service = new ModerationService({ repository, log, enforcer, twitch, store, logger: silentLogger, clock });
    return { clock, twitch, repository, log, enforcer, store, service };
  }

  test('settings default to the schema, and updates merge per section', async () => {
    const { service } = setup();
    assert.equal((await service.getSettings('sandbox')).toxicity.threshold, 0.75);
    const updated = await service.updateSettings('sandbox', { toxicity: { threshold: 0.9 }, spam: { caps: { maxPercent: 80 } } });
    assert.equal(updated.toxicity.threshold, 0.9);
    assert.equal(updated.toxicity.enabled, true);
    assert.equal(updated.spam.caps.maxPercent, 80);
    assert.equal(updated.spam.flood.messages, 6, 'other filters keep their settings');
  });

  test('bad settings and unknown channels are refused with stable codes', async () => {
    const { service } = setup();
    await rejectsWith(service.updateSettings('sandbox', { toxicity: { threshold: 7 } }), 'moderation.invalid_settings');
    await rejectsWith(service.updateSettings('sandbox', { nonsense: true }), 'moderation.invalid_settings');
    await rejectsWith(service.updateSettings('sandbox', 'all on'), 'moderation.invalid_settings');
    await rejectsWith(service.getSettings('nowhere'), 'moderation.channel_not_found');
  });

  test('word lists: add, replace, remove; hostile patterns refused with a clear error', async () => {
    const { service } = setup();
    assert.deepEqual(await service.addBlockedTerm('sandbox', { term: 'buy\\s+views', kind: 'pattern', severity: 'high' }), [{ term: 'buy\\s+views', kind: 'pattern', severity: 'high' }]);
    assert.equal((await service.addBlockedTerm('sandbox', { term: 'scam' })).length, 2);
    await assert.rejects(service.addBlockedTerm('sandbox', { term: '(a+', kind: 'pattern' }), /moderation\.invalid_term: term: moderation\.pattern_invalid: /);
    assert.deepEqual((await service.removeBlockedTerm('sandbox', 'scam')).map((t) => t.term), ['buy\\s+views']);
    await rejectsWith(service.removeBlockedTerm('sandbox', 'scam'), 'moderation.term_not_found');
    assert.deepEqual(await service.addAllowedTerm('sandbox', 'Scunthorpe'), ['scunthorpe']);
    assert.deepEqual(await service.removeAllowedTerm('sandbox', 'scunthorpe'), []);
  });

  test('the log lists newest first, including entries still queued; undo lifts a timeout through Helix once', async () => {
    const { service, enforcer, twitch, clock } = setup();
    const base = { channel: 'undo-test', channelId: '1000', messageId: 'm', text: 'spam', rule: 'flood', detail: '7 messages', actor: 'bot' };
    const timeout = await enforcer.apply({ ...base, userId: 'u1', login: 'alice', step: { type: 'timeout', seconds: 600 } });
    clock.advance(1000);
    const deleted = await enforcer.apply({ ...base, userId: 'u2', login: 'bob', step: { type: 'delete' } });
    const listed = await service.listLog({ channel: 'undo-test' });
    assert.deepEqual(listed.map((e) => e.id), [deleted.id, timeout.id]);
    assert.deepEqual((await service.listLog({ channel: 'undo-test', login: 'alice' })).map((e) => e.userLogin), ['alice']);

    clock.advance(1000);
    const unban = await service.undo('undo-test', timeout.id, 'mod_one');
    assert.deepEqual(twitch.calls.at(-1), { method: 'unbanUser', args: ['1000', 'u1'] });
    assert.equal(unban.action, 'unban');
    assert.equal(unban.actor, 'mod_one');
    const after = await service.listLog({ channel: 'undo-test' });
    assert.equal(after[0]?.action, 'unban');
    assert.equal(after.find((e) => e.id === timeout.id)?.undoneBy, 'mod_one');

    await rejectsWith(service.undo('undo-test', timeout.id, 'mod_two'), 'moderation.already_undone');
    await rejectsWith(service.undo('undo-test', deleted.id, 'mod_one'), 'moderation.not_undoable');
    await rejectsWith(service.undo('other-channel', deleted.id, 'mod_one'), 'moderation.log_not_found');
    await rejectsWith(service.undo('undo-test', 'not-a-uuid', 'mod_one'), 'moderation.log_not_found');
  });

  test('an undo Helix refuses is reported and changes nothing', async () => {
    const { service, enforcer, twitch } = setup();
    const ban = await enforcer.apply({ channel: 'undo-fail', channelId: '1000', userId: 'u9', login: 'carol', text: 'x', rule: 'badwords', detail: 'high', actor: 'bot', step: { type: 'ban' } });
    twitch.failWith = new Error('Helix DELETE /moderation/bans answered 503: unavailable');
    await rejectsWith(service.undo('undo-fail', ban.id, 'mod_one'), 'moderation.undo_failed');
    assert.equal((await service.listLog({ channel: 'undo-fail' }))[0]?.undoneAt, null);
  });

  test('retention prunes entries older than the channel keeps them', async () => {
    const { service, enforcer, clock } = setup();
    await enforcer.apply({ channel: 'retention', channelId: '1', userId: 'u', login: 'old', text: 'x', rule: 'caps', detail: '', actor: 'bot', step: { type: 'delete' }, messageId: 'm' });
    clock.advance(10 * 86_400_000);
    await enforcer.apply({ channel: 'retention', channelId: '1', userId: 'u', login: 'new', text: 'x', rule: 'caps', detail: '', actor: 'bot', step: { type: 'delete' }, messageId: 'm' });
    await service.listLog({ channel: 'retention' });
    assert.equal(await service.pruneLog('retention', 5), 1);
    assert.deepEqual((await service.listLog({ channel: 'retention' })).map((e) => e.userLogin), ['new']);
  });
});
