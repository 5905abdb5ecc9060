import { describe } from 'node:test';
import { repositoriesContract } from './repositories.contract.ts';
import { createTestDb } from './test-db.ts';

describe('core repositories on PGlite', () => {
  repositoriesContract(() => createTestDb());
});
