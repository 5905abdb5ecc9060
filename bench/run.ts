// `npm run bench` prints one `<figure>: <number> <unit>` line per figure.
// `npm run bench -- --chatlog FILE` replays a file of raw IRC lines instead of the built-in mix;
// `--messages N` sizes the built-in mix.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chatMix } from './chat-mix.ts';
import { eftBench } from './eft.bench.ts';
import { commandsBench } from './commands.bench.ts';
import { moderationBench } from './moderation.bench.ts';
import { pipelineBench } from './pipeline.bench.ts';
import { sandboxBench } from './sandbox.bench.ts';
import { figure } from './stats.ts';

const { values } = parseArgs({
  options: {
    chatlog: { type: 'string' },
    messages: { type: 'string', default: '200000' },
  },
});

const lines = values.chatlog
  ? readFileSync(values.chatlog, 'utf8').split(/\r?\n/).filter((l) => l.length > 0)
  : chatMix(Number(values.messages));
if (lines.length === 0) {
  console.error('no lines to replay');
  process.exit(1);
}
console.error(`bench: ${lines.length} lines (${values.chatlog ? values.chatlog : 'built-in mix'})`);
// The sandbox bench runs the bot in this process and times its replies: first, so that the heap the
// in-process benches leave behind (hundreds of MB) does not put their garbage collection into its tail.
if (!values.chatlog) await sandboxBench();
await pipelineBench(lines);
await moderationBench(lines, !values.chatlog);
if (!values.chatlog) await eftBench();
if (!values.chatlog) await commandsBench();
const memory = process.memoryUsage();
figure('memory rss', memory.rss / 1_048_576, 'MB');
figure('memory heap', memory.heapUsed / 1_048_576, 'MB');
