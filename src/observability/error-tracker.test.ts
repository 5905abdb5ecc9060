import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createErrorTracker } from './error-tracker.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

test('without a DSN nothing is sent and nothing is loaded', async () => {
  const tracker = await createErrorTracker(undefined, silent);
  tracker.capture(new Error('ignored'));
  await tracker.close();
});

test('with a DSN an error reaches the Sentry envelope endpoint, tagged, without secrets from the request', async () => {
  const envelopes: { path: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      envelopes.push({ path: request.url ?? '', body });
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const tracker = await createErrorTracker(`http://publickey@127.0.0.1:${port}/42`, silent);
    tracker.capture(new Error('the database went away'), { module: 'commands' });
    await tracker.close();
    assert.equal(envelopes.length, 1);
    assert.equal(envelopes[0]!.path.split('?')[0], '/api/42/envelope/');
    assert.match(envelopes[0]!.body, /the database went away/);
    assert.match(envelopes[0]!.body, /"module":"commands"/);
  } finally {
    server.close();
  }
});
