// The provider with the real client against the local fake: which messages it asks about, its
// timeout, request budget, quota pause and circuit breaker. The budget and pauses run on a manual
// clock; the timeout is real time.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startPerspectiveFake, type PerspectiveFake } from '../../../../test/fakes/perspective/perspective.fake.ts';
import type { ToxicityProvider } from '../index.ts';
import { moderationSettings, type ModerationSettings } from '../moderation.settings.ts';
import { chatMessage, ManualClock } from '../moderation.testing.ts';
import { normalizeText } from '../moderation.text.ts';
import { OfflineToxicityAnalyser, type ToxicityResult } from './offline.analyser.ts';
import { FAILURES_BEFORE_PAUSE, FAILURE_PAUSE_MS, PerspectiveToxicityProvider, QUOTA_PAUSE_MS, REFUSED_PAUSE_MS, type PerspectiveProviderOptions } from './perspective.provider.ts';

const KEY = 'AIzaSyProviderTest-0123456789';
const UNSURE = 'some people should not be allowed near a keyboard';
const PERSPECTIVE_SAYS = { score: 0.88, category: 'insult', evidence: 'perspective: INSULT 0.90' };
// What the offline analyser says of UNSURE: under the threshold (so Perspective is asked), and the
// answer whenever Perspective's does not count.
const OFFLINE_SAYS = new OfflineToxicityAnalyser().analyse(normalizeText(UNSURE));

interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

