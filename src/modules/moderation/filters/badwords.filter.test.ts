import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RegExpMatcher, englishDataset, englishRecommendedBlacklistMatcherTransformers, englishRecommendedTransformers, type TransformerContainer } from 'obscenity';
import { moderationSettings } from '../moderation.settings.ts';
import { chatMessage } from '../moderation.testing.ts';
import { normalizeText } from '../moderation.text.ts';
import { badWordsFilter, builtinMatches, obscenitySkeleton, termSkeleton } from './badwords.filter.ts';
import { check } from './filter.testing.ts';

const filterWith = (badWords: object) => badWordsFilter(moderationSettings.parse({ badWords }).badWords);

describe('built-in English list', () => {
  test('finds swearing through leetspeak, repeated letters, lookalikes and zero-width characters', () => {
    for (const text of ['fuuuuuck', 'sh1t', 'ʃṳ𝒸𝗄 this', 'f\u200buck', 'ＦＵＣＫ', 'bіtch']) {
      assert.ok(builtinMatches(normalizeText(text)).length > 0, text);
    }
  });

  test('lets Scunthorpe, assassin and friends through', () => {
    for (const text of ['Scunthorpe United', 'the assassin class', 'pass the ball', 'cocktail hour', 'grape juice', 'analysis paralysis', 'hello there, nice play']) {
      assert.deepEqual(builtinMatches(normalizeText(text)), [], text);
    }
  });

  test('grades severity: slurs high, explicit terms medium, swearing low', () => {
    assert.equal(builtinMatches('n1gger')[0]?.severity, 'high');
    assert.equal(builtinMatches('porn')[0]?.severity, 'medium');
    assert.equal(builtinMatches('shit')[0]?.severity, 'low');
  });

  test('the fast pre-check transforms text exactly as obscenity does, so it never hides a match', () => {
    const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const samples = ['fuuuuck you', 'sh!t', 'b1tch', 'ａｓｓ', 'Ꭺss', 'n|gg3r', 'd1ck', 'p0rn', 'c0ck', 'phuck', 'azz', 'w h o r e'];
    for (const text of samples) {
      if (matcher.hasMatch(text)) assert.ok(builtinMatches(text).length > 0, `obscenity matches "${text}" and so must we`);
    }
    assert.equal(obscenitySkeleton('FUUUCK 4$$$'), 'fuck ass', 'obscenity keeps s doubled');
  });

  test('the skeleton is character for character what the obscenity transformers make of random text', () => {
    const reference = (text: string): string => {
      let points = [...text].map((c) => c.codePointAt(0)!);
      for (const container of englishRecommendedBlacklistMatcherTransformers as TransformerContainer[]) {
        const stateful = 'factory' in container ? container.factory() : undefined;
        points = points.flatMap((p) => {
          const out = stateful ? stateful.transform(p) : 'transform' in container ? container.transform(p) : p;
          return out === undefined ? [] : [out];
        });
      }
      return String.fromCodePoint(...points);
    };
    const alphabet = [...'aabbeeoosssl1!4@3$0|  .-_ZZ', 'ａ', 'Ꭺ', 'ß', '😂', '\u0301'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let n = 0; n < 2_000; n++) {
      let text = '';
      for (let k = next() % 24; k > 0; k--) text += alphabet[next() % alphabet.length]!.repeat(1 + (next() % 4));
      assert.equal(obscenitySkeleton(text), reference(text), JSON.stringify(text));
    }
  });
});

describe('bad words filter', () => {
  test('by default swearing passes, explicit terms escalate and slurs time out for 10 minutes', () => {
    const filter = filterWith({});
    assert.equal(check(filter, chatMessage('holy shit that was close')), null);
    assert.deepEqual(check(filter, chatMessage('watch porn'))?.action, { type: 'escalate' });
    assert.deepEqual(check(filter, chatMessage('f4ggot'))?.action, { type: 'timeout', seconds: 600 });
  });

  test('channel words and phrases match whole words through leetspeak and repeated letters', () => {
    const filter = filterWith({ blocked: [{ term: 'free followers', kind: 'phrase' }, { term: 'scam', kind: 'word', severity: 'high' }] });
    assert.ok(check(filter, chatMessage('get FR33 f0llowwwers today')));
    assert.equal(check(filter, chatMessage('this is a sc4m'))?.detail, 'high severity: scam');
    assert.equal(check(filter, chatMessage('scampi for dinner')), null, 'a blocked word inside a longer word passes');
  });

  test('channel patterns use RE2 syntax', () => {
    const filter = filterWith({ blocked: [{ term: 'buy\\s+(views|subs)', kind: 'pattern' }] });
    assert.ok(check(filter, chatMessage('BUY   VIEWS here')));
    assert.equal(check(filter, chatMessage('buy the game')), null);
  });

  test('the allow list wins over built-in and channel words', () => {
    const filter = filterWith({ blocked: [{ term: 'cock', kind: 'word' }], allowed: ['cockatoo'], actions: { low: { type: 'delete' } } });
    assert.equal(check(filter, chatMessage('my cockatoo says hi')), null);
    assert.ok(check(filter, chatMessage('cock')));
  });

  test('hostile patterns are refused when the settings are parsed, with a clear error', () => {
    const parse = (term: string) => moderationSettings.safeParse({ badWords: { blocked: [{ term, kind: 'pattern' }] } });
    const refusal = (term: string) => {
      const result = parse(term);
      assert.equal(result.success, false, term);
      return result.error!.issues[0]!.message;
    };
    assert.match(refusal('(a+'), /^moderation\.pattern_invalid: /);
    assert.match(refusal('(?<=x)y'), /^moderation\.pattern_invalid: /, 'lookbehind is not RE2');
    assert.match(refusal('a'.repeat(201)), /^moderation\.term_too_long: /);
    assert.match(refusal('(a{500}){3}'), /^moderation\.pattern_(too_complex|invalid): /);
    assert.equal(parse('(x+x+)+y').success, true, 'catastrophic in backtracking engines, linear in RE2');
  });

  test('termSkeleton resolves leetspeak next to letters and collapses repeats', () => {
    assert.equal(termSkeleton('fr33 f0llowwwers 2024'), 'fre folowers 2024');
  });
});
