// Precision and recall of the moderation filters on labelled chat messages.
//   npm run -s moderation:eval                      the project's evaluation set (test/fixtures/moderation)
//   npm run -s moderation:eval -- --errors          ... and every misclassified message
//   npm run -s moderation:eval -- --fixtures DIR    toxicity*.jsonl (and filters.jsonl, if there) in another folder
//   npm run -s moderation:eval -- --corpus FILE     the toxicity analyser on another JSONL corpus
//                                                   ({text, toxic, source?}), per source and overall
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OfflineModerator } from '../modules/moderation/moderation.offline.ts';
import { defaultModerationSettings } from '../modules/moderation/moderation.settings.ts';
import { normalizeText } from '../modules/moderation/moderation.text.ts';
import { OfflineToxicityAnalyser } from '../modules/moderation/toxicity/offline.analyser.ts';

const { values } = parseArgs({
  options: {
    errors: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    fixtures: { type: 'string', default: 'test/fixtures/moderation' },
    threshold: { type: 'string' },
  },
});
const threshold = values.threshold ? Number(values.threshold) : defaultModerationSettings.toxicity.threshold;
if (!(threshold > 0 && threshold <= 1)) {
  console.error('--threshold must be a number in (0, 1]');
  process.exit(2);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
    });
}

function report(name: string, c: Counts): void {
  const precision = c.tp + c.fp === 0 ? NaN : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? NaN : c.tp / (c.tp + c.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  const fmt = (v: number) => (Number.isNaN(v) ? ' n/a' : v.toFixed(3));
  console.log(`${name.padEnd(28)} precision ${fmt(precision)}  recall ${fmt(recall)}  f1 ${fmt(f1)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`);
}

function tally(counts: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) counts.tp++;
  else if (predicted) counts.fp++;
  else if (actual) counts.fn++;
  else counts.tn++;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const analyser = new OfflineToxicityAnalyser();

if (values.corpus) {
  const rows = readJsonl<{ text: string; toxic: boolean; source?: string }>(values.corpus);
  const bySource = new Map<string, Counts>();
  const all = empty();
  for (const row of rows) {
    const predicted = analyser.analyse(normalizeText(row.text)).score >= threshold;
    tally(all, predicted, row.toxic);
    const source = row.source ?? 'all';
    if (!bySource.has(source)) bySource.set(source, empty());
    tally(bySource.get(source)!, predicted, row.toxic);
  }
  console.log(`toxicity on ${values.corpus}, threshold ${threshold}`);
  for (const [source, counts] of bySource) report(`toxicity [${source}]`, counts);
  report('toxicity [all]', all);
  process.exit(0);
}

// Toxicity: the offline analyser alone, at the channel default threshold, per file (toxicity*.jsonl).
const misses: string[] = [];
for (const file of readdirSync(values.fixtures).filter((f) => /^toxicity.*\.jsonl$/.test(f)).sort()) {
  const rows = readJsonl<{ text: string; toxic: boolean; category?: string }>(`${values.fixtures}/${file}`);
  const overall = empty();
  const recallByCategory = new Map<string, Counts>();
  for (const row of rows) {
    const result = analyser.analyse(normalizeText(row.text));
    const predicted = result.score >= threshold;
    tally(overall, predicted, row.toxic);
    if (row.toxic) {
      const category = row.category ?? 'toxic';
      if (!recallByCategory.has(category)) recallByCategory.set(category, empty());
      tally(recallByCategory.get(category)!, predicted, true);
    }
    if (predicted !== row.toxic) misses.push(`  ${file}: ${row.toxic ? 'missed' : 'false alarm'} ${result.score.toFixed(2)} ${JSON.stringify(row.text)}`);
  }
  console.log(`${file}: ${rows.length} messages (${rows.filter((r) => r.toxic).length} toxic), threshold ${threshold}`);
  report('toxicity', overall);
  for (const [category, counts] of recallByCategory) report(`  toxic: ${category}`, counts);
  console.log('');
}

// Every filter together, as `moderation:score` runs them (stateful: lines are one chat, in order).
const filtersPath = `${values.fixtures}/filters.jsonl`;
if (existsSync(filtersPath)) evaluateFilters(readJsonl<{ text: string; rules: string[] } & Record<string, unknown>>(filtersPath));
else console.log(`no ${filtersPath}: filters not evaluated`);

function evaluateFilters(filterRows: ({ text: string; rules: string[] } & Record<string, unknown>)[]): void {
  const moderator = new OfflineModerator();
  const perRule = new Map<string, Counts>();
  const ruleNames = ['caps', 'symbols', 'repetition', 'emotes', 'length', 'zalgo', 'mentions', 'flood', 'copypasta', 'links', 'badwords', 'toxicity'];
  for (const rule of ruleNames) perRule.set(rule, empty());
  for (const row of filterRows) {
    const { rules: expected, ...input } = row;
    const fired = new Set(moderator.score(input as never).rules.map((r) => r.rule));
    for (const rule of ruleNames) {
      const predicted = fired.has(rule);
      const actual = expected.includes(rule);
      tally(perRule.get(rule)!, predicted, actual);
      if (predicted !== actual) misses.push(`  ${rule}: ${actual ? 'missed' : 'false alarm'} ${JSON.stringify(row.text.slice(0, 80))}`);
    }
  }
  console.log(`filter evaluation set: ${filterRows.length} messages, every filter on at default settings`);
  for (const [rule, counts] of perRule) report(rule, counts);
}
if (values.errors && misses.length > 0) console.log(`\nmisclassified:\n${misses.join('\n')}`);
