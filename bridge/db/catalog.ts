import type { Knex } from 'knex';
import type { Dialect } from './dialect';

/** Names of the tables and views in the schema the bridge works in (the
 * configured one, or the connection's default). */
const RELATIONS: Record<Dialect, (db: Knex, schema: string | undefined) => Promise<{ name: string }[]>> = {
  sqlite: (db) =>
    db.select('name').from('sqlite_master').whereIn('type', ['table', 'view']).andWhereNot('name', 'like', 'sqlite_%'),
  pg: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('current_schema()')),
  mysql: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('database()')),
  mssql: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('schema_name()')),
};

export async function listRelations(db: Knex, dialect: Dialect, schema: string | undefined): Promise<string[]> {
  return (await RELATIONS[dialect](db, schema)).map((row) => row.name);
}
