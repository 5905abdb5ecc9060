import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSandbox, type Sandbox } from './sandbox.ts';
import { call, eventually, LineClient, postJson, tagsOf } from './sandbox.testing.ts';

async function withSandbox(run: (sandbox: Sandbox, opened: LineClient[]) => Promise<void>, limitTimeScale = 1): Promise<void> {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0, moderators: { sandbox: ['modbot'] }, limitTimeScale });
  const opened: LineClient[] = [];
  try {
    await run(sandbox, opened);
  } finally {
    opened.forEach((c) => c.close());
    await sandbox.close();
  }
}

test('the login handshake answers like irc.chat.twitch.tv', () =>
  withSandbox(async (sandbox, opened) => {
    const c = await LineClient.open(sandbox.ircPort);
    opened.push(c);
    c.send('CAP LS 302', 'PASS oauth:whatever', 'NICK Tester');
    await c.waitFor((l) => l.includes('CAP * LS'));
    assert.equal(c.lines.some((l) => l.includes(' 001 ')), false, 'registration waits for CAP END after CAP LS');
    c.send('CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership sasl', 'CAP END');
    await c.waitFor((l) => l.includes(' 376 '));
    assert.deepEqual(c.lines.slice(0, 11), [
      ':tmi.twitch.tv CAP * LS :twitch.tv/membership twitch.tv/tags twitch.tv/commands',
      ':tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership',
      ':tmi.twitch.tv CAP * NAK :sasl',
      ':tmi.twitch.tv 001 tester :Welcome, GLHF!',
      ':tmi.twitch.tv 002 tester :Your host is tmi.twitch.tv',
      ':tmi.twitch.tv 003 tester :This server is rather new',
      ':tmi.twitch.tv 004 tester :-',
      ':tmi.twitch.tv 375 tester :-',
      ':tmi.twitch.tv 372 tester :You are in a maze of twisty passages, all alike.',
      ':tmi.twitch.tv 376 tester :>',
      (await c.waitFor((l) => l.includes('GLOBALUSERSTATE'))),
    ]);
    assert.match(c.lines[10] ?? '', /^@badge-info=;badges=;color=#[0-9A-F]{6};display-name=tester;emote-sets=0;user-id=\d+;user-type= :tmi\.twitch\.tv GLOBALUSERSTATE$/);

    c.send('JOIN #sandbox,#Other');
    const roomstate = await c.waitFor((l) => l.endsWith('ROOMSTATE #other'));
    const sandboxLines = c.lines.slice(11, 16);
    assert.deepEqual(sandboxLines.slice(0, 3), [
      ':tester!tester@tester.tmi.twitch.tv JOIN #sandbox',
      ':tester.tmi.twitch.tv 353 tester = #sandbox :tester',
      ':tester.tmi.twitch.tv 366 tester #sandbox :End of /NAMES list',
    ]);
    assert.match(sandboxLines[3] ?? '', /^@badge-info=;badges=;color=#\w+;display-name=tester;emote-sets=0;mod=0;subscriber=0;user-type= :tmi\.twitch\.tv USERSTATE #sandbox$/);
    const state = (await call(sandbox.httpUrl, '/control/state')).body as { channels: { login: string; id: string }[] };
    const sandboxId = state.channels.find((ch) => ch.login === 'sandbox')?.id;
    assert.equal(sandboxLines[4], `@emote-only=0;followers-only=-1;r9k=0;room-id=${sandboxId};slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #sandbox`);
    assert.equal(tagsOf(roomstate)['room-id'], state.channels.find((ch) => ch.login === 'other')?.id);

    c.send('PING :12345', 'PING');
    await c.waitFor((l) => l === ':tmi.twitch.tv PONG tmi.twitch.tv :12345');
    await c.waitFor((l) => l === 'PONG :tmi.twitch.tv');
  }));

test('a moderator gets its badge on join; others see JOIN and PART only with membership', () =>
  withSandbox(async (sandbox, opened) => {
    const watcher = await LineClient.login(sandbox.ircPort, 'watcher');
    const plain = await LineClient.login(sandbox.ircPort, 'plain', 'twitch.tv/tags twitch.tv/commands');
    opened.push(watcher, plain);
    watcher.send('JOIN #sandbox');
    plain.send('JOIN #sandbox');
    await watcher.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'));
    await plain.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'));

    const bot = await LineClient.login(sandbox.ircPort, 'modbot');
    opened.push(bot);
    bot.send('JOIN #sandbox');
    const userstate = await bot.waitFor((l) => l.includes('USERSTATE #sandbox'));
    assert.deepEqual(
      { badges: tagsOf(userstate).badges, mod: tagsOf(userstate).mod, type: tagsOf(userstate)['user-type'] },
      { badges: 'moderator/1', mod: '1', type: 'mod' },
    );
    await watcher.waitFor((l) => l === ':modbot!modbot@modbot.tmi.twitch.tv JOIN #sandbox');
    bot.send('PART #sandbox');
    await watcher.waitFor((l) => l === ':modbot!modbot@modbot.tmi.twitch.tv PART #sandbox');
    await bot.waitFor((l) => l === ':modbot!modbot@modbot.tmi.twitch.tv PART #sandbox');
    assert.equal(plain.lines.some((l) => l.includes('modbot!')), false);
  }));

test('a PRIVMSG reaches the others with Twitch tags, is recorded, and the sender gets USERSTATE', () =>
  withSandbox(async (sandbox, opened) => {
    const viewer = await LineClient.login(sandbox.ircPort, 'viewer');
    const untagged = await LineClient.login(sandbox.ircPort, 'untagged', 'twitch.tv/commands');
    const bot = await LineClient.login(sandbox.ircPort, 'modbot');
    opened.push(viewer, untagged, bot);
    for (const c of [viewer, untagged, bot]) c.send('JOIN #sandbox');
    await Promise.all([viewer, untagged, bot].map((c) => c.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'))));

    const { body } = await postJson(sandbox.httpUrl, '/control/chat', { channel: '#sandbox', login: 'asker', text: 'what is up?' });
    const parentId = (body as { id: string }).id;
    await bot.waitFor((l) => l.includes('PRIVMSG #sandbox :what is up?'));

    bot.send(`@reply-parent-msg-id=${parentId};client-nonce=abc PRIVMSG #sandbox :\x01ACTION waves Kappa\x01`);
    const line = await viewer.waitFor((l) => l.includes(':modbot!modbot@modbot.tmi.twitch.tv PRIVMSG #sandbox :\x01ACTION waves Kappa\x01'));
    const tags = tagsOf(line);
    assert.deepEqual(Object.keys(tags), [...Object.keys(tags)].sort(), 'tags in alphabetical order, as Twitch sends them');
    assert.equal(tags.badges, 'moderator/1');
    assert.equal(tags['user-type'], 'mod');
    assert.equal(tags['client-nonce'], 'abc');
    assert.equal(tags.emotes, '25:6-10');
    assert.equal(tags['reply-parent-msg-id'], parentId);
    assert.equal(tags['reply-parent-user-login'], 'asker');
    assert.equal(tags['reply-parent-msg-body'], 'what is up?');
    assert.equal(tags['reply-thread-parent-msg-id'], parentId);
    await untagged.waitFor((l) => l === ':modbot!modbot@modbot.tmi.twitch.tv PRIVMSG #sandbox :\x01ACTION waves Kappa\x01');
    const userstate = await bot.waitFor((l) => l.includes('USERSTATE #sandbox') && l.includes(`;id=${tags.id};`));
    assert.equal(tagsOf(userstate).mod, '1');
    assert.equal(bot.lines.some((l) => l.includes('PRIVMSG #sandbox :\x01ACTION')), false, 'no echo to the sender');

    const sent = (await call(sandbox.httpUrl, '/control/sent?channel=sandbox')).body as { seq: number; channel: string; text: string; replyParentId: string | null; via: string }[];
    assert.equal(sent.length, 1);
    assert.deepEqual({ ...sent[0], seq: undefined, at: undefined }, {
      seq: undefined, at: undefined, channel: 'sandbox', text: '\x01ACTION waves Kappa\x01', replyParentId: parentId, via: 'irc',
    });
    assert.deepEqual((await call(sandbox.httpUrl, `/control/sent?channel=%23sandbox&after=${sent[0]?.seq}`)).body, []);
    assert.deepEqual((await call(sandbox.httpUrl, '/control/sent?channel=other')).body, []);
  }));

test('rate limits: NOTICE to the sender, a violation recorded, nothing delivered', () =>
  withSandbox(async (sandbox, opened) => {
    const viewer = await LineClient.login(sandbox.ircPort, 'viewer');
    const bot = await LineClient.login(sandbox.ircPort, 'chatty');
    opened.push(viewer, bot);
    viewer.send('JOIN #sandbox');
    await viewer.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'));

    bot.send('PRIVMSG #sandbox :one', 'PRIVMSG #sandbox :two');
    await bot.waitFor((l) => l === '@msg-id=msg_ratelimit :tmi.twitch.tv NOTICE #sandbox :Your message was not sent because you are sending messages too quickly.');
    await new Promise((resolve) => setTimeout(resolve, 150)); // the 1 s gap, scaled by 0.1
    bot.send('PRIVMSG #sandbox :one');
    await bot.waitFor((l) => l.includes('msg_duplicate') && l.endsWith('identical to the previous one you sent, less than 30 seconds ago.'));
    await viewer.waitFor((l) => l.endsWith('PRIVMSG #sandbox :one'));
    assert.equal(viewer.lines.filter((l) => l.includes('PRIVMSG')).length, 1);

    const violations = (await call(sandbox.httpUrl, '/control/violations')).body as { seq: number; kind: string; channel: string }[];
    assert.deepEqual(violations.map((v) => [v.kind, v.channel]), [['msg_ratelimit', 'sandbox'], ['msg_duplicate', 'sandbox']]);
    assert.equal(((await call(sandbox.httpUrl, '/control/sent')).body as unknown[]).length, 1);

    bot.send(`JOIN ${Array.from({ length: 21 }, (_, i) => `#room${i}`).join(',')}`);
    await eventually(
      async () => (await call(sandbox.httpUrl, '/control/violations')).body as { kind: string; channel: string }[],
      (list) => list.some((v) => v.kind === 'join_ratelimit' && v.channel === 'room20'),
    );

    await postJson(sandbox.httpUrl, '/control/reset', {});
    assert.deepEqual((await call(sandbox.httpUrl, '/control/violations')).body, []);
    assert.deepEqual((await call(sandbox.httpUrl, '/control/sent')).body, []);
  }, 0.1));

test('a moderator is not held to the 1 s gap, but 100 messages per 30 s still apply', () =>
  withSandbox(async (sandbox, opened) => {
    const bot = await LineClient.login(sandbox.ircPort, 'modbot');
    opened.push(bot);
    bot.send(...Array.from({ length: 101 }, (_, i) => `PRIVMSG #sandbox :message ${i}`));
    await bot.waitFor((l) => l.includes('msg_ratelimit'));
    const sent = (await call(sandbox.httpUrl, '/control/sent')).body as unknown[];
    assert.equal(sent.length, 100);
  }, 0.1));

test('RECONNECT, raw lines, malformed input and drop', () =>
  withSandbox(async (sandbox, opened) => {
    const a = await LineClient.login(sandbox.ircPort, 'alpha');
    const anon = await LineClient.login(sandbox.ircPort, 'justinfan123');
    opened.push(a, anon);
    assert.equal(anon.lines.some((l) => l.includes('GLOBALUSERSTATE')), false);

    const raw = '@badge-info=;badges=;color=;display-name=Raw\\sUser;emotes=;id=1;mod=0;room-id=1;subscriber=0;tmi-sent-ts=1;turbo=0;user-id=42;user-type= :rawuser!rawuser@rawuser.tmi.twitch.tv PRIVMSG #sandbox :hello';
    const { body } = await postJson(sandbox.httpUrl, '/control/raw', { lines: [raw] });
    assert.deepEqual(body, { ok: true, delivered: 2 });
    await a.waitFor((l) => l === raw);
    await anon.waitFor((l) => l === raw);
    assert.equal((await postJson(sandbox.httpUrl, '/control/raw', { lines: ['a\r\nb'] })).status, 400);

    a.send('@@@', ':only-a-prefix', '\x00\x01garbage', 'PRIVMSG', 'JOIN', 'NOSUCHCOMMAND x');
    await a.waitFor((l) => l === ':tmi.twitch.tv 421 alpha NOSUCHCOMMAND :Unknown command');
    a.send('PING :still-alive');
    await a.waitFor((l) => l.endsWith(':still-alive'));

    await postJson(sandbox.httpUrl, '/control/reconnect', {});
    await a.waitFor((l) => l === ':tmi.twitch.tv RECONNECT');
    await anon.waitFor((l) => l === ':tmi.twitch.tv RECONNECT');

    await postJson(sandbox.httpUrl, '/control/drop', {});
    await Promise.all([a.waitClosed(), anon.waitClosed()]);
    const again = await LineClient.login(sandbox.ircPort, 'alpha');
    opened.push(again);
  }));

test('a login without a password is refused', () =>
  withSandbox(async (sandbox, opened) => {
    const c = await LineClient.open(sandbox.ircPort);
    opened.push(c);
    c.send('NICK someone');
    await c.waitFor((l) => l === ':tmi.twitch.tv NOTICE * :Login authentication failed');
    await c.waitClosed();
  }));
