import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeText } from './moderation.text.ts';

describe('normalizeText', () => {
  test('plain ASCII is only lowercased', () => {
    assert.equal(normalizeText('Hello There, Nice Play!'), 'hello there, nice play!');
  });

  test('undoes the common evasions: zero-width characters, fullwidth and math letters, accents, lookalike scripts', () => {
    assert.equal(normalizeText('i\u200bd\u200ci\u200do\u2060t'), 'idiot');
    assert.equal(normalizeText('ｃｈｅａｐ－ｆｏｌｌｏｗｅｒｓ．ｘｙｚ'), 'cheap-followers.xyz');
    assert.equal(normalizeText('𝐟𝐫𝐞𝐞 𝓯𝓸𝓵𝓵𝓸𝔀𝓮𝓻𝓼'), 'free followers');
    assert.equal(normalizeText('ídíót'), 'idiot');
    assert.equal(normalizeText('уоu аrе'), 'you are', 'Cyrillic у, о, а, е');
    assert.equal(normalizeText('s\u0336t\u0336u\u0336p\u0336i\u0336d'), 'stupid', 'strike-through marks');
  });

  test('a 500-character wall of emoji, mixed scripts and zero-width characters is handled quickly', () => {
    const parts = ['😂', '\u200b', 'ж', '中', '\u202e', 'a\u0301', '👍🏽', '\ufeff', 'Ω', '🏳️‍🌈'];
    let wall = '';
    for (let i = 0; wall.length < 500; i++) wall += parts[i % parts.length];
    const start = performance.now();
    for (let i = 0; i < 1000; i++) normalizeText(wall);
    const perCall = (performance.now() - start) / 1000;
    const out = normalizeText(wall);
    assert.ok(!/[\u200b\u202e\ufeff]/.test(out), 'invisible characters are gone');
    assert.ok(perCall < 1, `took ${perCall} ms per call`);
  });
});