describe('Perspective provider', () => {
  let fake: PerspectiveFake;
  let clock: ManualClock;
  let logs: LogLine[];
  const settings = moderationSettings.parse({});

  before(async () => {
    fake = await startPerspectiveFake({ key: KEY });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.failure = null;
    fake.delayMs = 0;
    fake.retryAfterSeconds = null;
    fake.requests.length = 0;
    fake.scores.clear();
    fake.scores.set(UNSURE, { TOXICITY: 0.88, INSULT: 0.9 });
    clock = new ManualClock();
    logs = [];
  });

  function provider(options: Partial<PerspectiveProviderOptions> = {}): ToxicityProvider {
    const record = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, msg });
    return new PerspectiveToxicityProvider({
      url: fake.url,
      key: KEY,
      timeoutMs: 1_000,
      qps: 1,
      clock,
      logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
      ...options,
    });
  }

  const logged = (level: string) => logs.filter((l) => l.level === level);
  const settled = async (value: ToxicityResult | Promise<ToxicityResult> | undefined) => {
    assert.ok(value instanceof Promise, 'Perspective is asked');
    return value;
  };
  const notAsked = (value: ToxicityResult | Promise<ToxicityResult> | undefined) => {
    assert.ok(!(value instanceof Promise), 'Perspective is not asked');
    return value;
  };
  const withSettings = (patch: object): ModerationSettings => moderationSettings.parse(patch);

  test('asks about a message the offline analyser is unsure of, and judges it by Perspective\'s score', async () => {
    const perspective = provider();
    assert.ok(OFFLINE_SAYS.score < settings.toxicity.threshold, `precondition: offline score ${OFFLINE_SAYS.score} under the threshold`);
    assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), PERSPECTIVE_SAYS);
    assert.deepEqual(fake.requests.map((r) => r.text), [UNSURE]);
  });

  test('does not ask about short messages, exempt authors, a switched-off filter, or what the offline analyser already flags', () => {
    const perspective = provider();
    assert.equal(perspective.score(chatMessage('gg'), settings), undefined);
    assert.equal(perspective.score(chatMessage('KEKW KEKW KEKW KEKW'), settings), undefined, 'one distinct word');
    assert.equal(perspective.score(chatMessage('@bob hi'), settings), undefined);
    assert.equal(perspective.score(chatMessage(UNSURE, { roles: ['vip'] }), settings), undefined, 'VIPs are exempt by default');
    assert.equal(perspective.score(chatMessage(UNSURE, { roles: ['moderator'] }), settings), undefined);
    assert.equal(perspective.score(chatMessage(UNSURE), withSettings({ toxicity: { enabled: false } })), undefined);
    const flagged = notAsked(perspective.score(chatMessage('you are so stupid'), settings));
    assert.ok(flagged!.score >= 0.75, `offline already flags it (${flagged!.score}); the offline result is handed on, not computed twice`);
    assert.equal(fake.requests.length, 0);
  });

  test('the band is the threshold that applies: a first message is judged at the lower one', async () => {
    // Whichever of these the offline analyser (retrained now and then) scores between the two thresholds.
    const candidates = ['interesting take, i wonder who raised you', 'people like that are why i left the hobby', 'your takes are always so weird', 'you play like my grandma'];
    const analyser = new OfflineToxicityAnalyser();
    const text = candidates.find((c) => {
      const score = analyser.analyse(normalizeText(c)).score;
      return score >= 0.6 && score < 0.75;
    });
    assert.ok(text, 'precondition: a candidate scores between the first-message threshold (0.6) and the usual one (0.75)');
    const offline = notAsked(provider().score(chatMessage(text, { firstMessage: true }), settings));
    assert.ok(offline!.score >= 0.6 && offline!.score < 0.75, `offline score ${offline!.score} between the two thresholds`);
    await settled(provider().score(chatMessage(text), settings));
    assert.deepEqual(fake.requests.map((r) => r.text), [text]);
  });

  test('sends the normalised text, so invisible characters and lookalikes do not hide a word', async () => {
    await settled(provider().score(chatMessage('what a pa\u200bthetic tаke'), settings));
    assert.equal(fake.requests[0]?.text, 'what a pathetic take');
  });

  test('a slow Perspective leaves the message to the offline score within the timeout', async () => {
    fake.delayMs = 3_000;
    const perspective = provider({ timeoutMs: 300 });
    const elapsed: number[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      const started = performance.now();
      const result = await settled(perspective.score(chatMessage(UNSURE), settings));
      elapsed.push(performance.now() - started);
      assert.deepEqual(result, OFFLINE_SAYS, 'the offline result');
      assert.ok(result.score < 0.75);
    }
    console.log(`# timeout 300 ms: answered after ${elapsed.map((e) => e.toFixed(0)).join(', ')} ms`);
    assert.ok(Math.max(...elapsed) < 400, `within the timeout and a little: ${elapsed.map((e) => e.toFixed(0)).join(', ')} ms`);
    assert.ok(Math.min(...elapsed) >= 295, 'it did wait for Perspective');
  });

  test('the request budget: beyond PERSPECTIVE_QPS a message keeps the offline score', async () => {
    const perspective = provider({ qps: 1 });
    await settled(perspective.score(chatMessage(UNSURE), settings));
    notAsked(perspective.score(chatMessage(UNSURE), settings));
    clock.advance(500);
    notAsked(perspective.score(chatMessage(UNSURE), settings));
    clock.advance(500);
    await settled(perspective.score(chatMessage(UNSURE), settings));
    assert.equal(fake.requests.length, 2);

    const slow = provider({ qps: 0.5 });
    await settled(slow.score(chatMessage(UNSURE), settings));
    clock.advance(1_000);
    notAsked(slow.score(chatMessage(UNSURE), settings));
    clock.advance(1_000);
    await settled(slow.score(chatMessage(UNSURE), settings));

    const fast = provider({ qps: 5 });
    const asked = Array.from({ length: 8 }, () => fast.score(chatMessage(UNSURE), settings)).filter((r) => r instanceof Promise);
    assert.equal(asked.length, 5, 'at most one second\'s worth at once');
    await Promise.all(asked);
  });

  test('a 429 pauses requests for 60 s (or Retry-After), logged once; then Perspective is asked again', async () => {
    const perspective = provider();
    fake.failure = 'quota';
    assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), OFFLINE_SAYS, 'the offline score');
    const hits = fake.hits;
    for (let t = 1; t < QUOTA_PAUSE_MS / 1000; t++) {
      clock.advance(1_000);
      notAsked(perspective.score(chatMessage(UNSURE), settings));
    }
    assert.equal(fake.hits, hits, 'no request during the pause');
    assert.equal(logged('warn').length, 1);
    assert.match(logged('warn')[0]!.msg!, /quota/);
    fake.failure = null;
    clock.advance(1_000);
    assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), PERSPECTIVE_SAYS);
    assert.equal(logged('info').length, 1, 'the end of the outage is logged');

    fake.failure = 'quota';
    fake.retryAfterSeconds = 5;
    clock.advance(1_000);
    await settled(perspective.score(chatMessage(UNSURE), settings));
    clock.advance(4_000);
    notAsked(perspective.score(chatMessage(UNSURE), settings));
    clock.advance(1_000);
    await settled(perspective.score(chatMessage(UNSURE), settings));
  });

  test('after consecutive failures the breaker pauses Perspective and logs once, not per message', async () => {
    const perspective = provider();
    fake.failure = 'server';
    for (let i = 0; i < FAILURES_BEFORE_PAUSE; i++) {
      clock.advance(1_000);
      await settled(perspective.score(chatMessage(UNSURE), settings));
    }
    const hits = fake.hits;
    for (let t = 1; t < FAILURE_PAUSE_MS / 1000; t++) {
      clock.advance(1_000);
      notAsked(perspective.score(chatMessage(UNSURE), settings));
    }
    assert.equal(fake.hits, hits);
    clock.advance(1_000);
    await settled(perspective.score(chatMessage(UNSURE), settings));
    assert.equal(fake.hits, hits + 1, 'one trial after the pause');
    clock.advance(1_000);
    notAsked(perspective.score(chatMessage(UNSURE), settings));
    assert.equal(logged('warn').length, 1, 'a failed trial pauses again without a new warning');
    fake.failure = null;
    clock.advance(FAILURE_PAUSE_MS);
    assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), PERSPECTIVE_SAYS);
    assert.equal(logged('info').length, 1);
    assert.equal(logged('debug').length, FAILURES_BEFORE_PAUSE + 1, 'each failure only at debug level');
  });

  test('failures short of the breaker, malformed answers included, do not pause', async () => {
    const perspective = provider();
    for (const failure of ['malformed', 'not-json', 'server'] as const) {
      fake.failure = failure;
      clock.advance(1_000);
      assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), OFFLINE_SAYS);
    }
    fake.failure = null;
    clock.advance(1_000);
    assert.deepEqual(await settled(perspective.score(chatMessage(UNSURE), settings)), PERSPECTIVE_SAYS, 'a success resets the count');
    assert.equal(logged('warn').length, 0);
  });

  test('a refused key pauses for 10 minutes with one error that names the setting, never the key', async () => {
    const perspective = provider({ key: 'AIzaSyWrongKey-000000000000' });
    await settled(perspective.score(chatMessage(UNSURE), settings));
    for (let t = 1; t < REFUSED_PAUSE_MS / 60_000; t++) {
      clock.advance(60_000);
      notAsked(perspective.score(chatMessage(UNSURE), settings));
    }
    clock.advance(60_000);
    await settled(perspective.score(chatMessage(UNSURE), settings));
    assert.equal(logged('error').length, 1);
    assert.match(logged('error')[0]!.msg!, /PERSPECTIVE_API_KEY/);
    assert.ok(!JSON.stringify(logs).includes('AIzaSyWrongKey'));
  });

  test('an unreachable Perspective never rejects; no log line ever holds the key', async () => {
    const gone = await startPerspectiveFake({ key: KEY });
    await gone.close();
    const perspective = provider({ url: gone.url });
    for (let i = 0; i < FAILURES_BEFORE_PAUSE + 2; i++) {
      clock.advance(1_000);
      const result = perspective.score(chatMessage(UNSURE), settings);
      if (result instanceof Promise) assert.deepEqual(await result, OFFLINE_SAYS);
    }
    assert.equal(logged('warn').length, 1);
    assert.ok(logs.length > 0 && !JSON.stringify(logs).includes(KEY));
  });

  test('describes itself for the start-up line without the key', () => {
    const perspective = new PerspectiveToxicityProvider({ url: 'https://user:pw@commentanalyzer.googleapis.com/', key: KEY, timeoutMs: 800, qps: 1, logger: console });
    assert.equal(perspective.describe(), 'perspective https://commentanalyzer.googleapis.com (timeout 800 ms, 1 req/s)');
  });
});
