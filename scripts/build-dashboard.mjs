// Builds the dashboard (dashboard/dist) when it is missing or older than its sources, so that
// `npm install && npm start` serves it with no extra step. Run by `prestart`; `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../dashboard/', import.meta.url));
const built = join(root, 'dist', 'index.html');
// src/core is in the list because the dashboard imports its types and helpers.
const sources = [join(root, 'src'), join(root, 'index.html'), join(root, 'vite.config.ts'), fileURLToPath(new URL('../src/core/', import.meta.url))];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const force = process.argv.includes('--force');
if (!force && existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);

let vite;
try {
  vite = await import('vite');
} catch {
  // Installed without dev dependencies: the bot runs, only the dashboard is missing.
  console.warn('dashboard: not built (vite is not installed; run npm install without --omit=dev)');
  process.exit(0);
}
console.log('dashboard: building dashboard/dist');
await vite.build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
