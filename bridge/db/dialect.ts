import { DIALECTS, type Dialect } from '../core/contract';
import { ADAPTERS } from './dialects';

export { DIALECTS, type Dialect };

export function isDialect(value: string): value is Dialect {
  return (DIALECTS as readonly string[]).includes(value);
}

/** The dialect of a Knex instance, for migrations that hold per-dialect SQL. */
export function dialectOfKnex(knex: { client: { config: { client?: unknown } } }): Dialect {
  const client = knex.client.config.client;
  const dialect = DIALECTS.find((name) => typeof client === 'string' && ADAPTERS[name].knexClients.includes(client));
  if (!dialect) throw new Error(`unsupported Knex client: ${String(client)}`);
  return dialect;
}
