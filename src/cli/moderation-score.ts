// Reads {"text": ..., optional login, roles, firstMessage} JSON lines on stdin and writes one JSON
// line per input line: {toxicity, flagged, rules: [{rule, action}]}, every filter on at its default
// thresholds, or {error}. Lines without a login come from different viewers.
import { createInterface } from 'node:readline';
import { OfflineModerator } from '../modules/moderation/moderation.offline.ts';

const moderator = new OfflineModerator();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim().length === 0) continue;
  process.stdout.write(`${JSON.stringify(judge(line))}\n`);
}

function judge(line: string): object {
  try {
    return moderator.score(JSON.parse(line) as never);
  } catch (error) {
    const message = error instanceof Error && 'issues' in error ? (error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.map(String).join('.') || 'line'}: ${i.message}`).join('; ') : error instanceof Error ? error.message : String(error);
    return { error: message };
  }
}
