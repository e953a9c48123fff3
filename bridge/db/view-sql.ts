import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../core/paths';
import type { Dialect } from './dialect';

export interface ViewStatement {
  /** The view the file creates, from its name: `01_papercut_users.sql` → `papercut_users`. */
  view: string;
  file: string;
  sql: string;
}

/** The `CREATE VIEW` statements in `views/<dialect>/`, one per file, in file-name order.
 * They live outside `migrations/` because Knex treats every file there as a migration. */
export function readViewStatements(dialect: Dialect, viewsDir = paths.viewsDir): ViewStatement[] {
  const dir = join(viewsDir, dialect);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      view: file.replace(/^\d+_/, '').replace(/\.sql$/, ''),
      file,
      sql: readFileSync(join(dir, file), 'utf8').trim().replace(/;$/, ''),
    }));
}
