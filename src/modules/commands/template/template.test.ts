import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CommandsError } from '../commands.errors.ts';
import { TemplateCache } from './template.cache.ts';
import { TEMPLATE_LIMITS } from './template.limits.ts';
import { parseTemplate } from './template.parser.ts';
import { cutCleanly, renderTemplate } from './template.render.ts';
import type { TemplateContext, VariableDefinition } from './template.types.ts';
import { VariableRegistry } from './variables.registry.ts';

const calls: string[] = [];
const variables = new VariableRegistry([
  { name: 'user', category: 'who', description: '', usage: '', run: (_a, ctx) => ctx.user.displayName },
  { name: 'touser', category: 'who', description: '', usage: '', run: (arg, ctx) => arg || ctx.args[0] || ctx.user.displayName },
  { name: '1', category: 'arguments', description: '', usage: '', run: (arg, ctx) => ctx.args[0] ?? arg },
  { name: 'args', category: 'arguments', description: '', usage: '', run: (_a, ctx) => ctx.argsText },
  { name: 'upper', category: 'who', description: '', usage: '', run: (arg) => arg.toUpperCase() },
  { name: 'echo', category: 'who', description: '', usage: '', run: (arg) => `[${arg}]` },
  { name: 'slow', category: 'web', description: '', usage: '', maxPerTemplate: 2, run: async (arg) => { calls.push(arg); return `slow:${arg}`; } },
  { name: 'long', category: 'who', description: '', usage: '', run: () => 'x'.repeat(5_000) },
  { name: 'lines', category: 'who', description: '', usage: '', run: () => 'a\r\nb\u0000c' },
  { name: 'broken', category: 'who', description: '', usage: '', run: () => { throw new Error('bug'); } },
  { name: 'checked', category: 'who', description: '', usage: '', check: (arg) => (arg === 'bad' ? 'bad is bad' : undefined), run: (arg) => arg },
] satisfies VariableDefinition[]);

function ctx(argsText = '', over: Partial<TemplateContext> = {}): TemplateContext {
  return {
    channel: 'chan',
    channelId: 'c1',
    user: { id: 'u1', login: 'alice', displayName: 'Alice' },
    args: argsText ? argsText.split(/\s+/) : [],
    argsText,
    urlfetchCacheSeconds: 60,
    ...over,
  };
}

const render = (source: string, argsText = '') => renderTemplate(parseTemplate(source, variables), ctx(argsText));

function refusal(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => error instanceof CommandsError && error.code === code, `expected ${code}`);
}

