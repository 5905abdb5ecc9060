// The project's chat-style training messages: the hand-written file and the templates beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { templateExamples, type ChatExample } from './chat.templates.ts';

export const HANDWRITTEN_PATH = fileURLToPath(new URL('./chat.handwritten.jsonl', import.meta.url));

const row = z.object({ text: z.string().min(1).max(500), toxic: z.boolean() });

export function handwrittenExamples(path: string = HANDWRITTEN_PATH): ChatExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = row.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Every chat training message: hand-written first, then the templates'. */
export function chatExamples(): ChatExample[] {
  return [...handwrittenExamples(), ...templateExamples()];
}
