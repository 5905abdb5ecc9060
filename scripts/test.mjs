// Runs every *.test.ts under src/ and test/ with node's test runner (through tsx).
// Node 20's --test takes no globs, so the file list is built here.
// Usage: npm test [-- path-filter ...]   e.g. npm test -- sandbox
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const filters = process.argv.slice(2);
const files = ['src', 'test', 'bench']
  .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: false }).map((f) => join(dir, String(f))))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
