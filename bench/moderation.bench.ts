// The cost of moderation per message: the whole in-process pipeline with the moderation module
// (every filter on, at the defaults) against the same pipeline without it, on the same messages.
// The built-in mix repeats a few dozen words from 5,000 chatters, which flood and copy-pasta would
// rightly flag at bench speed; here each line keeps its tags but gets a chatter of 50,000 and a
// sentence from a larger vocabulary, the moderation clock advances 1 ms per message (1,000 msg/s
// per instance), and one message in 40 breaks a rule, so the action path (escalation, Helix
// through a fake, the log through PGlite) is part of the measurement.
import { readLine } from '../src/adapters/twitch/irc.chat-line.ts';
import { MemoryEventBus } from '../src/adapters/memory/memory.event-bus.ts';
import { MemoryRateLimiter } from '../src/adapters/memory/memory.rate-limiter.ts';
import { builtinsModule } from '../src/core/builtins.ts';
import type { ChatMessage } from '../src/core/chat.ts';
import { CommandRegistry } from '../src/core/command-registry.ts';
import type { BotModule } from '../src/core/module.ts';
import { MessagePipeline } from '../src/core/pipeline.ts';
import type { TwitchApi } from '../src/core/ports.ts';
import { ChannelsRepository } from '../src/db/channels.repository.ts';
import { CommandConfigRepository } from '../src/db/command-config.repository.ts';
import { createTestDb } from '../src/db/test-db.ts';
import { UsersRepository } from '../src/db/users.repository.ts';
import { SeenUserTracker } from '../src/db/users.tracker.ts';
import { channelsModule, ChannelsService } from '../src/modules/channels/index.ts';
import { moderationModule } from '../src/modules/moderation/index.ts';
import { moderationMigrations } from '../src/modules/moderation/moderation.migrations.ts';
import { BotMetrics } from '../src/observability/metrics.ts';
import { asReceived } from './chat-mix.ts';
import { realisticMix } from './moderation-mix.ts';
import { figure, LINES_PER_READ, nextTurn, percentile } from './stats.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

const nullTwitch: TwitchApi = {
  getUserByLogin: async () => null,
  getStream: async () => null,
  deleteMessage: async () => {},
  banUser: async () => {},
  unbanUser: async () => {},
  sendAnnouncement: async () => {},
} as unknown as TwitchApi;

async function buildPipeline(channels: string[], withModeration: boolean, clock: { now(): number }) {
  const database = await createTestDb(moderationMigrations);
  const bus = new MemoryEventBus();
  const service = new ChannelsService({
    channels: new ChannelsRepository(database.db),
    commandConfig: new CommandConfigRepository(database.db),
    chat: { join: async () => {}, part: async () => {} },
    bus,
    logger: silent,
  });
  const seenUsers = new SeenUserTracker(new UsersRepository(database.db), { flushIntervalMs: 1_000 });
  const registry = new CommandRegistry();
  const modules: BotModule[] = [builtinsModule(registry), channelsModule({ service, seenUsers, botLogin: 'utbot' })];
  const moderation = withModeration
    ? moderationModule({
        db: database.db,
        twitch: nullTwitch,
        chat: { send: async () => {} },
        bus,
        logger: silent,
        settingsStore: { load: async () => ({}), save: async () => true },
        clock,
      })
    : undefined;
  if (moderation) modules.push(moderation);
  for (const module of modules) registry.add(module);
  await service.start(channels, new Map(moderation ? [['moderation', moderation.settings!]] : []));
  const pipeline = new MessagePipeline({
    modules,
    registry,
    channels: service,
    rateLimiter: new MemoryRateLimiter(),
    send: async () => {},
    observer: new BotMetrics({ defaultMetrics: false }),
    logger: silent,
  });
  const close = async () => {
    await moderation?.close?.();
    await seenUsers.close();
    await service.stop();
    await database.close();
  };
  return { pipeline, close, moderation };
}

const clock = { time: Date.UTC(2024, 0, 1), now: () => clock.time };

// CPU time of this process (ms), not wall time: other processes on a shared machine do not count,
// which is what "msg/s on one core" means.
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// What the transport does with each line before the pipeline sees it: parsing is part of the cost.
function parsed(line: string): ChatMessage | null {
  const read = readLine(line);
  return 'message' in read ? read.message : null;
}

/** CPU time of handling every line, parsing included. */
async function timeAll(pipeline: MessagePipeline, lines: readonly string[]): Promise<number> {
  const start = cpuMs();
  for (let i = 0; i < lines.length; i++) {
    if (i % LINES_PER_READ === 0) await nextTurn();
    clock.time++;
    const message = parsed(lines[i]!);
    if (message) await pipeline.handle(message);
  }
  return cpuMs() - start;
}

/**
 * `builtInMix`: rewrite chatters and texts as described at the top; a replayed chat log is used as it
 * is. Only the raw lines are kept: each is parsed as it is handled, as the transport does, so the
 * process holds no more parsed messages than a bot would (an array of 200,000 of them made garbage
 * collection, and every figure here, cost about a fifth more).
 */
export async function moderationBench(lines: readonly string[], builtInMix: boolean): Promise<void> {
  const mixed = builtInMix ? asReceived(realisticMix(lines)) : lines;
  const chatLines: string[] = [];
  const channels = new Set<string>();
  for (const line of mixed) {
    try {
      const message = parsed(line);
      if (message) {
        chatLines.push(line);
        channels.add(message.channel);
      }
    } catch {
      // The mix has no malformed lines; a replayed log may, and the transport drops them too.
    }
  }
  const without = await buildPipeline([...channels], false, clock);
  const withMod = await buildPipeline([...channels], true, clock);
  const warmup = chatLines.slice(0, Math.min(chatLines.length, 20_000));
  await timeAll(without.pipeline, warmup);
  await timeAll(withMod.pipeline, warmup);

  // Alternating runs, best of three each: the two pipelines see the same machine load.
  let bestWithout = Infinity;
  let bestWith = Infinity;
  for (let run = 0; run < 3; run++) {
    bestWithout = Math.min(bestWithout, await timeAll(without.pipeline, chatLines));
    bestWith = Math.min(bestWith, await timeAll(withMod.pipeline, chatLines));
  }
  const latencies = new Float64Array(chatLines.length);
  for (let i = 0; i < chatLines.length; i++) {
    if (i % LINES_PER_READ === 0) await nextTurn();
    clock.time++;
    const message = parsed(chatLines[i]!)!;
    const t = performance.now();
    await withMod.pipeline.handle(message);
    latencies[i] = performance.now() - t;
  }
  latencies.sort();
  const sample = chatLines.slice(0, 10_000);
  let stopped = 0;
  for (const line of sample) {
    clock.time++;
    if ((await withMod.pipeline.handle(parsed(line)!)).stoppedBy) stopped++;
  }
  await without.close();
  await withMod.close();

  figure('pipeline without moderation, parsing included (cpu)', (chatLines.length / bestWithout) * 1000, 'msg/s');
  figure('whole pipeline with all filters, parsing included (cpu)', (chatLines.length / bestWith) * 1000, 'msg/s');
  figure('moderation pipeline p50', percentile(latencies, 50) * 1000, 'us');
  figure('moderation pipeline p99', percentile(latencies, 99) * 1000, 'us');
  figure('moderation per message', ((bestWith - bestWithout) / chatLines.length) * 1000, 'us');
  figure('moderation share', (Math.max(0, bestWith - bestWithout) / bestWith) * 100, '%');
  figure('moderation stopped', (stopped / sample.length) * 100, '%');
}
