// Expanding a typical custom command: three variables, `$(urlfetch)` answered from the cache.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryCache } from '../src/adapters/memory/memory.cache.ts';
import { systemClock, type TwitchApi } from '../src/core/ports.ts';
import { RecentChatters } from '../src/modules/commands/recent-chatters.ts';
import { StreamInfo } from '../src/modules/commands/stream-info.ts';
import { parseTemplate } from '../src/modules/commands/template/template.parser.ts';
import { renderTemplate } from '../src/modules/commands/template/template.render.ts';
import type { TemplateContext } from '../src/modules/commands/template/template.types.ts';
import { builtinVariables } from '../src/modules/commands/template/variables/builtin.variables.ts';
import { VariableRegistry } from '../src/modules/commands/template/variables.registry.ts';
import { CachedUrlFetch } from '../src/modules/commands/urlfetch/urlfetch.cache.ts';
import { UrlFetcher } from '../src/modules/commands/urlfetch/urlfetch.client.ts';
import { figure, percentile } from './stats.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const offline: TwitchApi = {
  getUserByLogin: async () => null,
  getStream: async () => null,
  deleteMessage: async () => undefined,
  banUser: async () => undefined,
  unbanUser: async () => undefined,
  sendAnnouncement: async () => undefined,
};

export async function commandsBench(iterations = 200_000): Promise<void> {
  // The fetch itself happens once, from a local server; loopback is allowed for this fetcher only.
  const server = createServer((_req, res) => res.end('Otters hold hands while they sleep.'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fact`;
  const cache = new MemoryCache();
  const variables = new VariableRegistry(
    builtinVariables({
      counters: { get: async () => 0, add: async () => 0, set: async () => 0 },
      lookup: new StreamInfo(offline, cache, silent),
      chatters: new RecentChatters(systemClock),
      urlfetch: new CachedUrlFetch(new UrlFetcher({ addressPolicy: (a) => a === '127.0.0.1' }), cache, silent),
      random: Math.random,
      now: () => Date.now(),
    }),
  );
  const template = parseTemplate(`$(user) hands $(touser) a fact: $(urlfetch ${url})`, variables);
  const ctx: TemplateContext = {
    channel: 'bench',
    channelId: '1',
    user: { id: '2', login: 'alice', displayName: 'Alice' },
    args: ['@bob'],
    argsText: '@bob',
    urlfetchCacheSeconds: 3_600,
  };
  const expected = 'Alice hands bob a fact: Otters hold hands while they sleep.';
  const first = await renderTemplate(template, ctx);
  server.close();
  if (first !== expected) throw new Error(`commands bench: unexpected expansion "${first}"`);

  for (let i = 0; i < 20_000; i++) await renderTemplate(template, ctx);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await renderTemplate(template, ctx);
  const average = ((performance.now() - start) / iterations) * 1000;
  const samples = new Float64Array(20_000);
  for (let i = 0; i < samples.length; i++) {
    const t = performance.now();
    await renderTemplate(template, ctx);
    samples[i] = (performance.now() - t) * 1000;
  }
  samples.sort();
  cache.close();

  figure('commands template expand', average, 'us');
  figure('commands template expand p99', percentile(samples, 99), 'us');
}
