// Runs the Perspective fake alone: `tsx test/fakes/perspective/main.ts [--port N] [--key K] [--qps N]`,
// then start the bot with PERSPECTIVE_API_URL and PERSPECTIVE_API_KEY set to what it prints. Steer it
// with POST /control {delayMs, failure: "server" | "quota" | "malformed" | "not-json" | null,
// retryAfterSeconds, scores: {"exact text": {"TOXICITY": 0.9, "INSULT": 0.95}}}.
import { parseArgs } from 'node:util';
import { startPerspectiveFake } from './perspective.fake.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, key: { type: 'string', default: 'test-key' }, qps: { type: 'string' } } });
const fake = await startPerspectiveFake({ port: Number(values.port), key: values.key, quotaPerSecond: values.qps === undefined ? undefined : Number(values.qps) });
console.log(`perspective: ${fake.url}`);
console.log(`control: ${fake.url}/control`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
