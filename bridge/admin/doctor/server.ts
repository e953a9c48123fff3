import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { Dialect } from '../../db/dialect';

type VersionRow = { version?: unknown };

/** Each server's version query, where its driver puts the rows, and the part of the answer worth showing. */
const SERVER_VERSION: Record<Dialect, (db: Knex) => Promise<VersionRow[]>> = {
  sqlite: (db) => db.raw('select sqlite_version() as version'),
  pg: async (db) => (await db.raw('select version() as version')).rows,
  mysql: async (db) => (await db.raw('select version() as version'))[0],
  mssql: (db) => db.raw('select @@version as version'),
};

const PRODUCT: Record<Dialect, string> = {
  sqlite: 'SQLite',
  pg: 'PostgreSQL',
  mysql: 'MySQL/MariaDB',
  mssql: 'SQL Server',
};

/** PostgreSQL and SQL Server answer with their name and build details around the version. */
const TIDY: Record<Dialect, (version: string) => string> = {
  sqlite: (version) => version,
  pg: (version) => version.replace(/^PostgreSQL\s+/, '').replace(/ on .*$/, ''),
  mysql: (version) => version,
  mssql: (version) =>
    version
      .split('\n')[0]!
      .replace(/^Microsoft SQL Server\s+/, '')
      .trim(),
};

export interface ServerInfo {
  dialect: Dialect;
  product: string;
  connected: boolean;
  version: string | null;
  /** Connecting and asking the version: what each PaperCut call pays before its query. */
  connectMs: number | null;
}

/** Connects (the first query opens the connection) and asks the version. Throws when the server cannot be reached. */
export async function serverInfo(db: Knex, dialect: Dialect): Promise<ServerInfo> {
  const started = performance.now();
  const rows = await SERVER_VERSION[dialect](db);
  const connectMs = performance.now() - started;
  const version = TIDY[dialect](String(rows[0]?.version ?? 'unknown').trim());
  return { dialect, product: PRODUCT[dialect], connected: true, version, connectMs };
}

export function unreachable(dialect: Dialect): ServerInfo {
  return { dialect, product: PRODUCT[dialect], connected: false, version: null, connectMs: null };
}
