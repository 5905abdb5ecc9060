import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { BotTokensRepository } from '../db/bot-tokens.repository.ts';
import { coreMigrations } from '../db/core.migrations.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrations.ts';
import { loadOrCreateKeyFile, SecretBox } from '../security/secret-box.ts';

test('npm run secrets:rotate -- --new-key replaces the key file\'s key and re-seals the stored tokens', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'utb-rotate-'));
  const keyFile = join(dataDir, 'secret.key');
  const configured = { accessToken: 'env-a', refreshToken: 'env-r' };
  try {
    const oldKeys = loadOrCreateKeyFile(keyFile);
    let database = await openDatabase({ dataDir });
    await applyMigrations(database.db, coreMigrations);
    await new BotTokensRepository(database.db, new SecretBox(oldKeys)).save('mybot', configured, { accessToken: 'stored-a', refreshToken: 'stored-r' });
    await database.close();

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/rotate-secrets.ts', '--new-key'], { env: { PATH: process.env.PATH, DATA_DIR: dataDir } });
    assert.match(stdout, /re-sealed 1 stored token record\(s\)/);

    const newKeys = loadOrCreateKeyFile(keyFile);
    assert.equal(newKeys.length, 1, 'the old key is gone from the file');
    assert.notDeepEqual(newKeys[0], oldKeys[0]);
    assert.equal(readFileSync(keyFile, 'utf8').trim().split('\n').length, 1);
    database = await openDatabase({ dataDir });
    assert.deepEqual(await new BotTokensRepository(database.db, new SecretBox(newKeys)).current('mybot', configured), { accessToken: 'stored-a', refreshToken: 'stored-r' });
    await database.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
