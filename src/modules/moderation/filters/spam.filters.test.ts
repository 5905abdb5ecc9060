import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultModerationSettings as defaults } from '../moderation.settings.ts';
import { ChannelState } from '../moderation.state.ts';
import { chatMessage } from '../moderation.testing.ts';
import { capsFilter } from './caps.filter.ts';
import { copypastaFilter } from './copypasta.filter.ts';
import { emoteNames, emotesFilter } from './emotes.filter.ts';
import { check } from './filter.testing.ts';
import { floodFilter } from './flood.filter.ts';
import { lengthFilter } from './length.filter.ts';
import { mentionsFilter } from './mentions.filter.ts';
import { repetitionFilter } from './repetition.filter.ts';
import { symbolsFilter } from './symbols.filter.ts';
import { zalgoFilter } from './zalgo.filter.ts';

const spam = defaults.spam;

describe('caps filter', () => {
  const caps = capsFilter(spam.caps, emoteNames(['MYEMOTE']));
  test('flags shouting with enough letters', () => {
    assert.match(check(caps, chatMessage('WHY IS NOBODY LISTENING TO ME'))?.detail ?? '', /^100% capitals/);
  });
  test('passes short shouts, normal text, and capitalised emotes', () => {
    assert.equal(check(caps, chatMessage('LETS GOOO')), null, 'too few letters to judge');
    assert.equal(check(caps, chatMessage('That was a Really Nice Play by the Team')), null);
    assert.equal(check(caps, chatMessage('KEKW KEKW KEKW OMEGALUL MYEMOTE that was funny')), null, 'third-party emote names do not count');
    const tagged = chatMessage('PogChamp PogChamp PogChamp nice one', { emotes: [{ id: '88', start: 0, end: 7 }, { id: '88', start: 9, end: 16 }, { id: '88', start: 18, end: 25 }] });
    assert.equal(check(caps, tagged), null, 'tagged Twitch emotes do not count');
  });
  test('counts capitals of other scripts', () => {
    assert.ok(check(caps, chatMessage('ПОЧЕМУ НИКТО МЕНЯ НЕ СЛУШАЕТ ВООБЩЕ')));
  });
});

describe('symbols filter', () => {
  const symbols = symbolsFilter(spam.symbols);
  test('flags symbol walls and box-drawing art', () => {
    assert.ok(check(symbols, chatMessage('!!!!!!!!!!????????######')));
    assert.ok(check(symbols, chatMessage('╔══════╗ ║ ▓▓▓▓ ║ ╚══════╝')));
  });
  test('passes punctuation in normal sentences and emoji', () => {
    assert.equal(check(symbols, chatMessage('wait, what?! how did he do that... no way!')), null);
    assert.equal(check(symbols, chatMessage('😂😂😂😂😂😂😂😂😂😂😂😂😂😂😂😂')), null);
  });
});

describe('repetition filter', () => {
  const repetition = repetitionFilter(spam.repetition);
  test('flags a held-down key, even with zero-width characters between the letters', () => {
    assert.ok(check(repetition, chatMessage(`no${'o'.repeat(20)}`)));
    assert.ok(check(repetition, chatMessage(`a${'\u200ba'.repeat(20)}`)));
  });
  test('flags one word said over and over', () => {
    assert.match(check(repetition, chatMessage('buy '.repeat(12)))?.detail ?? '', /"buy" repeated/);
  });
  test('passes normal enthusiasm', () => {
    assert.equal(check(repetition, chatMessage('LETS GOOOOOOO')), null);
    assert.equal(check(repetition, chatMessage('gg gg gg wp')), null);
  });
});

describe('emotes filter', () => {
  const emotes = emotesFilter({ ...spam.emotes, max: 5 });
  test('counts tagged emotes, third-party names and emoji', () => {
    const tagged = chatMessage('Kappa Kappa Kappa', { emotes: [{ id: '25', start: 0, end: 4 }, { id: '25', start: 6, end: 10 }, { id: '25', start: 12, end: 16 }] });
    assert.equal(check(emotes, tagged), null);
    assert.ok(check(emotes, chatMessage('KEKW KEKW KEKW 😂😂😂')));
    assert.ok(check(emotes, chatMessage('🔥🔥🔥🔥🔥🔥')));
  });
  test('passes a sentence with a couple of emotes', () => {
    assert.equal(check(emotes, chatMessage('that was so funny KEKW 😂 i cannot believe it happened again')), null);
  });
});

