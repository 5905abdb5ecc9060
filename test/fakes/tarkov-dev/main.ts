// Runs the tarkov.dev fake alone: `tsx test/fakes/tarkov-dev/main.ts [--port N] [--items N]`, then start
// the bot with TARKOV_API_URL set to the printed endpoint. Steer it with POST /control
// {delayMs, failure: "http" | "graphql" | null, priceFactor}.
import { parseArgs } from 'node:util';
import { startTarkovDevFake } from './tarkov-dev.fake.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, items: { type: 'string', default: '0' } } });
const fake = await startTarkovDevFake({ port: Number(values.port), extraItems: Number(values.items) });
console.log(`tarkov-dev: ${fake.url}`);
console.log(`control: ${fake.url.replace(/\/graphql$/, '/control')}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
