import { describe, test } from 'node:test';
import { repositoriesContract } from './repositories.contract.ts';
import { createTestPostgres } from './test-db.ts';

const serverUrl = process.env.DATABASE_URL;

describe('core repositories on PostgreSQL', () => {
  if (!serverUrl) {
    test('contract', { skip: 'DATABASE_URL not set' }, () => {});
    return;
  }
  repositoriesContract(() => createTestPostgres(serverUrl));
});
