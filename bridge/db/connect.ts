import type { Knex } from 'knex';
import type { Config } from '../config';
import { BridgeError, configError } from '../errors';
import type { Log } from '../log';
import type { Dialect } from './dialect';

const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

/** Registered on every SQLite connection: Unicode lower-casing, which SQLite's
 * NOCASE lacks (it folds ASCII only). See `db/queries.ts`. */
export const SQLITE_FOLD_FUNCTION = 'papercut_fold';

interface ConnectOptions {
  /** Calls from PaperCut only read; migrations write. */
  readOnly: boolean;
}

/** How each dialect is reached: the Knex client, its connection settings, and
 * what to do with each new connection. */
const DRIVERS: Record<Dialect, (config: Config, options: ConnectOptions) => Knex.Config> = {
  sqlite: (config, { readOnly }) => ({
    client: 'better-sqlite3',
    connection: { filename: config.url, options: { readonly: readOnly } },
    useNullAsDefault: true,
    pool: {
      afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        connection.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
          typeof value === 'string' ? value.toLowerCase() : value,
        );
        done(null, connection);
      },
    },
  }),
  pg: (config) => ({
    client: 'pg',
    connection: {
      connectionString: config.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
    },
    searchPath: config.schema ? [config.schema] : undefined,
  }),
  mysql: (config) => ({
    client: 'mysql2',
    connection: { uri: config.url, connectTimeout: CONNECT_TIMEOUT_MS } as Knex.MySql2ConnectionConfig,
  }),
  mssql: (config) => ({
    client: 'mssql',
    connection: {
      connectionString: config.url,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: STATEMENT_TIMEOUT_MS,
    } as unknown as Knex.MsSqlConnectionConfig,
  }),
};

interface SqliteConnection {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): void;
}

/** The Knex client name of each dialect's driver, for messages. */
const DRIVER_PACKAGES: Record<Dialect, string> = {
  sqlite: 'better-sqlite3',
  pg: 'pg',
  mysql: 'mysql2',
  mssql: 'mssql',
};

export function knexConfig(config: Config, log: Log, options: ConnectOptions): Knex.Config {
  const base = DRIVERS[config.dialect](config, options);
  return {
    ...base,
    pool: { min: 0, max: 1, ...base.pool },
    acquireConnectionTimeout: CONNECT_TIMEOUT_MS,
    log: log.knexLogger(),
  };
}

/** Opens a pool of one connection, runs `work`, and always closes the pool. */
export async function withDb<T>(
  config: Config,
  log: Log,
  options: ConnectOptions,
  work: (db: Knex) => Promise<T>,
): Promise<T> {
  let db: Knex;
  try {
    // Loaded here so that calls which never touch a database do not pay for Knex.
    const { knex } = require('knex') as typeof import('knex');
    db = knex(knexConfig(config, log, options));
  } catch (error) {
    const detail = /Cannot find module/.test(String(error)) ? 'it is not installed' : (error as Error).message;
    throw configError(
      `cannot load the ${config.dialect} driver (npm package ${DRIVER_PACKAGES[config.dialect]}): ${detail}`,
    );
  }
  try {
    return await work(db);
  } catch (error) {
    throw error instanceof BridgeError ? error : classifyDbError(config, error);
  } finally {
    await db.destroy().catch(() => {});
  }
}

const UNAVAILABLE_CODES = new Set([
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_NOTADB',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** Tells "the database is not there" from "the database answered wrongly". */
export function classifyDbError(config: Config, error: unknown): BridgeError {
  const err = error as { code?: unknown; name?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : String(error);
  const where = config.dialect === 'sqlite' ? `the SQLite database ${config.url}` : `the ${config.dialect} database`;
  if (
    (typeof err.code === 'string' && UNAVAILABLE_CODES.has(err.code)) ||
    err.name === 'KnexTimeoutError' ||
    /timeout|timed out|cannot open database|unable to open database/i.test(message)
  ) {
    return new BridgeError('unavailable', `cannot reach ${where}: ${message}`, { cause: error });
  }
  return new BridgeError('software', `query failed on ${where}: ${message}`, { cause: error });
}
