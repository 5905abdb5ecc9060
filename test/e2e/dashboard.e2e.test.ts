// The dashboard in a real Chromium (Debian's package, driven by playwright-core) against the whole
// bot in sandbox mode: log in through the sandbox OAuth, watch the live monitor, talk through the
// sandbox panel, and, where the bot serves them, commands and moderation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { control, startBot, waitUntil, type RunningBot } from './bot.harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

describe('dashboard in Chromium', { timeout: 240_000, skip }, () => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  let routes: Set<string>;

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/dashboard-${name}.png`, fullPage: true });
  const feed = () => page.getByRole('region', { name: /Live chat of #sandbox/ });
  const served = (...keys: string[]) => keys.every((k) => routes.has(k));

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build-dashboard.mjs'], { encoding: 'utf8' });
    assert.equal(build.status, 0, `dashboard build failed:\n${build.stdout}\n${build.stderr}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    bot = await startBot({ env: { CHAT_LIMIT_TIME_SCALE: '0.05' } });
    const doc = (await (await fetch(`${bot.http}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    routes = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    // Playwright gives every launch a fresh temporary profile.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: 'dark' });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  test('serves the dashboard at / and its routes from index.html, not at /api', async () => {
    const home = await fetch(`${bot.http}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<div id="root">/);
    const deep = await fetch(`${bot.http}/c/sandbox/monitor`);
    assert.equal(deep.status, 200);
    assert.match(deep.headers.get('content-type') ?? '', /text\/html/);
    const api = await fetch(`${bot.http}/api/nothing-here`);
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('logs in through the sandbox OAuth and lists the channels where the user holds a role', async () => {
    await page.goto(`${bot.http}/`);
    const login = page.getByRole('link', { name: 'Log in with Twitch' });
    await login.waitFor();
    await shot('login');
    await login.click();
    await page.getByRole('heading', { name: 'Your channels' }).waitFor();
    const channel = page.getByRole('link', { name: /#sandbox/ });
    await channel.waitFor();
    assert.match((await channel.textContent()) ?? '', /owner/);
    assert.equal(await page.getByRole('link', { name: /#utbot/ }).count(), 0, 'sandbox holds no role in #utbot');
    await shot('channels');
    await channel.click();
    await page.getByRole('heading', { name: '#sandbox' }).waitFor();
    await page.getByText('Connected', { exact: true }).waitFor();
    await page.getByRole('switch', { name: 'commands module' }).or(page.getByRole('switch').first()).first().waitFor();
    await shot('overview');
  });

  test('the live monitor shows a sandbox chatter and the bot\'s reply', async () => {
    await page.getByRole('link', { name: 'Live monitor' }).click();
    await page.getByRole('heading', { name: 'Live monitor' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).first().waitFor();
    await page.getByLabel('Message', { exact: true }).fill('!commands');
    await page.getByLabel('Message', { exact: true }).press('Enter');
    const line = feed().locator('li.feed-chat', { hasText: '!commands' });
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /viewer1/);
    const reply = feed().locator('li.feed-reply', { hasText: 'Commands: ' });
    await reply.waitFor();
    assert.match((await reply.textContent()) ?? '', /@viewer1.*Commands: .*!commands/);
    assert.equal(await page.getByLabel('Message', { exact: true }).inputValue(), '', 'the panel clears the sent message');
    await page.mouse.move(0, 0);
    await shot('monitor');
  });

  test('chat text is rendered as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
    await page.getByLabel('Speak as').selectOption('subscriber');
    await page.getByLabel('Login', { exact: true }).fill('mallory');
    await page.getByLabel('Message', { exact: true }).fill(hostile);
    await page.getByRole('button', { name: 'Send' }).click();
    const line = feed().locator('li.feed-chat[data-login="mallory"]');
    await line.waitFor();
    assert.equal(await line.locator('.feed-text').textContent(), hostile);
    assert.equal(await feed().locator('img, b').count(), 0);
    assert.notEqual(await page.title(), 'pwned');
    assert.equal(await line.getByLabel('Subscriber').count(), 1, 'the sub badge shows');
  });

  test('a bad panel input is explained and kept', async () => {
    await page.getByLabel('Login', { exact: true }).fill('not a login!');
    await page.getByLabel('Message', { exact: true }).fill('hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Letters, digits and _ only, at most 25').waitFor();
    assert.equal(await page.getByLabel('Message', { exact: true }).inputValue(), 'hello');
    await page.getByLabel('Login', { exact: true }).fill('viewer1');
    await page.getByLabel('Speak as').selectOption('viewer');
  });

  test('the feed pauses while hovered and keeps a bounded DOM at 100 messages per second', async () => {
    await page.mouse.move(0, 0);
    const lines = feed().locator('li');
    // Frame gaps in the page while messages pour in; printed, not asserted (timing lives in bench/).
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      window.gaps = [];
      let last = performance.now();
      const tick = (now) => {
        window.gaps.push(now - last);
        last = now;
        if (window.gaps.length < 100000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    // 100 messages per second, each sent on its own schedule so a slow answer does not slow the rate.
    // Every message has its own chatter and its own words: this test is about rendering, and a flood or
    // copy-pasta timeout from the moderation module would clear lines from the view mid-test.
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike'];
    const phrase = (i: number) => [0, 1, 2, 3].map((k) => words[(i * 7 + k * 5 + Math.floor(i / 13)) % words.length]).join(' ');
    const pour = (prefix: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          new Promise((resolve) => setTimeout(resolve, i * 10)).then(() =>
            control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: `${prefix}_chatter_${i}`, text: `${prefix} ${i} ${phrase(i)}` }),
          ),
        ),
      );
    await pour('warmup', 250);
    await feed().locator('li', { hasText: 'warmup 249 ' }).waitFor();
    assert.ok((await lines.count()) <= 200, `at most 200 rows in the DOM, saw ${await lines.count()}`);

    const box = (await feed().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByText('Paused').waitFor();
    const before = await lines.last().textContent();
    await pour('during', 300);
    await page.getByText(/Paused · \d+ new/).waitFor();
    assert.equal(await lines.last().textContent(), before, 'the hovered view does not move');
    assert.equal(await feed().locator('li', { hasText: 'during 299 ' }).count(), 0);
    await shot('monitor-paused');

    await page.mouse.move(0, 0);
    await feed().locator('li', { hasText: 'during 299 ' }).waitFor();
    assert.ok((await lines.count()) <= 200);
    const gaps = (await page.evaluate('window.gaps.slice(5)')) as number[];
    gaps.sort((a, b) => a - b);
    const p = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * q))]!.toFixed(1);
    console.log(`monitor at 100 msg/s: ${gaps.length} frames, frame gap p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
  });

  test('sandbox events show in the monitor', async () => {
    await page.getByLabel('Event', { exact: true }).selectOption('raid');
    await page.getByLabel('Viewers').fill('42');
    await page.getByRole('button', { name: /Fire raid/ }).click();
    await feed().locator('li.feed-event', { hasText: /raid/i }).waitFor();
  });

  test('settings: a refused value is shown in plain words and the input is kept', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const prefix = page.getByLabel('Command prefix');
    await prefix.fill('a b');
    await page.getByText('No spaces').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true);
    await prefix.fill('?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await prefix.fill('!');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByLabel('Key name').fill('stream deck');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = page.getByLabel('New API key');
    await key.waitFor();
    const secret = (await key.textContent()) ?? '';
    assert.match(secret, /^utb_/);
    const withKey = await fetch(`${bot.http}/api/channels/sandbox`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(withKey.status, 200, 'the key shown once works against the API');
    await shot('settings');
    await page.getByRole('button', { name: 'Revoke the key stream deck' }).click();
    await page.getByText('No API keys yet.').waitFor();
    assert.equal((await fetch(`${bot.http}/api/channels/sandbox`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
  });

  test('commands: create one with the preview, use it from the panel, see the reply in the monitor', async (t) => {
    await page.getByRole('link', { name: 'Commands' }).click();
    await page.getByRole('heading', { name: 'Commands' }).waitFor();
    if (!served('GET /api/channels/{channel}/commands', 'POST /api/channels/{channel}/commands', 'POST /api/channels/{channel}/commands/preview')) {
      await page.getByText(/Custom commands is not available/).waitFor();
      await shot('commands');
      t.skip('the bot serves no commands API yet; the page says so');
      return;
    }
    await page.getByText('No custom commands yet.').waitFor();
    await page.getByRole('button', { name: 'New command' }).click();
    await page.getByLabel('Name', { exact: true }).fill('bad name!');
    await page.getByText('Letters, digits, _ and -, at most 32').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('!Hello');
    await page.getByLabel('Response').fill('Hello ');
    // The variable reference comes from the engine; "Insert" puts $(user) at the cursor.
    await page.getByRole('button', { name: 'Insert $(user)' }).click();
    assert.equal(await page.getByLabel('Response').inputValue(), 'Hello $(user)');
    await page.getByLabel('Response').press('End');
    await page.getByLabel('Response').pressSequentially(', welcome to $(channel)!');
    await page.getByTestId('preview-text').filter({ hasText: 'Hello sample_viewer, welcome to sandbox!' }).waitFor();
    await shot('commands-editor');
    await page.getByRole('button', { name: 'Create command' }).click();
    await page.getByRole('cell', { name: '!hello', exact: true }).waitFor();
    await page.getByLabel('Search commands').fill('nothing-like-it');
    await page.getByText('No command matches').waitFor();
    await page.getByLabel('Search commands').fill('hel');
    await page.getByRole('cell', { name: '!hello', exact: true }).waitFor();

    await page.getByRole('button', { name: 'New command' }).click();
    await page.getByLabel('Name', { exact: true }).fill('hello');
    await page.getByLabel('Response').fill('again');
    await page.getByRole('button', { name: 'Create command' }).click();
    await page.getByRole('alert').filter({ hasText: /hello/ }).waitFor();
    assert.equal(await page.getByLabel('Response').inputValue(), 'again', 'a refused form keeps its input');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await shot('commands');

    await page.getByRole('link', { name: 'Live monitor' }).click();
    await page.getByLabel('Login', { exact: true }).fill('newcomer');
    await page.getByLabel('Message', { exact: true }).fill('!hello');
    await page.getByLabel('Message', { exact: true }).press('Enter');
    await feed().locator('li.feed-reply', { hasText: 'Hello newcomer, welcome to sandbox!' }).waitFor();
    await page.getByLabel('Login', { exact: true }).fill('viewer1');
  });

  test('moderation settings: change a threshold, refuse a bad pattern, block a good one, and keep them', async (t) => {
    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { name: 'Moderation' }).waitFor();
    if (!served('GET /api/channels/{channel}/modules/{module}/settings', 'PUT /api/channels/{channel}/modules/{module}/settings')) {
      await page.getByRole('tab', { name: 'Filters' }).click();
      await page.getByText(/Moderation settings is not available/).waitFor();
      t.skip('the bot serves no module settings API yet; the page says so');
      return;
    }
    await page.getByRole('tab', { name: 'Filters' }).click();
    const caps = page.getByRole('group', { name: 'Capitals' });
    await caps.getByLabel('Most capitals (%)').fill('101');
    await caps.getByText('Between 1 and 100').waitFor();
    await caps.getByLabel('Most capitals (%)').fill('85');
    await page.getByText('You have unsaved changes.').waitFor();
    await shot('moderation-filters');

    await page.getByRole('tab', { name: 'Word lists' }).click();
    await page.getByLabel('Kind').selectOption('pattern');
    await page.getByLabel('Term', { exact: true }).fill('fr(e+');
    await page.getByText(/missing closing \)/i).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add', exact: true }).isDisabled(), true);
    await page.getByLabel('Term', { exact: true }).fill('fre+ ?followers');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: 'fre+ ?followers', exact: true }).waitFor();
    await shot('moderation-words');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('You have unsaved changes.').waitFor({ state: 'detached' });

    // A fresh load reads them back from the bot.
    await page.reload();
    await page.getByRole('tab', { name: 'Word lists' }).click();
    await page.getByRole('cell', { name: 'fre+ ?followers', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Filters' }).click();
    assert.equal(await page.getByRole('group', { name: 'Capitals' }).getByLabel('Most capitals (%)').inputValue(), '85');
    await page.getByRole('tab', { name: 'Escalation' }).click();
    await page.getByLabel('Offence 1', { exact: true }).waitFor();
    await shot('moderation-escalation');
  });

  test('moderation: time out a user from the monitor and see it in the log', async (t) => {
    if (!served('POST /api/channels/{channel}/moderation/actions', 'GET /api/channels/{channel}/moderation/log')) {
      await page.getByRole('link', { name: 'Moderation' }).click();
      await page.getByRole('tab', { name: 'Log' }).click();
      await page.getByText(/The moderation log is not available/).waitFor();
      await shot('moderation');
      t.skip('the bot serves no moderation actions or log API yet; the pages say so');
      return;
    }
    await page.getByRole('link', { name: 'Live monitor' }).click();
    await control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: 'troll42', text: 'buy followers' });
    const line = feed().locator('li.feed-chat[data-login="troll42"]').last();
    await line.waitFor();
    await line.hover();
    await line.getByRole('button', { name: 'Time out troll42 for 10 minutes' }).click();
    await page.getByText('Timed out troll42 for 10 min').waitFor();
    await waitUntil(async () => (await feed().locator('li.feed-removed[data-login="troll42"]').count()) > 0, 'the timed-out line is struck through');
    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('tab', { name: 'Log' }).click();
    await page.getByRole('cell', { name: 'troll42' }).first().waitFor();
    await shot('moderation');
  });

  test('phone width and light theme', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Live monitor' }).click();
    await page.getByRole('heading', { name: 'Live monitor' }).waitFor();
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'light');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling on a phone, overflow ${overflow}px`);
    await shot('monitor-phone-light');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: '#sandbox' }).waitFor();
    await shot('overview-phone-light');
    await page.setViewportSize({ width: 1360, height: 860 });
    await shot('overview-light');
  });

  test('logging out ends the session', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in with Twitch' }).waitFor();
    const refresh = await page.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status);
    assert.equal(refresh, 401);
  });
});
