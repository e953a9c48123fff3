import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { configError } from '../errors';
import type { Dialect } from './dialect';

/** Registered on every SQLite connection: Unicode lower-casing, which SQLite's
 * NOCASE lacks (it folds ASCII only). See `db/queries.ts`. */
export const SQLITE_FOLD_FUNCTION = 'papercut_fold';

export interface ConnectOptions {
  /** Calls from PaperCut only read; migrations write. */
  readOnly: boolean;
}

type Done = (error: Error | null, connection: unknown) => void;

/** How each dialect is reached: the Knex client, its connection settings
 * (timeouts, TLS) and what each new connection needs. Only the chosen
 * client's driver is ever loaded: Knex requires it when the client starts. */
export const DRIVERS: Record<Dialect, (config: Config, options: ConnectOptions) => Knex.Config> = {
  sqlite: (config, { readOnly }) => ({
    client: 'better-sqlite3',
    connection: { filename: config.url, options: { readonly: readOnly } },
    useNullAsDefault: true,
    pool: {
      afterCreate: (connection: SqliteConnection, done: Done) => {
        connection.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
          typeof value === 'string' ? value.toLowerCase() : value,
        );
        done(null, connection);
      },
    },
  }),
  // TLS comes with the URL: sslmode, sslrootcert, sslcert, sslkey (libpq's names).
  pg: (config) => ({
    client: 'pg',
    connection: {
      connectionString: config.url,
      connectionTimeoutMillis: config.connectTimeoutMs,
      statement_timeout: config.statementTimeoutMs,
    },
    searchPath: config.schema ? [config.schema] : undefined,
  }),
  mysql: (config) => ({
    client: 'mysql2',
    connection: mysqlConnection(config),
    pool: {
      afterCreate: (connection: MysqlConnection, done: Done) => {
        // mysql2 escapes values on the client, with backslashes: a session
        // whose sql_mode has NO_BACKSLASH_ESCAPES would read `\'` as the end
        // of a string and run what follows. It is taken out of every session
        // before any value is sent, and a session that keeps it is refused.
        connection.query(NO_BACKSLASH_ESCAPES_OFF, (modeError) => {
          if (modeError) return done(modeError, connection);
          connection.query(SQL_MODE_CHECK, (checkError, rows) => {
            const mode = String((rows as { mode?: unknown }[] | undefined)?.[0]?.mode ?? '');
            if (checkError || /NO_BACKSLASH_ESCAPES/i.test(mode)) {
              return done(checkError ?? new Error('the session keeps NO_BACKSLASH_ESCAPES in sql_mode'), connection);
            }
            // MariaDB limits statements with max_statement_time (s), MySQL with max_execution_time (ms).
            const seconds = config.statementTimeoutMs / 1000;
            connection.query(`SET SESSION max_statement_time = ${seconds}`, (mariaDbError) => {
              if (!mariaDbError) return done(null, connection);
              connection.query(`SET SESSION max_execution_time = ${config.statementTimeoutMs}`, (error) =>
                done(error, connection),
              );
            });
          });
        });
      },
    },
  }),
  mssql: (config) => ({ client: 'mssql', connection: mssqlConnection(config) }),
};

interface SqliteConnection {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): void;
}

interface MysqlConnection {
  query(sql: string, callback: (error: Error | null, rows?: unknown) => void): void;
}

const NO_BACKSLASH_ESCAPES_OFF =
  "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";
const SQL_MODE_CHECK = 'SELECT @@SESSION.sql_mode AS mode';

/** mysql://user:password@host:port/database?ssl-mode=VERIFY_IDENTITY&ssl-ca=/path/ca.pem */
function mysqlConnection(config: Config): Knex.MySql2ConnectionConfig {
  const url = new URL(config.url);
  const params = queryParams(url, ['ssl-mode', 'ssl-ca']);
  const mode = (params['ssl-mode'] ?? (params['ssl-ca'] ? 'VERIFY_CA' : 'DISABLED')).toUpperCase();
  const ca = params['ssl-ca'] ? readCa(params['ssl-ca']) : undefined;
  const tls: Record<string, Knex.MySql2ConnectionConfig['ssl']> = {
    DISABLED: undefined,
    PREFERRED: undefined,
    REQUIRED: { rejectUnauthorized: false },
    // Verify the chain but not the host name (mysql2 passes this on to tls.connect).
    VERIFY_CA: {
      ca,
      rejectUnauthorized: true,
      checkServerIdentity: () => undefined,
    } as Knex.MySql2ConnectionConfig['ssl'],
    VERIFY_IDENTITY: { ca, rejectUnauthorized: true },
  };
  if (!(mode in tls)) throw configError(`ssl-mode in BRIDGE_DB_URL must be one of ${Object.keys(tls).join(', ')}`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    charset: 'utf8mb4',
    connectTimeout: config.connectTimeoutMs,
    ssl: tls[mode],
  };
}

/** mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=false&instanceName=X */
function mssqlConnection(config: Config): Knex.MsSqlConnectionConfig {
  const url = new URL(config.url);
  const params = queryParams(url, ['encrypt', 'trustServerCertificate', 'instanceName']);
  const flag = (name: string, fallback: boolean) => {
    const value = params[name];
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') throw configError(`${name} in BRIDGE_DB_URL must be true or false`);
    return value === 'true';
  };
  return {
    server: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 1433,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    connectionTimeout: config.connectTimeoutMs,
    requestTimeout: config.statementTimeoutMs,
    options: {
      // Encrypted and verified unless the DBA says otherwise, as tedious itself defaults.
      encrypt: flag('encrypt', true),
      trustServerCertificate: flag('trustServerCertificate', false),
      instanceName: params.instanceName,
    },
  } as Knex.MsSqlConnectionConfig;
}

function queryParams(url: URL, known: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (!known.includes(key)) {
      throw configError(`BRIDGE_DB_URL has an unknown parameter '${key}' (known: ${known.join(', ')})`);
    }
    params[key] = value;
  }
  return params;
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw configError(`cannot read the CA file named by ssl-ca: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
