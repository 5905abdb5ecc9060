import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventBus } from '../../core/ports.ts';

/** Two handles on one bus: for Redis two separate instances (two bot processes), in memory the same one. */
export interface BusPair {
  first: EventBus;
  second: EventBus;
  close(): Promise<void>;
}

/** What every EventBus must do; `open` gives buses that share no topics with other tests. */
export function eventBusContract(open: (opts: { onError: (err: unknown) => void }) => Promise<BusPair>): void {
  async function withBuses(fn: (pair: BusPair, errors: unknown[]) => Promise<void>): Promise<void> {
    const errors: unknown[] = [];
    const pair = await open({ onError: (err) => errors.push(err) });
    try {
      await fn(pair, errors);
    } finally {
      await pair.close();
    }
  }

  test('delivers a JSON payload to subscribers on both instances', () =>
    withBuses(async ({ first, second }) => {
      const a: unknown[] = [];
      const b: unknown[] = [];
      await first.subscribe('config', (p) => a.push(p));
      await second.subscribe('config', (p) => b.push(p));
      await first.publish('config', { channel: 'x', at: new Date(0), n: 1 });
      await waitFor(() => a.length === 1 && b.length === 1);
      assert.deepEqual(a, [{ channel: 'x', at: '1970-01-01T00:00:00.000Z', n: 1 }]);
      assert.deepEqual(b, a);
    }));

  test('topics are separate', () =>
    withBuses(async ({ first, second }) => {
      const got: string[] = [];
      await second.subscribe('one', () => got.push('one'));
      await second.subscribe('two', () => got.push('two'));
      await first.publish('two', null);
      await waitFor(() => got.length === 1);
      await first.publish('one', null);
      await waitFor(() => got.length === 2);
      assert.deepEqual(got, ['two', 'one']);
    }));

  test('unsubscribe stops delivery to that handler only, and the last one leaving stops the topic', () =>
    withBuses(async ({ first, second }) => {
      const kept: number[] = [];
      const dropped: number[] = [];
      const stopKept = await second.subscribe<number>('t', (n) => kept.push(n));
      const stopDropped = await second.subscribe<number>('t', (n) => dropped.push(n));
      await first.publish('t', 1);
      await waitFor(() => kept.length === 1 && dropped.length === 1);
      await stopDropped();
      await stopDropped();
      await first.publish('t', 2);
      await waitFor(() => kept.length === 2);
      await stopKept();

      // Messages from one publisher arrive in order, so once the marker arrives the message before it had its chance.
      const markers: unknown[] = [];
      await second.subscribe('marker', (m) => markers.push(m));
      await first.publish('t', 3);
      await first.publish('marker', 'done');
      await waitFor(() => markers.length === 1);
      assert.deepEqual(kept, [1, 2]);
      assert.deepEqual(dropped, [1]);
    }));

  test('a failing handler neither stops the others nor reaches the publisher', () =>
    withBuses(async ({ first, second }, errors) => {
      const got: unknown[] = [];
      await second.subscribe('t', () => {
        throw new Error('boom');
      });
      await second.subscribe('t', async () => {
        throw new Error('async boom');
      });
      await second.subscribe('t', (p) => got.push(p));
      await first.publish('t', 'hello');
      await waitFor(() => got.length === 1 && errors.length === 2);
      assert.deepEqual(errors.map((e) => (e as Error).message).sort(), ['async boom', 'boom']);
    }));
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
