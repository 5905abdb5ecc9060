import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../../moderation.text.ts';
import { tokenize } from '../offline.analyser.ts';
import { chatExamples, handwrittenExamples } from './chat.data.ts';
import { templateExamples } from './chat.templates.ts';

const FIXTURES = fileURLToPath(new URL('../../../../../test/fixtures/moderation/', import.meta.url));
// Messages compare as the analyser reads them: case, apostrophes and punctuation do not tell them apart.
const key = (text: string) => tokenize(normalizeText(text)).join(' ');

describe('chat training messages', () => {
  test('share no message with any evaluation set', () => {
    const evaluation = new Set<string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(`${FIXTURES}${file}`, 'utf8').split('\n')) if (line.trim()) evaluation.add(key((JSON.parse(line) as { text: string }).text));
    }
    assert.ok(evaluation.size > 1000, 'the evaluation sets were read');
    const shared = chatExamples().filter((e) => evaluation.has(key(e.text)));
    assert.deepEqual(shared, []);
  });

  test('the templates give the same messages every time, of both kinds, without repeats', () => {
    const first = templateExamples();
    assert.deepEqual(templateExamples(), first);
    assert.equal(new Set(first.map((e) => e.text)).size, first.length);
    assert.ok(first.some((e) => e.toxic) && first.some((e) => !e.toxic));
    assert.ok(first.every((e) => !e.text.includes('{')), 'every slot is filled');
  });

  test('the hand-written file is valid and labels both kinds', () => {
    const rows = handwrittenExamples();
    assert.ok(rows.length > 100);
    assert.ok(rows.some((e) => e.toxic) && rows.some((e) => !e.toxic));
  });
});
