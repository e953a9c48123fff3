import { DIALECTS, type Dialect } from '../core/contract';

export { DIALECTS, type Dialect };

export function isDialect(value: string): value is Dialect {
  return (DIALECTS as readonly string[]).includes(value);
}

const KNEX_CLIENTS: Record<string, Dialect> = {
  'better-sqlite3': 'sqlite',
  sqlite3: 'sqlite',
  pg: 'pg',
  postgres: 'pg',
  postgresql: 'pg',
  mysql: 'mysql',
  mysql2: 'mysql',
  mssql: 'mssql',
};

/** The dialect of a Knex instance, for migrations that hold per-dialect SQL. */
export function dialectOfKnex(knex: { client: { config: { client?: unknown } } }): Dialect {
  const client = knex.client.config.client;
  const dialect = typeof client === 'string' ? KNEX_CLIENTS[client] : undefined;
  if (!dialect) throw new Error(`unsupported Knex client: ${String(client)}`);
  return dialect;
}
