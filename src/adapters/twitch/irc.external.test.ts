import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEmotes, rolesFromTags, toChatEvent, toChatMessage } from './irc.external.ts';
import { parseIrcLine } from './irc.parser.ts';

test('maps a PRIVMSG to a ChatMessage with roles, emotes, bits, first-msg and reply parent', () => {
  const line =
    '@badge-info=founder/14;badges=vip/1,founder/0;bits=100;display-name=Fan\\s1;emotes=25:0-4,12-16;first-msg=1;' +
    'id=m1;mod=0;reply-parent-msg-id=p1;reply-parent-user-login=streamer;reply-parent-msg-body=hi\\sall;room-id=9;' +
    'tmi-sent-ts=1700000000000;user-id=42;vip=1 :fan1!fan1@fan1.tmi.twitch.tv PRIVMSG #Streamer :Kappa cheer Kappa';
  const message = toChatMessage(parseIrcLine(line))!;
  assert.equal(message.channel, 'streamer');
  assert.equal(message.channelId, '9');
  assert.equal(message.login, 'fan1');
  assert.equal(message.displayName, 'Fan 1');
  assert.deepEqual([...message.roles].sort(), ['founder', 'vip']);
  assert.deepEqual(message.emotes, [{ id: '25', start: 0, end: 4 }, { id: '25', start: 12, end: 16 }]);
  assert.equal(message.bits, 100);
  assert.equal(message.firstMessage, true);
  assert.deepEqual(message.replyParent, { id: 'p1', login: 'streamer', text: 'hi all' });
  assert.equal(message.sentAt, 1_700_000_000_000);
});

test('reads /me actions and survives missing tags', () => {
  const message = toChatMessage(parseIrcLine(':x!x@x PRIVMSG #c :\u0001ACTION waves\u0001'))!;
  assert.equal(message.text, 'waves');
  assert.equal(message.action, true);
  assert.equal(message.displayName, 'x');
  assert.equal(message.bits, 0);
  assert.equal(toChatMessage(parseIrcLine('PRIVMSG #c :no prefix')), null);
});

test('badges become roles; broadcaster, lead moderator and the mod flag count', () => {
  assert.deepEqual([...rolesFromTags({ badges: 'broadcaster/1,subscriber/0' })].sort(), ['broadcaster', 'subscriber']);
  assert.deepEqual([...rolesFromTags({ badges: 'lead_moderator/1' })], ['moderator']);
  assert.deepEqual([...rolesFromTags({ badges: '', mod: '1' })], ['moderator']);
  assert.deepEqual([...rolesFromTags({ badges: 'glhf-pledge/1,premium/1' })], []);
  assert.deepEqual([...rolesFromTags({ badges: 'constructor/1,__proto__/1,toString/1' })], [], 'names of Object.prototype members are no roles');
});

test('malformed emote tags are skipped, not thrown', () => {
  assert.deepEqual(parseEmotes('25:a-b,3-1/:1-2/x'), []);
  assert.deepEqual(parseEmotes(undefined), []);
});

test('maps USERNOTICE sub, raid and unknown kinds with msg-param tags', () => {
  const sub = toChatEvent(
    parseIrcLine('@display-name=Sub;login=sub;msg-id=resub;msg-param-cumulative-months=6;system-msg=Sub\\ssubscribed;user-id=5 :tmi.twitch.tv USERNOTICE #c :great stream'),
  );
  assert.deepEqual(sub && sub.type === 'usernotice' && [sub.kind, sub.login, sub.params['cumulative-months'], sub.text, sub.systemText], [
    'resub',
    'sub',
    '6',
    'great stream',
    'Sub subscribed',
  ]);
  const raid = toChatEvent(parseIrcLine('@login=raider;msg-id=raid;msg-param-viewerCount=12 :tmi.twitch.tv USERNOTICE #c'));
  assert.ok(raid?.type === 'usernotice' && raid.kind === 'raid' && raid.params['viewerCount'] === '12');
  const other = toChatEvent(parseIrcLine('@msg-id=bitsbadgetier :tmi.twitch.tv USERNOTICE #c'));
  assert.ok(other?.type === 'usernotice' && other.kind === 'other');
  const hostile = toChatEvent(parseIrcLine('@msg-id=constructor :tmi.twitch.tv USERNOTICE #c'));
  assert.ok(hostile?.type === 'usernotice' && hostile.kind === 'other');
});

test('maps CLEARCHAT, CLEARMSG, ROOMSTATE and NOTICE', () => {
  assert.deepEqual(toChatEvent(parseIrcLine('@ban-duration=600 :tmi.twitch.tv CLEARCHAT #c :troll')), {
    type: 'clearchat',
    channel: 'c',
    login: 'troll',
    durationSeconds: 600,
  });
  assert.deepEqual(toChatEvent(parseIrcLine(':tmi.twitch.tv CLEARCHAT #c')), { type: 'clearchat', channel: 'c', login: undefined, durationSeconds: undefined });
  assert.deepEqual(toChatEvent(parseIrcLine('@login=x;target-msg-id=m9 :tmi.twitch.tv CLEARMSG #c :bad')), {
    type: 'clearmsg',
    channel: 'c',
    login: 'x',
    messageId: 'm9',
  });
  const room = toChatEvent(parseIrcLine('@slow=10;subs-only=0 :tmi.twitch.tv ROOMSTATE #c'));
  assert.ok(room?.type === 'roomstate' && room.state['slow'] === '10');
  assert.deepEqual(toChatEvent(parseIrcLine('@msg-id=msg_ratelimit :tmi.twitch.tv NOTICE #c :too fast')), {
    type: 'notice',
    channel: 'c',
    msgId: 'msg_ratelimit',
    text: 'too fast',
  });
});
