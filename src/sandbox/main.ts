/** `npm run sandbox`: the sandbox on its own. IRC_PORT and SANDBOX_PORT pick the ports (0 = a free one). */
import { startSandbox } from './sandbox.ts';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} must be a port number (0-65535), got ${raw}`);
    process.exit(1);
  }
  return value;
}

const sandbox = await startSandbox({
  ircPort: port('IRC_PORT', 6667),
  httpPort: port('SANDBOX_PORT', 3001),
  log: process.env.SANDBOX_DEBUG ? (line) => console.error(line) : undefined,
});
console.log(`sandbox: ${sandbox.httpUrl}`);
console.log(`irc: ${sandbox.ircUrl}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
