import { statSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { Dialect } from './dialect';

type Identify = (db: Knex, config: Pick<Config, 'url'>) => Promise<string>;

type Row = Record<string, unknown>;
const columns = (db: Knex, ...sql: string[]) => sql.map((column) => db.raw(column));

/** What the database itself says it is, however the URL spells its host or
 * path: the guard keys its records on this, so that `localhost` and
 * `127.0.0.1`, or a symlink to the same SQLite file, are one database. Every
 * query here runs under a reader login. */
const IDENTITY: Record<Dialect, Identify> = {
  // The file SQLite has open (asking opens it, so a missing one fails as any call would).
  sqlite: async (db, config) => {
    const files = (await db.raw('pragma database_list')) as { name: string; file: string }[];
    const { dev, ino } = statSync(files.find((file) => file.name === 'main')?.file || config.url);
    return `file ${dev}:${ino}`;
  },
  pg: async (db) => {
    const row: Row = await db
      .first(columns(db, 'system_identifier::text as id', 'current_database() as db'))
      .from(db.raw('pg_control_system()'));
    return `cluster ${String(row.id)} database ${String(row.db)}`;
  },
  // MariaDB has no @@server_uuid: its host name and data directory name the server.
  mysql: async (db) => {
    const row: Row = await db.first(
      columns(db, 'version() as version', '@@hostname as host', '@@datadir as datadir', 'database() as db'),
    );
    const server = /mariadb/i.test(String(row.version))
      ? `host ${String(row.host)} datadir ${String(row.datadir)}`
      : `server ${String(((await db.first(columns(db, '@@server_uuid as id'))) as Row).id)}`;
    return `${server} database ${String(row.db)}`;
  },
  mssql: async (db) => {
    const row: Row = await db
      .first(columns(db, 'cast(service_broker_guid as nvarchar(36)) as id', 'db_name() as db'))
      .from('sys.databases')
      .where(db.raw('database_id = db_id()'));
    return `database ${String(row.id)} ${String(row.db)}`;
  },
};

export function databaseIdentity(db: Knex, config: Pick<Config, 'dialect' | 'url'>): Promise<string> {
  return IDENTITY[config.dialect](db, config);
}
