// The project's chat-style training messages: the hand-written files and the templates beside them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { templateExamples, type ChatExample } from './chat.templates.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** Every hand-written file: `*.jsonl` beside this one, in name order. */
export const HANDWRITTEN_PATHS = readdirSync(HERE)
  .filter((name) => name.endsWith('.jsonl'))
  .sort()
  .map((name) => `${HERE}${name}`);

const row = z.object({ text: z.string().min(1).max(500), toxic: z.boolean() });

function readExamples(path: string): ChatExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = row.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export function handwrittenExamples(): ChatExample[] {
  return HANDWRITTEN_PATHS.flatMap(readExamples);
}

/** Every chat training message: hand-written first, then the templates'. */
export function chatExamples(): ChatExample[] {
  return [...handwrittenExamples(), ...templateExamples()];
}
