import { describe } from 'node:test';
import { openDatabase } from './database.ts';
import { migrationsContract } from './migrations.contract.ts';

describe('migrations on PGlite', () => {
  migrationsContract(async () => {
    const database = await openDatabase({ dataDir: '', inMemory: true });
    return {
      // Two "instances" of an embedded database share its one handle.
      connect: async () => ({ ...database, close: async () => {} }),
      dispose: () => database.close(),
    };
  });
});
