import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BotMetrics } from './metrics.ts';

test('the shipped Grafana dashboard queries only metrics the bot exports', async () => {
  const dashboard = readFileSync(new URL('../../deploy/grafana/ultimate-twitch-bot.json', import.meta.url), 'utf8');
  const used = new Set([...dashboard.matchAll(/\butb_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
  const metrics = new BotMetrics();
  const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
  const missing = [...used].filter((name) => !exported.has(name));
  assert.deepEqual(missing, [], `the dashboard queries metrics nobody exports: ${missing.join(', ')}`);
  assert.ok(used.size >= 10);
});