describe('template parser and renderer', () => {
  test('expands variables, nested ones first, and leaves the text around them alone', async () => {
    assert.equal(await render('Hi $(user), meet $(touser)!', 'bob'), 'Hi Alice, meet bob!');
    assert.equal(await render('$(user) hugs $(touser $(1))', '@carol x'), 'Alice hugs @carol');
    assert.equal(await render('$(upper $(echo $(user) and $(1 nobody)))'), '[ALICE AND NOBODY]');
    assert.equal(await render('$(USER)'), 'Alice', 'names are case-insensitive');
    assert.equal(await render('costs $5 (or $(echo (two) parens))'), 'costs $5 (or [(two) parens])');
  });

  test('unknown variables stay as written, with a warning naming them', () => {
    const parsed = parseTemplate('a $(nope x $(user)) b $(user)', variables);
    assert.deepEqual(parsed.warnings.map((w) => [w.code, w.at]), [['commands.unknown_variable', 2]]);
    assert.match(parsed.warnings[0]!.message, /\$\(nope\) is not a known variable/);
    assert.deepEqual(parsed.variables, ['user']);
    return renderTemplate(parsed, ctx()).then((text) => assert.equal(text, 'a $(nope x $(user)) b Alice'));
  });

  test('an unclosed $( is text, with a warning; what is inside still expands', async () => {
    const parsed = parseTemplate('$(echo $(user) never closed', variables);
    assert.deepEqual(parsed.warnings.map((w) => w.code), ['commands.unclosed_variable']);
    assert.equal(await renderTemplate(parsed, ctx()), '$(echo Alice never closed');
  });

  test('text a viewer types is never parsed: arguments cannot add variables', async () => {
    calls.length = 0;
    assert.equal(await render('$(args)', '$(slow secret) $(user)'), '$(slow secret) $(user)');
    assert.deepEqual(calls, []);
  });

  test('no expansion can start a Twitch command: a leading / or . is neutralised', async () => {
    assert.equal(await render('$(touser)', '/ban streamer'), '\u200b/ban');
    assert.equal(await render('$(args)', '.timeout someone 600'), '\u200b.timeout someone 600');
    assert.equal(await render('  $(args)', '/ban x'), '\u200b/ban x');
    assert.equal(await render('hi $(args)', '/ban x'), 'hi \u200b/ban x', 'each expansion is neutralised wherever it lands');
  });

  test('output is one line, and cut cleanly at 500 characters with an ellipsis', async () => {
    assert.equal(await render('$(lines)'), 'a b c');
    const long = await render('$(long)');
    assert.equal(Array.from(long).length, TEMPLATE_LIMITS.maxOutput);
    assert.ok(long.endsWith('…'));
    const words = await render('$(args)', 'word '.repeat(150));
    assert.ok(words.endsWith('word…') && !words.includes('wor…'), 'a cut prefers a word boundary');
    assert.equal(cutCleanly('😀'.repeat(600), 500).slice(-3), '😀…', 'never splits a surrogate pair');
  });

  test('a variable that throws shows a marker and is reported; the rest still renders', async () => {
    const failures: string[] = [];
    const text = await renderTemplate(parseTemplate('$(user) $(broken) $(user)', variables), ctx(), (name) => failures.push(name));
    assert.equal(text, 'Alice (broken failed) Alice');
    assert.deepEqual(failures, ['broken']);
  });

  test('literal arguments are checked when the template is parsed', () => {
    refusal(() => parseTemplate('$(checked bad)', variables), 'commands.invalid_argument');
    assert.doesNotThrow(() => parseTemplate('$(checked $(user))', variables), 'a computed argument is checked when it runs');
  });

  test('limits on I/O variables per template', () => {
    assert.doesNotThrow(() => parseTemplate('$(slow a) $(slow b)', variables));
    refusal(() => parseTemplate('$(slow a) $(slow b) $(slow c)', variables), 'commands.too_many_variables');
    refusal(() => parseTemplate('$(user)'.repeat(TEMPLATE_LIMITS.maxVariables + 1), variables), 'commands.too_many_variables');
  });

  test('the parsed template is cached by its text', () => {
    const cache = new TemplateCache(variables, 2);
    const first = cache.parse('$(user) a');
    assert.equal(cache.parse('$(user) a'), first);
    cache.parse('b');
    cache.parse('c');
    assert.equal(cache.size, 2);
    assert.notEqual(cache.parse('$(user) a'), first, 'the least recently used entry was evicted');
    assert.throws(() => cache.parse(''), CommandsError);
  });
});

describe('hostile templates get a clear refusal, fast', () => {
  test('$( nested 10,000 deep', () => {
    const started = performance.now();
    refusal(() => parseTemplate('$(echo '.repeat(10_000) + ')'.repeat(10_000), variables), 'commands.template_too_long');
    refusal(() => parseTemplate('$(echo '.repeat(60), variables), 'commands.template_too_deep');
    refusal(() => parseTemplate('$(echo '.repeat(5) + 'x' + ')'.repeat(5), variables), 'commands.template_too_deep');
    assert.doesNotThrow(() => parseTemplate('$(echo '.repeat(4) + 'x' + ')'.repeat(4), variables));
    assert.ok(performance.now() - started < 1_000);
  });

  test('100 KB of text', () => {
    const started = performance.now();
    refusal(() => parseTemplate('a'.repeat(100_000), variables), 'commands.template_too_long');
    refusal(() => parseTemplate('$('.repeat(50_000), variables), 'commands.template_too_long');
    assert.ok(performance.now() - started < 1_000);
  });

  test('worst cases inside the length limit parse quickly', () => {
    const cases = [
      '$(echo '.repeat(4) + '('.repeat(460),
      '$(echo $(echo $(echo $(user) '.repeat(1) + '$(user) '.repeat(20) + '('.repeat(200),
      '$('.repeat(250),
      '$(nope '.repeat(4) + ')'.repeat(400),
      '$(x)'.repeat(125),
    ];
    for (const source of cases) {
      const started = performance.now();
      try {
        parseTemplate(source, variables);
      } catch (error) {
        assert.ok(error instanceof CommandsError, `only a CommandsError, got ${String(error)}`);
      }
      assert.ok(performance.now() - started < 1_000, `parsing ${source.slice(0, 30)}… took too long`);
    }
  });

  test('an empty template is refused', () => {
    refusal(() => parseTemplate('   ', variables), 'commands.template_empty');
  });
});
