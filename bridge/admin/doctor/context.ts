import type { Knex } from 'knex';
import { type Config, VIEWS } from '../../core/contract';
import type { DialectSql } from '../../db/dialects/adapter';
import { ADAPTERS } from '../../db/dialects';
import { Directory, DirectoryQueries } from '../../db/queries';

export type ViewKey = keyof typeof VIEWS;

/** What every check that reads the database gets. */
export interface DoctorContext {
  db: Knex;
  config: Config;
  /** The bridge's own queries, so that doctor measures and explains exactly what PaperCut's calls run. */
  queries: DirectoryQueries;
  directory: Directory;
  sql: DialectSql;
  /** A view's name as the bridge's queries write it (schema-qualified when set), with an alias. */
  view(key: ViewKey, alias?: string): string;
  progress(line: string): void;
}

export function doctorContext(db: Knex, config: Config, progress: (line: string) => void): DoctorContext {
  return {
    db,
    config,
    queries: new DirectoryQueries(db, config),
    directory: new Directory(db, config),
    sql: ADAPTERS[config.dialect].sql,
    view: (key, alias) => {
      const name = config.schema ? `${config.schema}.${VIEWS[key]}` : VIEWS[key];
      return alias ? `${name} as ${alias}` : name;
    },
    progress,
  };
}
