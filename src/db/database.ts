import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { coreSchema } from './core.tables.ts';

/** The Drizzle database both drivers satisfy; repositories take this. */
export type AppDb = PgDatabase<PgQueryResultHKT, typeof coreSchema>;

export interface Database {
  db: AppDb;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to log (never contains a password). */
  describe: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it, an embedded PGlite stores the data in `<dataDir>/pg`. */
  url?: string;
  dataDir: string;
  /** PGlite in memory, for tests. */
  inMemory?: boolean;
  /** Errors of idle pooled connections, which would otherwise crash the process. */
  onError?: (err: Error) => void;
  /** PostgreSQL only; default 5000. */
  statementTimeoutMs?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts);
  if (opts.inMemory) return openPglite(new PGlite(), 'pglite memory');
  const dir = `${opts.dataDir.replace(/[/\\]+$/, '')}/pg`;
  mkdirSync(dir, { recursive: true });
  return openPglite(new PGlite(dir), `pglite ${dir}`);
}

/** `postgres host:port/dbname`, without credentials. */
export function describePostgres(url: string): string {
  const u = new URL(url);
  return `postgres ${u.hostname}:${u.port || '5432'}${u.pathname || '/postgres'}`;
}

/** Wraps an already created PGlite, e.g. one loaded from a data dump. */
export async function openPglite(client: PGlite, describe: string): Promise<Database> {
  await client.waitReady;
  const db = drizzlePglite({ client, schema: coreSchema });
  return {
    db,
    kind: 'pglite',
    describe,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Database> {
  const timeout = opts.statementTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: timeout,
    statement_timeout: timeout,
    keepAlive: true,
  });
  pool.on('error', (err) => opts.onError?.(err));
  const db = drizzleNodePg({ client: pool, schema: coreSchema });
  return {
    db,
    kind: 'postgres',
    describe: describePostgres(url),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
