import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { buildTestApp, loginAs, type TestApp } from '../../http/http.testing.ts';
import { moduleHarness } from './commands.testing.ts';

let sandbox: Sandbox;
let harness: Awaited<ReturnType<typeof moduleHarness>>;
let t: TestApp;
let mod: Record<string, string>;
let viewer: Record<string, string>;

before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  harness = await moduleHarness({ channels: ['chan'] });
  t = await buildTestApp({ database: harness.database, authUrl: `${sandbox.httpUrl}/auth`, modules: [harness.feature.module] });
  await t.access.grant('chan', 'a_mod', 'moderator', 'chan');
  await t.access.grant('chan', 'a_viewer', 'viewer', 'chan');
  mod = { authorization: `Bearer ${(await loginAs(t.app, 'a_mod')).accessToken}` };
  viewer = { authorization: `Bearer ${(await loginAs(t.app, 'a_viewer')).accessToken}` };
});
after(async () => {
  await t.app.close();
  await harness.close();
  await sandbox.close();
});

test('a mod creates, lists, edits and deletes a command through the API, and chat uses it', async () => {
  const created = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: '!hello', text: 'Hi $(user), you are #$(count)', userCooldownSeconds: 5 } });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().command.name, 'hello');
  assert.equal(created.json().command.createdBy, 'a_mod');

  await harness.say('!hello', 'someone');
  assert.equal(harness.lastText(), 'Hi Someone, you are #1', '$(user) is the display name');

  const list = await t.app.inject({ url: '/api/channels/chan/commands', headers: mod });
  assert.deepEqual(list.json().map((c: { name: string; useCount: number }) => [c.name, c.useCount]), [['hello', 1]]);

  const edited = await t.app.inject({ method: 'PATCH', url: '/api/channels/chan/commands/hello', headers: mod, payload: { text: 'Hello $(user)', userLevel: 'subscriber' } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().command.userLevel, 'subscriber');

  assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/channels/chan/commands/hello', headers: mod })).statusCode, 204);
  const gone = await t.app.inject({ url: '/api/channels/chan/commands/hello', headers: mod });
  assert.equal(gone.statusCode, 404);
  assert.equal(gone.json().error.code, 'commands.not_found');
});

test('refusals keep their stable codes: a taken name is 409, a hostile template is 400', async () => {
  await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: 'dup', text: 'one' } });
  const taken = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: 'dup', text: 'two' } });
  assert.equal(taken.statusCode, 409);
  assert.equal(taken.json().error.code, 'commands.name_taken');
  const reserved = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: 'commands', text: 'x' } });
  assert.equal(reserved.json().error.code, 'commands.reserved_name');
  const ssrf = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: 'meta', text: '$(urlfetch http://169.254.169.254/latest/meta-data)' } });
  assert.equal(ssrf.statusCode, 400, ssrf.body);
  const deep = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands', headers: mod, payload: { name: 'deep', text: '$(touser '.repeat(200) } });
  assert.equal(deep.statusCode, 400);
});

test('a viewer may read the variable reference but not the commands', async () => {
  const variables = await t.app.inject({ url: '/api/channels/chan/commands/variables', headers: viewer });
  assert.equal(variables.statusCode, 200);
  assert.ok(variables.json().some((v: { name: string; usage: string }) => v.name === 'touser' && v.usage.includes('$(touser')));
  assert.equal((await t.app.inject({ url: '/api/channels/chan/commands', headers: viewer })).statusCode, 403);
});

test('the preview expands a template for a sample user without touching counters', async () => {
  const preview = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands/preview', headers: mod, payload: { template: '$(user) hugs $(touser $(1)). Deaths: $(counter deaths +1) $(nope)', args: ['friend'] } });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(preview.json().text, 'sample_viewer hugs friend. Deaths: ‹counter deaths +1› $(nope)');
  assert.equal(preview.json().warnings[0].code, 'commands.unknown_variable');
  const counters = await t.app.inject({ url: '/api/channels/chan/commands/counters', headers: mod });
  assert.deepEqual(counters.json(), [], 'the preview did not create or bump the counter');
});

test('quotes, counters and timers through the API', async () => {
  const quote = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands/quotes', headers: mod, payload: { text: 'gg no re' } });
  assert.equal(quote.statusCode, 201, quote.body);
  assert.equal(quote.json().number, 1);
  assert.equal((await t.app.inject({ method: 'PUT', url: '/api/channels/chan/commands/counters/deaths', headers: mod, payload: { value: 7 } })).json().value, 7);
  await harness.say('!quote 1', 'someone');
  assert.match(harness.lastText()!, /gg no re/);
  const timer = await t.app.inject({ method: 'POST', url: '/api/channels/chan/commands/timers', headers: mod, payload: { name: 'socials', messages: ['Follow!'], intervalMinutes: 10 } });
  assert.equal(timer.statusCode, 403, 'timers need the editor role');
});
