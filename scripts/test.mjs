// Runs the dashboard's Vitest tests, then every *.test.ts under src/, test/ and bench/ with node's test runner (through tsx).
// Node 20's --test takes no globs, so the file list is built here.
// Usage: npm test [-- path-filter ...]   e.g. npm test -- sandbox, npm test -- dashboard/
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const filters = process.argv.slice(2);
const matches = (f) => filters.length === 0 || filters.some((p) => f.includes(p));
const files = ['src', 'test', 'bench']
  .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: false }).map((f) => join(dir, String(f))))
  .filter((f) => f.endsWith('.test.ts'))
  .filter(matches)
  .sort();
// The dashboard's component tests run in Vitest (a DOM and JSX), first, so node's summary stays last.
const dashboardFiles = readdirSync('dashboard/src', { recursive: true, withFileTypes: false })
  .map((f) => join('dashboard/src', String(f)))
  .filter((f) => /\.test\.tsx?$/.test(f))
  .filter(matches)
  .sort();
if (files.length === 0 && dashboardFiles.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
let status = 0;
if (dashboardFiles.length > 0) {
  const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--root', 'dashboard', ...dashboardFiles.map((f) => f.slice('dashboard/'.length))], { stdio: 'inherit' });
  status = vitest.status ?? 1;
}
if (files.length > 0) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
  status ||= result.status ?? 1;
}
process.exit(status);
