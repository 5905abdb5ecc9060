import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { SecretBox } from '../security/secret-box.ts';
import { BotTokensRepository, resealBotTokens } from './bot-tokens.repository.ts';
import type { Database } from './database.ts';
import { createTestDb } from './test-db.ts';

let database: Database;
before(async () => (database = await createTestDb()));
after(() => database.close());

const configured = { accessToken: 'env-access', refreshToken: 'env-refresh' };

test('refreshed tokens survive a restart, sealed at rest', async () => {
  const box = new SecretBox([randomBytes(32)]);
  const store = new BotTokensRepository(database.db, box);
  assert.deepEqual(await store.current('bot', configured), configured, 'nothing stored yet');
  await store.save('bot', configured, { accessToken: 'new-access', refreshToken: 'new-refresh' });
  assert.deepEqual(await new BotTokensRepository(database.db, box).current('bot', configured), { accessToken: 'new-access', refreshToken: 'new-refresh' });
  const raw = JSON.stringify(await database.db.execute(sql`select * from bot_tokens`));
  assert.ok(!raw.includes('new-access') && !raw.includes('new-refresh') && !raw.includes('env-refresh'), raw);
});

test('a newly configured token wins over tokens stored from an older one', async () => {
  const box = new SecretBox([randomBytes(32)]);
  const store = new BotTokensRepository(database.db, box);
  await store.save('bot2', configured, { accessToken: 'stored', refreshToken: 'stored-refresh' });
  const fresh = { accessToken: 'fresh', refreshToken: 'fresh-refresh' };
  assert.deepEqual(await store.current('bot2', fresh), fresh);
});

test('rotation re-seals stored tokens with the new key; the old key is then no longer needed', async () => {
  const own = await createTestDb();
  after(() => own.close());
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  await new BotTokensRepository(own.db, new SecretBox([oldKey])).save('bot3', configured, { accessToken: 'a3', refreshToken: 'r3' });
  const rotated = new SecretBox([newKey, oldKey]);
  assert.equal(await resealBotTokens(own.db, rotated), 1);
  assert.equal(await resealBotTokens(own.db, rotated), 0, 'nothing left to re-seal');
  assert.deepEqual(await new BotTokensRepository(own.db, new SecretBox([newKey])).current('bot3', configured), { accessToken: 'a3', refreshToken: 'r3' });
});
