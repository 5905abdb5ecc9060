import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { coreMigrations } from './core.migrations.ts';
import { openDatabase, openPglite, type Database } from './database.ts';
import { applyMigrations, type Migration } from './migrations.ts';

let migratedCore: Promise<File | Blob> | undefined;

/** An in-memory PGlite built from the real core migrations plus `extraMigrations`. */
export async function createTestDb(extraMigrations: Migration[] = []): Promise<Database> {
  // Starting PGlite from a dump of a migrated database takes a fraction of a fresh start, so each test file pays once.
  migratedCore ??= (async () => {
    const client = new PGlite();
    const template = await openPglite(client, 'pglite template');
    await applyMigrations(template.db, coreMigrations);
    const dump = await client.dumpDataDir('none');
    await template.close();
    return dump;
  })();
  const database = await openPglite(new PGlite({ loadDataDir: await migratedCore }), 'pglite memory');
  await applyMigrations(database.db, [...coreMigrations, ...extraMigrations]);
  return database;
}

export interface ThrowawayDatabase {
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** Creates an empty `utb_test_<random>` database on the server of `serverUrl`, so parallel test files never share one. */
export async function createThrowawayDatabase(serverUrl: string): Promise<ThrowawayDatabase> {
  const name = `utb_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** A migrated throwaway PostgreSQL database; closing it drops it. */
export async function createTestPostgres(serverUrl: string, extraMigrations: Migration[] = []): Promise<Database> {
  const throwaway = await createThrowawayDatabase(serverUrl);
  const database = await openDatabase({ url: throwaway.url, dataDir: '' });
  try {
    await applyMigrations(database.db, [...coreMigrations, ...extraMigrations]);
  } catch (err) {
    await database.close();
    await throwaway.drop();
    throw err;
  }
  return {
    ...database,
    close: async () => {
      await database.close();
      await throwaway.drop();
    },
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
