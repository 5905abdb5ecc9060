// The moderation module with the Perspective provider inside the real message pipeline: the real
// client against the local fake of Perspective, fakes for Twitch and chat, PGlite for the log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startPerspectiveFake, type PerspectiveFake } from '../../../../test/fakes/perspective/perspective.fake.ts';
import { CommandRegistry } from '../../../core/command-registry.ts';
import { defaultChannelConfig, type ChannelConfig } from '../../../core/module.ts';
import { MessagePipeline } from '../../../core/pipeline.ts';
import type { Database } from '../../../db/database.ts';
import { createTestDb } from '../../../db/test-db.ts';
import { moderationModule, PerspectiveToxicityProvider } from '../index.ts';
import { moderationMigrations } from '../moderation.migrations.ts';
import { moderationSettings } from '../moderation.settings.ts';
import { chatMessage, FakeBus, FakeChat, FakeTwitch, ManualClock, silentLogger } from '../moderation.testing.ts';

const KEY = 'AIzaSyModuleTest-0123456789';
// The offline analyser finds no word to hold against this one; Perspective (the fake) does.
const TOXIC = 'some people should not be allowed near a keyboard';
const HARMLESS = 'what a great play that was';
const TIMEOUT_MS = 300;

describe('moderation module with Perspective', () => {
  let database: Database;
  let fake: PerspectiveFake;
  before(async () => {
    database = await createTestDb(moderationMigrations);
    fake = await startPerspectiveFake({ key: KEY });
  });
  after(async () => {
    await fake.close();
    await database.close();
  });
  beforeEach(() => {
    fake.failure = null;
    fake.delayMs = 0;
    fake.requests.length = 0;
    fake.scores.clear();
    fake.scores.set(TOXIC, { TOXICITY: 0.88, INSULT: 0.9 });
  });

  function setup(settings: unknown = {}, url = fake.url) {
    const twitch = new FakeTwitch();
    const chat = new FakeChat();
    const failures: unknown[] = [];
    const module = moderationModule({
      db: database.db,
      twitch,
      chat,
      bus: new FakeBus(),
      logger: silentLogger,
      clock: new ManualClock(),
      settingsStore: { load: async () => ({}), save: async () => true },
      // A budget no test reaches: the budget has its own tests.
      toxicityProvider: new PerspectiveToxicityProvider({ url, key: KEY, timeoutMs: TIMEOUT_MS, qps: 1_000, logger: silentLogger }),
    });
    const registry = new CommandRegistry();
    registry.add(module);
    const config: ChannelConfig = { ...defaultChannelConfig('sandbox'), moduleSettings: new Map([['moderation', moderationSettings.parse(settings)]]) };
    const pipeline = new MessagePipeline({
      modules: [module],
      registry,
      channels: { get: () => config },
      rateLimiter: { consume: async () => ({ allowed: true, retryAfterMs: 0 }) },
      send: async () => {},
      observer: { stageTimed() {}, moduleFailed: (_m, _w, error) => void failures.push(error), commandRan() {} },
      logger: silentLogger,
    });
    return { module, twitch, chat, pipeline, config, failures };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('a message Perspective scores toxic is acted on through Helix, with a reason naming toxicity, and logged', async () => {
    const { module, twitch, pipeline } = setup({ toxicity: { action: { type: 'timeout', seconds: 600 } } });
    const outcome = await pipeline.handle(chatMessage(TOXIC, { id: 'mean-1', login: 'meanie' }));
    assert.equal(outcome.stoppedBy?.reason, 'toxicity: insult (0.88): perspective: INSULT 0.90');
    await settle();
    assert.deepEqual(twitch.calls, [{ method: 'banUser', args: ['1000', 'u-meanie', '[toxicity] insult (0.88): perspective: INSULT 0.90', 600] }]);
    const [entry] = await module.service.listLog({ channel: 'sandbox' });
    assert.deepEqual([entry?.rule, entry?.messageId, entry?.action], ['toxicity', 'mean-1', 'timeout']);
    assert.deepEqual(fake.requests.map((r) => r.text), [TOXIC]);
    await module.close?.();
  });

  test('with the default escalation the first offence is a warning (a first message skips it)', async () => {
    const { module, twitch, chat, pipeline } = setup();
    assert.ok((await pipeline.handle(chatMessage(TOXIC, { id: 'w-1', login: 'regular' }))).stoppedBy);
    assert.ok((await pipeline.handle(chatMessage(TOXIC, { id: 'f-1', login: 'newcomer', firstMessage: true }))).stoppedBy);
    await settle();
    assert.deepEqual(twitch.calls, [
      { method: 'deleteMessage', args: ['1000', 'w-1'] },
      { method: 'deleteMessage', args: ['1000', 'f-1'] },
    ]);
    assert.match(chat.sent[0]?.text ?? '', /^@regular, .*\(warning, toxicity\)$/);
    assert.equal(chat.sent.length, 1);
    await module.close?.();
  });

  test('a message Perspective finds harmless passes, and is counted once by the other filters', async () => {
    const { module, twitch, pipeline } = setup();
    // Flood allows 6 messages in 10 s: were a message judged twice, the fourth would already be the eighth.
    for (let i = 0; i < 6; i++) assert.equal((await pipeline.handle(chatMessage(`${HARMLESS} number ${i}`, { login: 'chatty' }))).stoppedBy, undefined);
    assert.equal(fake.requests.length, 6);
    assert.match((await pipeline.handle(chatMessage(`${HARMLESS} number 7`, { login: 'chatty' }))).stoppedBy?.reason ?? '', /^flood: 7 messages/);
    await settle();
    assert.equal(twitch.calls.length, 1);
    await module.close?.();
  });

  test('only messages worth a request wait for it; the rest are judged synchronously, as without Perspective', async () => {
    const { module, config, twitch } = setup();
    const hook = module.onMessage!;
    assert.equal(hook(chatMessage('gg'), config), undefined);
    const flagged = hook(chatMessage('you are so stupid', { id: 'offline-1' }), config);
    assert.ok(flagged && !(flagged instanceof Promise), 'the offline analyser flags it: no request, no promise');
    assert.match(flagged.reason ?? '', /^toxicity: insult/);
    const asked = hook(chatMessage(TOXIC), config);
    assert.ok(asked instanceof Promise);
    assert.match((await asked)?.reason ?? '', /^toxicity: /);
    assert.equal(fake.requests.length, 1);
    await settle();
    assert.equal(twitch.calls.length, 2);
    await module.close?.();
  });

  test('with Perspective slow, the offline score decides within the timeout', async () => {
    fake.delayMs = 3_000;
    const { module, twitch, pipeline } = setup({ toxicity: { action: { type: 'timeout', seconds: 600 } } });
    const elapsed: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const outcome = await pipeline.handle(chatMessage(TOXIC, { login: `slow${i}` }));
      elapsed.push(performance.now() - started);
      assert.equal(outcome.stoppedBy, undefined, 'the offline analyser finds nothing');
    }
    console.log(`# pipeline with Perspective 3 s late, timeout ${TIMEOUT_MS} ms: decided after ${elapsed.map((e) => e.toFixed(0)).join(', ')} ms`);
    assert.ok(Math.max(...elapsed) < TIMEOUT_MS + 100, `decided after ${elapsed.map((e) => e.toFixed(0)).join(', ')} ms`);
    const started = performance.now();
    assert.ok((await pipeline.handle(chatMessage('you are so stupid', { login: 'rude' }))).stoppedBy, 'the offline score still acts');
    assert.ok(performance.now() - started < 50, 'and without waiting for Perspective');
    await settle();
    assert.equal(twitch.calls.length, 1);
    await module.close?.();
  });

  test('a broken Perspective never crashes the bot: every message is still decided, offline', async () => {
    const closed = await startPerspectiveFake({ key: KEY });
    await closed.close();
    const broken = [setup(), setup(), setup(), setup(), setup({}, closed.url)];
    const failures = ['server', 'quota', 'malformed', 'not-json', null] as const;
    for (const [i, failure] of failures.entries()) {
      fake.failure = failure;
      const { module, pipeline, failures: hookFailures } = broken[i]!;
      assert.equal((await pipeline.handle(chatMessage(TOXIC))).stoppedBy, undefined, `${failure ?? 'unreachable'}: the offline score decides`);
      assert.ok((await pipeline.handle(chatMessage('you are so stupid'))).stoppedBy, `${failure ?? 'unreachable'}: the offline analyser still acts`);
      assert.deepEqual(hookFailures, [], 'the hook never threw');
      await module.close?.();
    }
  });
});
