import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fakeCache, fakeClock, silentLogger } from '../commands.testing.ts';
import { CachedUrlFetch } from './urlfetch.cache.ts';
import { UrlFetcher } from './urlfetch.client.ts';
import { guardedLookup, publicAddressesOnly, urlProblem } from './urlfetch.guard.ts';

describe('address policy', () => {
  test('only public unicast addresses pass, in IPv4 and IPv6', () => {
    const blocked = [
      '127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
      '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1',
      '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1',
      '2001:db8::1', 'not an address', '[::1]',
    ];
    for (const address of blocked) assert.equal(publicAddressesOnly(address), false, address);
    for (const address of ['8.8.8.8', '1.1.1.1', '151.101.1.69', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(publicAddressesOnly(address), true, address);
  });

  test('URLs are refused as written for a literal private address, another scheme or credentials', () => {
    assert.equal(urlProblem('http://127.0.0.1/', publicAddressesOnly), '127.0.0.1 is not a public address');
    assert.equal(urlProblem('http://169.254.169.254/latest/meta-data/', publicAddressesOnly), '169.254.169.254 is not a public address');
    assert.equal(urlProblem('http://10.0.0.1:8080/', publicAddressesOnly), '10.0.0.1 is not a public address');
    assert.equal(urlProblem('http://[::1]:80/', publicAddressesOnly), '::1 is not a public address');
    assert.equal(urlProblem('http://0x7f.1/', publicAddressesOnly), '127.0.0.1 is not a public address', 'the URL parser normalises odd IPv4 forms first');
    assert.equal(urlProblem('http://2130706433/', publicAddressesOnly), '127.0.0.1 is not a public address');
    assert.equal(urlProblem('file:///etc/passwd', publicAddressesOnly), 'only http:// and https:// URLs can be fetched');
    assert.equal(urlProblem('https://u:p@example.com/', publicAddressesOnly), 'URLs with a user name or password are not fetched');
    assert.match(urlProblem('not a url', publicAddressesOnly)!, /is not a URL/);
    assert.equal(urlProblem('https://example.com/x', publicAddressesOnly), undefined);
  });

  test('the connect-time lookup refuses a name that resolves to a blocked address', async () => {
    const result = await new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      guardedLookup(publicAddressesOnly)('localhost', {}, (err, address) => resolve({ err, address })),
    );
    assert.match(String(result.err?.message), /localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
    const allowed = await new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      guardedLookup(() => true)('localhost', {}, (err, address) => resolve({ err, address })),
    );
    assert.equal(allowed.err, null);
    assert.match(String(allowed.address), /^(127\.0\.0\.1|::1)$/);
  });
});

describe('fetching', () => {
  let server: Server;
  let base: string;
  let hits = 0;
  before(async () => {
    server = createServer((req, res) => {
      hits++;
      const url = req.url ?? '/';
      if (url === '/text') return res.end('line one\r\nline two\n\tend  ');
      if (url === '/big') return res.end('é'.repeat(10_000));
      if (url === '/hang') return undefined;
      if (url === '/404') return res.writeHead(404).end('nope');
      if (url === '/redirect-ok') return res.writeHead(302, { location: '/text' }).end();
      if (url === '/redirect-private') return res.writeHead(302, { location: 'http://10.0.0.1/' }).end();
      if (url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  // Loopback is what the test server listens on; the production policy refuses it.
  const local = new UrlFetcher({ addressPolicy: (address) => address === '127.0.0.1' });

  test('the default fetcher refuses the loopback server without connecting', async () => {
    const before = hits;
    assert.deepEqual(await new UrlFetcher().fetchText(`${base}/text`), { ok: false, reason: '127.0.0.1 is not a public address' });
    assert.equal(hits, before);
  });

  test('text comes back as one line; errors are named', async () => {
    assert.deepEqual(await local.fetchText(`${base}/text`), { ok: true, text: 'line one line two end' });
    assert.deepEqual(await local.fetchText(`${base}/404`), { ok: false, reason: 'HTTP 404' });
    assert.deepEqual(await local.fetchText(`${base}/redirect-ok`), { ok: true, text: 'line one line two end' });
    assert.deepEqual(await local.fetchText(`${base}/loop`), { ok: false, reason: 'more than 3 redirects' });
  });

  test('the body is cut at 4 KB, never mid-character', async () => {
    const result = await local.fetchText(`${base}/big`);
    assert.ok(result.ok);
    assert.ok(Buffer.byteLength(result.text) <= 4_096);
    assert.equal(result.text, 'é'.repeat(2_048));
  });

  test('every redirect is checked again: to a private literal, and to a name that resolves to loopback', async () => {
    assert.deepEqual(await local.fetchText(`${base}/redirect-private`), { ok: false, reason: '10.0.0.1 is not a public address' });
    // A first hop on 127.0.0.2 (allowed here) sends the fetch on to `localhost`, which resolves to a refused address.
    const port = (server.address() as AddressInfo).port;
    const hop = createServer((_req, res) => res.writeHead(301, { location: `http://localhost:${port}/text` }).end());
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.2', resolve));
    try {
      const onlyHop = new UrlFetcher({ addressPolicy: (address) => address === '127.0.0.2' });
      const before = hits;
      const byName = await onlyHop.fetchText(`http://127.0.0.2:${(hop.address() as AddressInfo).port}/`);
      assert.equal(byName.ok, false);
      assert.match(byName.ok ? '' : byName.reason, /^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/);
      assert.equal(hits, before, 'the refused address was never connected to');
    } finally {
      hop.close();
    }
  });

  test('a server that never answers is given up after 2 s', async () => {
    const started = performance.now();
    assert.deepEqual(await local.fetchText(`${base}/hang`), { ok: false, reason: 'timed out' });
    const took = performance.now() - started;
    assert.ok(took >= 1_900 && took < 5_000, `took ${took} ms`);
  });

  test('answers are cached per channel for the TTL, and one fetch serves concurrent asks', async () => {
    const clock = fakeClock();
    const cache = fakeCache(clock);
    const cached = new CachedUrlFetch(local, cache, silentLogger);
    const before = hits;
    const answers = await Promise.all([1, 2, 3].map(() => cached.text('chan', `${base}/text`, 30)));
    assert.deepEqual(answers, Array(3).fill('line one line two end'));
    assert.equal(hits - before, 1);
    await cached.text('chan', `${base}/text`, 30);
    assert.equal(hits - before, 1, 'served from the cache');
    clock.ms += 31_000;
    await cached.text('chan', `${base}/text`, 30);
    assert.equal(hits - before, 2, 'fetched again after the TTL');
    assert.equal(await cached.text('chan', `${base}/404`, 30), '(urlfetch: HTTP 404)');
  });
});