describe('length filter', () => {
  const length = lengthFilter({ ...spam.length, max: 50 });
  test('counts characters as Twitch does (an emoji is one)', () => {
    assert.equal(check(length, chatMessage('😂'.repeat(50))), null);
    assert.ok(check(length, chatMessage('x'.repeat(51))));
  });
});

describe('zalgo filter', () => {
  const zalgo = zalgoFilter(spam.zalgo);
  test('flags stacked combining marks', () => {
    assert.ok(check(zalgo, chatMessage('h\u0336\u0335\u0334\u0337\u0338\u0321\u0322ello')));
  });
  test('passes scripts that need a mark or two', () => {
    assert.equal(check(zalgo, chatMessage('नमस्ते दोस्तों')), null);
    assert.equal(check(zalgo, chatMessage('Tiếng Việt rất hay')), null);
    assert.equal(check(zalgo, chatMessage('cafe\u0301 ok')), null);
  });
});

describe('mentions filter', () => {
  const mentions = mentionsFilter(spam.mentions);
  test('flags more distinct mentions than the limit', () => {
    assert.ok(check(mentions, chatMessage('@a @b @c @d @e @f join my discord')));
  });
  test('counts each name once', () => {
    assert.equal(check(mentions, chatMessage('@bob @bob @bob @bob @bob @bob @bob hi')), null);
  });
});

describe('flood filter', () => {
  const flood = floodFilter(spam.flood);
  test('flags more than 6 messages within 10 seconds from one chatter, not from several', () => {
    const state = new ChannelState();
    const hits = [];
    for (let i = 0; i < 7; i++) hits.push(check(flood, chatMessage(`msg ${i}`, { login: 'fast' }), { state, now: i * 1000 }));
    assert.deepEqual(hits.map((h) => h !== null), [false, false, false, false, false, false, true]);
    for (let i = 0; i < 10; i++) assert.equal(check(flood, chatMessage('hi', { login: `user${i}` }), { state, now: 7000 }), null);
  });
  test('a chatter who slows down is fine again', () => {
    const state = new ChannelState();
    for (let i = 0; i < 20; i++) assert.equal(check(flood, chatMessage(`msg ${i}`, { login: 'steady' }), { state, now: i * 2000 }), null);
  });
});

describe('copypasta filter', () => {
  const copypasta = copypastaFilter(spam.copypasta);
  const pasta = 'I am not a bot, I just type really fast and I love this streamer so much';
  test('flags the same message from the fourth chatter within 30 s, despite small edits and zero-width characters', () => {
    const state = new ChannelState();
    const variants = [pasta, pasta.toUpperCase(), pasta.replace('really', 'realy').replaceAll(' ', '\u200b '), `${pasta}!!`];
    const hits = variants.map((text, i) => check(copypasta, chatMessage(text, { login: `chatter${i}` }), { state, now: i * 1000 }));
    assert.deepEqual(hits.map((h) => h !== null), [false, false, false, true]);
  });
  test('one chatter repeating it, or the copies spread beyond the window, is not copy-pasta', () => {
    const state = new ChannelState();
    for (let i = 0; i < 6; i++) assert.equal(check(copypasta, chatMessage(pasta, { login: 'same' }), { state, now: i * 1000 }), null);
    const spread = new ChannelState();
    for (let i = 0; i < 6; i++) assert.equal(check(copypasta, chatMessage(pasta, { login: `late${i}` }), { state: spread, now: i * 31_000 }), null);
  });
  test('different long messages do not collide', () => {
    const state = new ChannelState();
    const texts = [
      'what build are you running on this character right now',
      'does anyone know when the next tournament starts this week',
      'i just got here, what did i miss in the last hour of stream',
      'the music in this part of the game is honestly incredible',
      'how long have you been playing this game for, it looks fun',
    ];
    texts.forEach((text, i) => assert.equal(check(copypasta, chatMessage(text, { login: `c${i}` }), { state, now: i }), null));
  });
});
