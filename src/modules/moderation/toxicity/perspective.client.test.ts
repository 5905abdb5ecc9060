// The real Perspective client against the local fake of the API.
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startPerspectiveFake, type PerspectiveFake } from '../../../../test/fakes/perspective/perspective.fake.ts';
import { PerspectiveClient, PerspectiveError } from './perspective.client.ts';
import { analyzeCommentResponse } from './perspective.external.ts';

const KEY = 'AIzaSyTestKey-0123456789_abcdef';

describe('Perspective client', () => {
  let fake: PerspectiveFake;
  let client: PerspectiveClient;
  const observed: { service: string; outcome: string }[] = [];

  before(async () => {
    fake = await startPerspectiveFake({ key: KEY });
    client = new PerspectiveClient({ url: fake.url, key: KEY, observer: { observe: (service, _s, outcome) => observed.push({ service, outcome }) } });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.failure = null;
    fake.delayMs = 0;
    fake.retryAfterSeconds = null;
    fake.scores.clear();
    fake.requests.length = 0;
    observed.length = 0;
  });

  /** The error `promise` rejects with, checked to be a PerspectiveError that shows no trace of the key. */
  async function failure(promise: Promise<unknown>): Promise<PerspectiveError> {
    const error = await promise.then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof PerspectiveError, `a PerspectiveError, not ${inspect(error)}`);
    assert.ok(!inspect(error, { depth: 10 }).includes(KEY), 'the key is not in the error, its stack or its properties');
    assert.ok(!JSON.stringify(error).includes(KEY));
    return error;
  }

  test('sends the documented request and maps the answer: TOXICITY is the score, the strongest other attribute the category', async () => {
    const result = await client.analyze('you are such an idiot');
    assert.deepEqual(result, { score: 0.92, category: 'insult', evidence: 'perspective: INSULT 0.93' });
    const [request] = fake.requests;
    assert.equal(request?.text, 'you are such an idiot');
    assert.deepEqual(request?.attributes, ['TOXICITY', 'INSULT', 'THREAT', 'IDENTITY_ATTACK', 'SEXUALLY_EXPLICIT']);
    assert.deepEqual(request?.languages, ['en']);
    assert.equal(request?.doNotStore, true);
    assert.deepEqual(observed, [{ service: 'perspective', outcome: 'ok' }]);
  });

  test('each category attribute names its category; a clean message has none', async () => {
    assert.equal((await client.analyze('i will hurt you after the stream')).category, 'threat');
    assert.equal((await client.analyze('those people are vermin')).category, 'identity_attack');
    assert.equal((await client.analyze('send me your nudes')).category, 'sexual_harassment');
    assert.deepEqual(await client.analyze('what a great play that was'), { score: 0.03, category: null, evidence: 'perspective: TOXICITY 0.03' });
    fake.scores.set('that boss fight was brutal', { TOXICITY: 0.8, INSULT: 0.3, THREAT: 0.2 });
    assert.deepEqual(await client.analyze('that boss fight was brutal'), { score: 0.8, category: null, evidence: 'perspective: TOXICITY 0.80' }, 'no attribute reaches 0.5');
  });

  test('a malformed answer is a bad_answer error, not a crash', async () => {
    fake.failure = 'malformed';
    const malformed = await failure(client.analyze('hello there everyone'));
    assert.equal(malformed.code, 'bad_answer');
    assert.match(malformed.message, /attributeScores\.TOXICITY\.summaryScore\.value/);
    fake.failure = 'not-json';
    assert.equal((await failure(client.analyze('hello there everyone'))).code, 'bad_answer');
    assert.deepEqual(observed.map((o) => o.outcome), ['error', 'error']);
  });

  test('the answer schema refuses scores outside 0..1, non-numbers and answers without TOXICITY', () => {
    const score = (value: unknown) => ({ summaryScore: { value, type: 'PROBABILITY' } });
    assert.equal(analyzeCommentResponse.safeParse({ attributeScores: { TOXICITY: score(0.5) } }).success, true);
    assert.equal(analyzeCommentResponse.safeParse({ attributeScores: { TOXICITY: score(1.5) } }).success, false);
    assert.equal(analyzeCommentResponse.safeParse({ attributeScores: { TOXICITY: score('0.5') } }).success, false);
    assert.equal(analyzeCommentResponse.safeParse({ attributeScores: { INSULT: score(0.5) } }).success, false);
    assert.equal(analyzeCommentResponse.safeParse({ attributeScores: { TOXICITY: score(0.5), THREAT: score(-0.1) } }).success, false);
    assert.equal(analyzeCommentResponse.safeParse({ languages: ['en'] }).success, false);
  });

  test('500, 429 (with and without Retry-After) and a wrong key are told apart, and none shows the key', async () => {
    fake.failure = 'server';
    const server = await failure(client.analyze('hello there everyone'));
    assert.deepEqual([server.code, server.message], ['unavailable', 'Perspective answered HTTP 500: Internal error encountered.']);
    fake.failure = 'quota';
    fake.retryAfterSeconds = 30;
    const quota = await failure(client.analyze('hello there everyone'));
    assert.equal(quota.code, 'quota');
    assert.equal(quota.retryAfterMs, 30_000);
    fake.retryAfterSeconds = null;
    assert.equal((await failure(client.analyze('hello there everyone'))).retryAfterMs, undefined, 'Google usually sends no Retry-After');
    fake.failure = null;
    const wrongKey = await failure(new PerspectiveClient({ url: fake.url, key: 'AIzaWrongKey-987654321' }).analyze('hello there everyone'));
    assert.deepEqual([wrongKey.code, wrongKey.message], ['refused', 'Perspective refused the key with HTTP 400: API key not valid. Please pass a valid API key.']);
  });

  test('a slow answer is cut off by the caller\'s signal', async () => {
    fake.delayMs = 2_000;
    const started = performance.now();
    const error = await failure(client.analyze('hello there everyone', AbortSignal.timeout(200)));
    const elapsed = performance.now() - started;
    assert.equal(error.code, 'timeout');
    assert.ok(elapsed < 400, `gave up after ${elapsed.toFixed(0)} ms`);
    assert.deepEqual(observed, [{ service: 'perspective', outcome: 'error' }]);
  });

  test('an unreachable API and an over-long comment fail cleanly; the long one is never sent', async () => {
    const closed = await startPerspectiveFake({ key: KEY });
    await closed.close();
    const unreachable = await failure(new PerspectiveClient({ url: closed.url, key: KEY }).analyze('hello there everyone'));
    assert.equal(unreachable.code, 'unavailable');
    assert.match(unreachable.message, /ECONNREFUSED/);
    const tooLong = await failure(client.analyze('é'.repeat(1_501)));
    assert.equal(tooLong.code, 'bad_request');
    assert.equal(fake.requests.length, 0);
  });

  test('answers no real Perspective gives (a proxy, a captive portal) fail cleanly without the key', async () => {
    let answer: (url: URL, res: ServerResponse) => void = () => {};
    const proxy = createServer((req, res) => answer(new URL(req.url ?? '/', 'http://proxy'), res));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const through = new PerspectiveClient({ url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, key: KEY });
    try {
      answer = (url, res) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 400, message: `bad request to ${url.pathname}${url.search}`, status: 'INVALID_ARGUMENT' } }));
      const echoed = await failure(through.analyze('hello there everyone'));
      assert.deepEqual([echoed.code, echoed.message], ['bad_request', 'Perspective refused the request with HTTP 400: bad request to /v1alpha1/comments:analyze?key=[redacted]']);
      answer = (_url, res) => res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 403, message: 'The request is missing a valid API key.', status: 'PERMISSION_DENIED' } }));
      assert.equal((await failure(through.analyze('hello there everyone'))).code, 'refused');
      answer = (url, res) => res.writeHead(302, { location: `http://elsewhere.example${url.pathname}${url.search}` }).end();
      assert.equal((await failure(through.analyze('hello there everyone'))).code, 'unavailable', 'a redirect is not followed: it would carry the key');
      answer = (_url, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.5}}}, "padding": "${'x'.repeat(200_000)}"}`);
      };
      const huge = await failure(through.analyze('hello there everyone'));
      assert.deepEqual([huge.code, huge.message], ['bad_answer', 'Perspective answered more than 65536 bytes']);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
