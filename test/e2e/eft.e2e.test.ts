// The eft module in the whole bot: the sandbox stands in for Twitch and a local fake of tarkov.dev
// (the real public schema over fixture data) for the API; the bot's own tarkov.dev client talks to it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startTarkovDevFake, type TarkovDevFake } from '../fakes/tarkov-dev/tarkov-dev.fake.ts';
import { control, startBot, waitForSent, waitUntil, type RunningBot, type SentMessage } from './bot.harness.ts';

describe('eft module against a fake tarkov.dev', { timeout: 180_000 }, () => {
  let fake: TarkovDevFake;
  let bot: RunningBot;
  let asker = 0;

  before(async () => {
    fake = await startTarkovDevFake();
    // A 2-second refresh lets the test watch refreshes, outages and recoveries in seconds.
    bot = await startBot({ env: { TARKOV_API_URL: fake.url, TARKOV_REFRESH_SECONDS: '2', CHAT_LIMIT_TIME_SCALE: '0.05' } });
  });
  after(async () => {
    if (process.env['EFT_E2E_DEBUG']) console.error(bot?.output().split('\n').filter((l) => /eft|warn|error/i.test(l)).slice(-40).join('\n'));
    await bot?.stop();
    await fake?.close();
  });

  /** A chatter (a new one each time, so per-user cooldowns never interfere) asks; resolves with the bot's threaded reply. */
  async function ask(text: string, options: { channel?: string; roles?: string[] } = {}): Promise<string> {
    const channel = options.channel ?? 'sandbox';
    const { id } = await control<{ id: string }>(bot, 'POST', '/control/chat', { channel, login: `eft_viewer_${++asker}`, roles: options.roles ?? [], text });
    const sent = await waitForSent(bot, (s) => s.some((m) => m.replyParentId === id), 15_000, `?channel=${channel}`);
    // The bot's transport varies a repeated message with an invisible tag character, as Twitch requires.
    const reply = sent.find((m) => m.replyParentId === id)!.text.replace(/[\u{E0000}-\u{E007F}]/gu, '').trimEnd();
    assert.ok(reply.length <= 500, `one chat message: ${reply.length} chars`);
    return reply;
  }

  /** Asks until the catalogue of the channel's market is loaded (the first ask starts that load). */
  async function askLoaded(text: string, options: { channel?: string; roles?: string[] } = {}): Promise<string> {
    let reply = '';
    await waitUntil(async () => !(reply = await ask(text, options)).startsWith('Prices are still loading'), `catalogue loaded for "${text}"`, 20_000);
    return reply;
  }

  const catalogueRequests = () => fake.requests.filter((r) => r.operationName === 'EftCatalogue');

  test('!price ledx answers from the fake: flea figures, per slot, 48 h change, best trader', async () => {
    const reply = await askLoaded('!price ledx');
    // LEDX: avg 1,020,000, last low 985,000, -2.1 % over 48 h; Therapist pays 63 % of the 166,000 base price.
    assert.equal(reply, 'LEDX Skin Transilluminator: flea avg 1.02M ₽, last low 985k ₽ · 1.02M ₽/slot · 48h -2.1% · best trader: Therapist 105k ₽');
    const first = catalogueRequests()[0]!;
    assert.deepEqual(first.variables, { lang: 'en', gameMode: 'regular' });
  });

  test('answers come from the catalogue, not one API call per message', async () => {
    const before = fake.requests.length;
    const started = Date.now();
    const replies = await Promise.all(['!price gpu', '!price btc', '!p m855a1', '!price grafics card', '!trader bitcoin', '!price salewa'].map((t) => ask(t)));
    const elapsedS = (Date.now() - started) / 1000;
    assert.match(replies[0]!, /^Graphics card: flea avg 612k ₽, last low 598k ₽ · 306k ₽\/slot/);
    assert.match(replies[1]!, /^Physical bitcoin: /);
    assert.match(replies[2]!, /^5\.56x45mm M855A1: /);
    assert.match(replies[3]!, /^Graphics card: /);
    // Only the background refresh (every 2 s) may have called the API meanwhile.
    assert.ok(fake.requests.length - before <= Math.ceil(elapsedS / 2) + 1, `${fake.requests.length - before} API calls for 6 answers in ${elapsedS} s`);
  });

  test('!trader compares every trader with the flea after its fee, in roubles and dollars', async () => {
    const ledx = await ask('!trader ledx');
    assert.match(ledx, /^LEDX Skin Transilluminator: Therapist 105k ₽, Fence 66.4k ₽ · flea 985k ₽ - fee [\d.]+k ₽ = [\d.]+k ₽ → sell on flea \(\+[\d.]+k ₽ vs Therapist\)$/);
    const roler = await ask('!trader roler');
    assert.match(roler, /Peacekeeper \$142 \(19\.7k ₽\)/);
    const banned = await ask('!trader m995');
    assert.equal(banned, '5.56x45mm M995: Prapor 525 ₽, Fence 420 ₽ · flea banned → sell to Prapor');
  });

  test('ambiguous and unknown items get a clear answer', async () => {
    assert.equal(
      await ask('!price slick'),
      'Did you mean LBT-6094A Slick Plate Carrier (Black), LBT-6094A Slick Plate Carrier (Olive) or LBT-6094A Slick Plate Carrier (Tan)?',
    );
    assert.equal(await ask('!price qwertyuiop'), 'No item matches "qwertyuiop".');
    assert.equal(await ask('!price'), 'Usage: !price <item>');
  });

  test('!hist, !supply and !worth', async () => {
    assert.match(await ask('!hist ledx 7'), /^LEDX Skin Transilluminator 7 d: [\d.]+[kM] ₽–[\d.]+[kM] ₽, avg [\d.]+[kM] ₽, trend [↑↓→] -?[\d.]+%$/);
    assert.ok(fake.requests.some((r) => r.operationName === 'EftHistory' && r.variables['days'] === 7 && r.variables['gameMode'] === 'regular'));
    assert.match(await ask('!supply ledx'), /^LEDX Skin Transilluminator: 142 offers now vs \d+ avg over 3 d \((?:[+-][\d.]+%|0%)\) → /);
    assert.equal(await ask('!worth ledx gpu btc'), 'Per slot: LEDX 1.02M ₽ > 0.2BTC 415k ₽ > GPU 306k ₽ (2 slots)');
  });

  test('a price alert is posted in chat when a refresh crosses it', async () => {
    const created = await ask('!alert ledx below 900k');
    assert.match(created, /^Alert #\d+: LEDX Skin Transilluminator below 900k ₽ \(now 985k ₽\)\.$/);
    const { seq } = (await control<SentMessage[]>(bot, 'GET', '/control/sent?channel=sandbox')).at(-1)!;
    fake.priceFactor = 0.9; // last low 985k becomes 886.5k
    const sent = await waitForSent(bot, (s) => s.some((m) => m.text.includes('price alert')), 15_000, `?channel=sandbox&after=${seq}`);
    const alert = sent.find((m) => m.text.includes('price alert'))!;
    assert.match(alert.text, /^@eft_viewer_\d+ price alert: LEDX Skin Transilluminator is now below 900k ₽: 887k ₽ on the flea\.$/);
    assert.equal(alert.replyParentId, null);
    assert.equal(await ask('!alert list'), 'No pending price alerts.');
    fake.priceFactor = 1;
  });

  test('when tarkov.dev goes down, answers come from the last catalogue with its age; then it recovers', async () => {
    fake.failure = 'http';
    const downAt = Date.now();
    await waitUntil(async () => catalogueRequests().some((r) => r.at > downAt + 100), 'a refresh against the failing API', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stale = await ask('!price ledx');
    assert.match(stale, /^LEDX Skin Transilluminator: flea avg [\d.]+[kM] ₽, .* \(prices from \d+ s ago\)$/);

    fake.failure = null;
    fake.delayMs = 5_000; // slower than the 2 s request timeout at this refresh pace
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.match(await ask('!price gpu'), /\(prices from \d+ s ago\)$/);

    fake.delayMs = 0;
    await waitUntil(async () => !(await ask('!price ledx')).includes('prices from'), 'fresh prices after recovery', 20_000);
  });

  test('!eftmode pve switches the channel to PvE prices; only moderators may', async () => {
    const viewer = await control<{ id: string }>(bot, 'POST', '/control/chat', { channel: 'utbot', login: 'eft_plain_viewer', text: '!eftmode pve' });
    assert.equal(await ask('!eftmode pve', { channel: 'utbot', roles: ['moderator'] }), 'Tarkov prices here are now PvE.');
    const sent = await control<SentMessage[]>(bot, 'GET', '/control/sent?channel=utbot');
    assert.ok(!sent.some((m) => m.replyParentId === viewer.id), 'a viewer cannot switch the mode');
    const pve = await askLoaded('!price ledx', { channel: 'utbot' });
    assert.ok(fake.requests.some((r) => r.operationName === 'EftCatalogue' && r.variables['gameMode'] === 'pve'));
    assert.doesNotMatch(pve, /flea avg 1\.02M ₽/, 'PvE has its own prices');
    assert.match(pve, /^LEDX Skin Transilluminator: flea avg /);
    assert.equal(await ask('!eftmode', { channel: 'utbot', roles: ['moderator'] }), 'Tarkov prices here are PvE. Usage: !eftmode pvp|pve');
    assert.match(await ask('!price ledx'), /flea avg 1\.02M ₽/, '#sandbox stays on PvP');
  });

  /** Runs the command-line check (asynchronously: the fake tarkov.dev serves from this process). */
  function eftMatch(input: string, apiUrl: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '-s', 'eft:match'], { env: { ...process.env, TARKOV_API_URL: apiUrl } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  test('npm run -s eft:match answers one JSON line per query from the catalogue at TARKOV_API_URL', async () => {
    const run = await eftMatch('ledx\nslick\nbitcion\nnothing like this\n', fake.url);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; match: { id: string; name: string; shortName: string } | null; candidates: { id: string; name: string }[] });
    assert.equal(lines.length, 4);
    assert.deepEqual(lines[0], {
      query: 'ledx',
      match: { id: '5c0530ee86f774697952d952', name: 'LEDX Skin Transilluminator', shortName: 'LEDX' },
      candidates: [{ id: '5c0530ee86f774697952d952', name: 'LEDX Skin Transilluminator' }],
    });
    assert.equal(lines[1]!.match, null);
    assert.equal(lines[1]!.candidates.length, 3);
    assert.equal(lines[2]!.match?.name, 'Physical bitcoin');
    assert.deepEqual(lines[3], { query: 'nothing like this', match: null, candidates: [] });

    const down = await eftMatch('ledx\n', 'http://127.0.0.1:9/graphql');
    assert.equal(down.status, 1);
    assert.match(down.stderr, /eft:match: no catalogue from http:\/\/127\.0\.0\.1:9\/graphql: tarkov\.dev is unreachable/);
  });
});
