// Through the sandbox over loopback: the bot (the real transport and pipeline, in this process)
// against a sandbox that pours in chat at 500 msg/s from a process of its own (sandbox-load.ts).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { IrcChatTransport } from '../src/adapters/twitch/irc-chat.transport.ts';
import { twitchChatLimits } from '../src/adapters/twitch/send-scheduler.ts';
import { MemoryRateLimiter } from '../src/adapters/memory/memory.rate-limiter.ts';
import { builtinsModule } from '../src/core/builtins.ts';
import { CommandRegistry } from '../src/core/command-registry.ts';
import { defaultChannelConfig } from '../src/core/module.ts';
import { MessagePipeline } from '../src/core/pipeline.ts';
import { systemClock } from '../src/core/ports.ts';
import { BotMetrics } from '../src/observability/metrics.ts';
import { figure, percentile } from './stats.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function sandboxBench(): Promise<void> {
  const load = spawn(process.execPath, ['--import', 'tsx', new URL('./sandbox-load.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
  const output = createInterface({ input: load.stdout })[Symbol.asyncIterator]();
  const { ircPort } = JSON.parse((await output.next()).value as string) as { ircPort: number };

  const transport = new IrcChatTransport({
    url: `irc://127.0.0.1:${ircPort}`,
    login: 'utbot',
    getToken: async () => 'sandbox-bench',
    limits: twitchChatLimits(),
    clock: systemClock,
    logger: silent,
  });
  const registry = new CommandRegistry();
  const modules = [builtinsModule(registry)];
  for (const module of modules) registry.add(module);
  const pipeline = new MessagePipeline({
    modules,
    registry,
    channels: { get: defaultChannelConfig },
    rateLimiter: new MemoryRateLimiter(),
    send: (message) => transport.send(message),
    observer: new BotMetrics({ defaultMetrics: false }),
    logger: silent,
  });
  transport.onMessage((message) => void pipeline.handle(message));
  await transport.connect();
  await transport.join('bench');

  const result = JSON.parse((await output.next()).value as string) as { latencies: number[]; rate: number; commands: number };
  await transport.close();
  const latencies = result.latencies.sort((a, b) => a - b);
  figure('sandbox chat rate', result.rate, 'msg/s');
  figure('sandbox commands', result.commands, 'msgs');
  figure('sandbox replies', latencies.length, 'msgs');
  figure('sandbox reply p50', percentile(latencies, 50), 'ms');
  figure('sandbox reply p99', percentile(latencies, 99), 'ms');
}
