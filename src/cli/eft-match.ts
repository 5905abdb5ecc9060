// Reads one item query per stdin line (as a viewer types it) and writes one JSON line per query:
// {query, match: {id, name, shortName} or null, candidates: [{id, name}]}, matched against the
// catalogue fetched once from TARKOV_API_URL. `--mode pve` and `--lang de` pick another catalogue.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { TarkovDevClient } from '../modules/eft/adapters/tarkov-dev.client.ts';
import { Catalogue, isGameMode, isLanguage } from '../modules/eft/eft.catalogue.ts';

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'regular' }, lang: { type: 'string', default: 'en' } } });
if (!isGameMode(values.mode) || !isLanguage(values.lang)) {
  console.error('--mode must be regular or pve; --lang a tarkov.dev language code (en, de, ru, ...)');
  process.exit(2);
}

let url: string;
try {
  url = loadConfig().TARKOV_API_URL;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(2);
}

let catalogue: Catalogue;
try {
  const { data } = await new TarkovDevClient({ url }).fetchCatalogue(values.mode, values.lang);
  catalogue = new Catalogue(data);
} catch (error) {
  console.error(`eft:match: no catalogue from ${url}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const query of lines) {
  const { match, candidates } = catalogue.index.search(query);
  const line = {
    query,
    match: match ? { id: match.id, name: match.name, shortName: match.shortName } : null,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name })),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
