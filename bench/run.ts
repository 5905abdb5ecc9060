// `npm run bench` prints one `<figure>: <number> <unit>` line per figure.
// `npm run bench -- --chatlog FILE` replays a file of raw IRC lines instead of the built-in mix;
// `--messages N` sizes the built-in mix; `--section NAME` runs one section only.
// Each section runs in a process of its own, so that the heap one leaves behind (hundreds of MB of
// mix, parsed messages and databases) does not put its garbage collection into the next one's figures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { asReceived, chatMix } from './chat-mix.ts';
import { commandsBench } from './commands.bench.ts';
import { eftBench } from './eft.bench.ts';
import { moderationBench } from './moderation.bench.ts';
import { pipelineBench } from './pipeline.bench.ts';
import { sandboxBench } from './sandbox.bench.ts';
import { figure } from './stats.ts';

const { values } = parseArgs({
  options: {
    chatlog: { type: 'string' },
    messages: { type: 'string', default: '200000' },
    section: { type: 'string' },
  },
});

function chatLines(): string[] {
  const lines = values.chatlog
    ? readFileSync(values.chatlog, 'utf8').split(/\r?\n/).filter((l) => l.length > 0)
    : asReceived(chatMix(Number(values.messages)));
  if (lines.length === 0) {
    console.error('no lines to replay');
    process.exit(1);
  }
  return lines;
}

// In the order they run; a replayed chat log feeds only the sections that read chat lines.
const SECTIONS: Record<string, { chatlog: boolean; run: () => Promise<void> }> = {
  sandbox: { chatlog: false, run: sandboxBench },
  pipeline: { chatlog: true, run: () => pipelineBench(chatLines()) },
  moderation: { chatlog: true, run: () => moderationBench(chatLines(), !values.chatlog) },
  eft: { chatlog: false, run: eftBench },
  commands: { chatlog: false, run: commandsBench },
};

if (values.section) {
  const section = SECTIONS[values.section];
  if (!section) {
    console.error(`unknown section "${values.section}"; one of: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  await section.run();
  const memory = process.memoryUsage();
  figure(`${values.section} memory rss`, memory.rss / 1_048_576, 'MB');
  figure(`${values.section} memory heap`, memory.heapUsed / 1_048_576, 'MB');
} else {
  console.error(`bench: ${values.chatlog ?? `built-in mix of ${values.messages} lines`}`);
  const passOn = values.chatlog ? ['--chatlog', values.chatlog] : ['--messages', values.messages];
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (values.chatlog && !section.chatlog) continue;
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--section', name, ...passOn], { stdio: 'inherit' });
    if (child.status !== 0) {
      console.error(`bench section ${name} failed (exit ${child.status ?? child.signal})`);
      process.exit(1);
    }
  }
}
