import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher, SyntaxKind, type Node } from 'obscenity';
import { AnchorGate } from './badwords.gate.ts';
import { builtinMatches, obscenitySkeleton } from './badwords.filter.ts';

const dataset = englishDataset.build();

function units(text: string): Uint16Array {
  return Uint16Array.from(text, (c) => c.charCodeAt(0));
}

/** Texts a pattern matches: each optional part present or absent, wildcards as a few characters. */
function spellings(nodes: readonly Node[]): string[] {
  let out = [''];
  for (const node of nodes) {
    const literal = (n: Node) => (n.kind === SyntaxKind.Literal ? [String.fromCodePoint(...n.chars)] : ['a', 'u', '*']);
    if (node.kind === SyntaxKind.Optional) out = out.flatMap((s) => [s, ...literal(node.childNode).map((l) => s + l)]);
    else out = out.flatMap((s) => literal(node).map((l) => s + l));
  }
  return out;
}

describe('bad-word anchor gate', () => {
  test('passes every spelling of every built-in word, in every context, wherever obscenity matches', () => {
    const obscenity = new RegExpMatcher({ ...dataset, ...englishRecommendedTransformers });
    const contexts = [(w: string) => w, (w: string) => `lol ${w}`, (w: string) => `${w} lol`, (w: string) => `x${w}x`, (w: string) => `${w.toUpperCase()}!!`];
    const disguises = [(w: string) => w, (w: string) => w.replace(/i/g, '1').replace(/a/g, '4').replace(/s/g, '$'), (w: string) => w.replace(/(.)/, '$1$1$1')];
    let checked = 0;
    for (const term of dataset.blacklistedTerms) {
      for (const spelling of spellings(term.pattern.nodes)) {
        for (const context of contexts) {
          for (const disguise of disguises) {
            const text = context(disguise(spelling));
            if (!obscenity.hasMatch(text)) continue;
            checked++;
            assert.ok(builtinMatches(text).length > 0, `obscenity matches "${text}", so the gate must let it through`);
          }
        }
      }
    }
    assert.ok(checked > 1_000, `only ${checked} matching texts were generated`);
  });

  test('closes for ordinary chat, including words that merely contain a short pattern', () => {
    const gate = new AnchorGate(dataset.blacklistedTerms);
    for (const text of ['good night chat', 'check the title', 'back to the classics', 'gg well played', 'sick clutch lets go']) {
      const skeleton = obscenitySkeleton(text);
      assert.equal(gate.mayMatch(units(skeleton), skeleton.length), false, text);
    }
  });

  test('respects word boundaries the way the expression does', () => {
    const gate = new AnchorGate(dataset.blacklistedTerms);
    const open = (text: string) => gate.mayMatch(units(text), text.length);
    assert.equal(open('nig'), true, '|nig| as a whole word');
    assert.equal(open('night'), false, 'not inside a longer word');
    assert.equal(open('fuck'), true, 'f.ck with any middle character');
    assert.equal(open('fck'), true);
  });
});
