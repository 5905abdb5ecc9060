// `npm run secrets:rotate`: re-seals every stored secret with the newest encryption key.
// With ENCRYPTION_KEYS: put the new key first ("new,old"), run this, then remove the old key.
// With the key file (<DATA_DIR>/secret.key): `npm run secrets:rotate -- --new-key` adds a key,
// re-seals everything with it and removes the old ones.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { resealBotTokens } from '../db/bot-tokens.repository.ts';
import { ChannelTokensRepository } from '../db/channel-tokens.repository.ts';
import { coreMigrations } from '../db/core.migrations.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrations.ts';
import { dropOldKeys, prependNewKey } from '../security/key-file.ts';
import { loadOrCreateKeyFile, parseKeys, SecretBox } from '../security/secret-box.ts';

const { values } = parseArgs({ options: { 'new-key': { type: 'boolean', default: false } } });

try {
  const config = loadConfig();
  const keyFile = join(config.DATA_DIR, 'secret.key');
  if (values['new-key']) {
    if (config.ENCRYPTION_KEYS) throw new ConfigError('--new-key works on the key file; with ENCRYPTION_KEYS, put the new key first yourself');
    loadOrCreateKeyFile(keyFile);
    prependNewKey(keyFile);
  }
  const box = new SecretBox(config.ENCRYPTION_KEYS ? parseKeys(config.ENCRYPTION_KEYS) : loadOrCreateKeyFile(keyFile));
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database.db, coreMigrations);
    const count = (await resealBotTokens(database.db, box)) + (await new ChannelTokensRepository(database.db, box).reseal());
    console.log(`re-sealed ${count} stored token record(s) with key ${box.currentKeyId}`);
  } finally {
    await database.close();
  }
  if (values['new-key']) dropOldKeys(keyFile);
} catch (error) {
  console.error(`secrets:rotate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
