// The fake refuses what the real API refuses, with Google's error body, so that tests against it mean something.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPerspectiveFake, type PerspectiveFake } from './perspective.fake.ts';

let fake: PerspectiveFake;
before(async () => {
  fake = await startPerspectiveFake({ key: 'fake-key-123' });
});
after(() => fake.close());

async function analyze(body: unknown, key: string | null = 'fake-key-123', on = fake): Promise<{ status: number; json: { error?: { code: number; message: string; status: string; details?: { reason: string }[] } } & Record<string, unknown> }> {
  const query = key === null ? '' : `?key=${key}`;
  const response = await fetch(`${on.url}/v1alpha1/comments:analyze${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

const valid = { comment: { text: 'you are an idiot' }, requestedAttributes: { TOXICITY: {}, INSULT: {} }, languages: ['en'], doNotStore: true };

test('answers a valid request with one summary score per requested attribute', async () => {
  const { status, json } = await analyze(valid);
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(json['attributeScores'] as object), ['TOXICITY', 'INSULT']);
  assert.deepEqual((json['attributeScores'] as Record<string, { summaryScore: unknown }>)['INSULT']!.summaryScore, { value: 0.93, type: 'PROBABILITY' });
  assert.deepEqual(json['languages'], ['en']);
});

test('a missing key is 403, a wrong one 400 API_KEY_INVALID', async () => {
  const missing = await analyze(valid, null);
  assert.deepEqual([missing.status, missing.json.error?.status], [403, 'PERMISSION_DENIED']);
  const wrong = await analyze(valid, 'nope');
  assert.deepEqual([wrong.status, wrong.json.error?.status, wrong.json.error?.details?.[0]?.reason], [400, 'INVALID_ARGUMENT', 'API_KEY_INVALID']);
});

test('bad requests are 400 INVALID_ARGUMENT naming the problem', async () => {
  const cases: [unknown, RegExp][] = [
    ['{not json', /Invalid JSON payload/],
    [{ ...valid, comment: { text: '' } }, /Comment must be non-empty/],
    [{ ...valid, comment: { text: 'x'.repeat(3001) } }, /too long/],
    [{ ...valid, requestedAttributes: {} }, /Requested attributes must be non-empty/],
    [{ ...valid, requestedAttributes: { NICENESS: {} } }, /NICENESS/],
    [{ ...valid, languages: ['de'] }, /Attribute INSULT does not support request languages: de/],
    [{ ...valid, doNotStore: 'yes' }, /do_not_store/],
  ];
  for (const [body, message] of cases) {
    const { status, json } = await analyze(body);
    assert.equal(status, 400, JSON.stringify(body).slice(0, 80));
    assert.equal(json.error?.code, 400);
    assert.equal(json.error?.status, 'INVALID_ARGUMENT');
    assert.match(json.error?.message ?? '', message);
  }
});

test('a quota per second answers 429 RESOURCE_EXHAUSTED beyond it', async () => {
  const limited = await startPerspectiveFake({ key: 'fake-key-123', quotaPerSecond: 3 });
  try {
    // Starts at the top of a second, so that the five requests fall into one.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await analyze(valid, 'fake-key-123', limited));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 429, 429]);
    assert.equal(answers[3]!.json.error?.status, 'RESOURCE_EXHAUSTED');
  } finally {
    await limited.close();
  }
});
