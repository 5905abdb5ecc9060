import { describe, test } from 'node:test';
import { openDatabase } from './database.ts';
import { migrationsContract } from './migrations.contract.ts';
import { createThrowawayDatabase } from './test-db.ts';

const serverUrl = process.env.DATABASE_URL;

describe('migrations on PostgreSQL', () => {
  if (!serverUrl) {
    test('contract', { skip: 'DATABASE_URL not set' }, () => {});
    return;
  }
  migrationsContract(async () => {
    const throwaway = await createThrowawayDatabase(serverUrl);
    return {
      connect: () => openDatabase({ url: throwaway.url, dataDir: '' }),
      dispose: () => throwaway.drop(),
    };
  });
});
