import type { Knex } from 'knex';
import type { Dialect } from './dialect';
import { ADAPTERS } from './dialects';

/** Names of the tables and views in the schema the bridge works in (the
 * configured one, or the connection's default). */
export async function listRelations(db: Knex, dialect: Dialect, schema: string | undefined): Promise<string[]> {
  return (await ADAPTERS[dialect].relations(db, schema)).map((row) => row.name);
}
