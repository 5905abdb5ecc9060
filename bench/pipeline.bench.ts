// In-process figures: parsing alone (the baseline) and the whole message pipeline on the same lines.
import { readLine } from '../src/adapters/twitch/irc.chat-line.ts';
import { toChatEvent } from '../src/adapters/twitch/irc.external.ts';
import { MemoryEventBus } from '../src/adapters/memory/memory.event-bus.ts';
import { MemoryRateLimiter } from '../src/adapters/memory/memory.rate-limiter.ts';
import { builtinsModule } from '../src/core/builtins.ts';
import type { ChatEvent, ChatMessage } from '../src/core/chat.ts';
import { CommandRegistry } from '../src/core/command-registry.ts';
import { MessagePipeline } from '../src/core/pipeline.ts';
import { ChannelsRepository } from '../src/db/channels.repository.ts';
import { CommandConfigRepository } from '../src/db/command-config.repository.ts';
import { createTestDb } from '../src/db/test-db.ts';
import { UsersRepository } from '../src/db/users.repository.ts';
import { SeenUserTracker } from '../src/db/users.tracker.ts';
import { channelsModule, ChannelsService } from '../src/modules/channels/index.ts';
import { BotMetrics } from '../src/observability/metrics.ts';
import { figure, LINES_PER_READ, nextTurn, percentile } from './stats.ts';

type Parsed = { message: ChatMessage } | { event: ChatEvent } | null;

/** What the chat transport does with a raw line before the pipeline sees it. */
function parse(line: string): Parsed {
  try {
    const read = readLine(line);
    if ('message' in read) return read.message ? { message: read.message } : null;
    const event = toChatEvent(read.irc);
    return event ? { event } : null;
  } catch {
    return null;
  }
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function buildPipeline(channels: string[]) {
  const database = await createTestDb();
  const repos = { channels: new ChannelsRepository(database.db), commandConfig: new CommandConfigRepository(database.db) };
  const bus = new MemoryEventBus();
  const service = new ChannelsService({ ...repos, chat: { join: async () => {}, part: async () => {} }, bus, logger: silent });
  const seenUsers = new SeenUserTracker(new UsersRepository(database.db), { flushIntervalMs: 1_000 });
  const registry = new CommandRegistry();
  const modules = [builtinsModule(registry), channelsModule({ service, seenUsers, botLogin: 'utbot' })];
  for (const module of modules) registry.add(module);
  await service.start(channels, new Map());
  let replies = 0;
  const pipeline = new MessagePipeline({
    modules,
    registry,
    channels: service,
    rateLimiter: new MemoryRateLimiter(),
    send: async () => void replies++,
    observer: new BotMetrics({ defaultMetrics: false }),
    logger: silent,
  });
  const close = async () => {
    await seenUsers.close();
    await service.stop();
    await database.close();
  };
  return { pipeline, close, replies: () => replies };
}

async function handle(pipeline: MessagePipeline, line: string): Promise<void> {
  const parsed = parse(line);
  if (!parsed) return;
  if ('message' in parsed) await pipeline.handle(parsed.message);
  else await pipeline.handleEvent(parsed.event);
}

/** Runs `fn` over every line: once for throughput, once timing each line for p50/p99. */
async function measure(lines: string[], fn: (line: string) => unknown): Promise<{ perSecond: number; p50: number; p99: number }> {
  const start = performance.now();
  for (let i = 0; i < lines.length; i++) {
    if (i % LINES_PER_READ === 0) await nextTurn();
    await fn(lines[i]!);
  }
  const elapsed = performance.now() - start;
  const latencies = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (i % LINES_PER_READ === 0) await nextTurn();
    const t = performance.now();
    await fn(lines[i]!);
    latencies[i] = performance.now() - t;
  }
  latencies.sort();
  return { perSecond: (lines.length / elapsed) * 1000, p50: percentile(latencies, 50) * 1000, p99: percentile(latencies, 99) * 1000 };
}

export async function pipelineBench(lines: string[]): Promise<void> {
  const channels = [...new Set(lines.flatMap((l) => /(?:PRIVMSG|USERNOTICE|CLEARCHAT) #(\w+)/.exec(l)?.[1] ?? []))];
  const { pipeline, close, replies } = await buildPipeline(channels);
  const warmup = lines.slice(0, Math.min(lines.length, 20_000));
  for (const line of warmup) parse(line);
  for (const line of warmup) await handle(pipeline, line);

  // Parsing is synchronous, but awaited like the pipeline so both pay the same loop overhead.
  const parsed = await measure(lines, async (line) => parse(line));
  const piped = await measure(lines, (line) => handle(pipeline, line));
  await close();

  figure('parse', parsed.perSecond, 'msg/s');
  figure('parse p50', parsed.p50, 'us');
  figure('parse p99', parsed.p99, 'us');
  figure('pipeline', piped.perSecond, 'msg/s');
  figure('pipeline p50', piped.p50, 'us');
  figure('pipeline p99', piped.p99, 'us');
  figure('pipeline/parse', parsed.perSecond / piped.perSecond, 'x');
  figure('pipeline replies', replies(), 'msgs');
}
