import type { Knex } from 'knex';
import type { Dialect } from './dialect';
import { SQLITE_FOLD_FUNCTION } from './drivers';

/** How each dialect finds names case-insensitively with an index, and orders
 * them the same way everywhere. The SQL may return more than the exact
 * matches (MySQL's `_ci` collations also ignore accents and trailing spaces);
 * `Directory` keeps only names equal under `nameKey`. */
export interface DialectSql {
  equalsValue(db: Knex, column: string, value: string): Knex.Raw;
  equalsColumn(db: Knex, left: string, right: string): Knex.Raw;
  /** Code-point order, identical on every dialect, so answers are byte-identical. */
  binaryOrder(db: Knex, column: string): Knex.Raw;
  /** A query of user rows, its values read as all-users reads them. */
  asExported(query: Knex.QueryBuilder): Knex.QueryBuilder;
}

/** The drivers turn what is not text (dates, booleans, floats) into
 * JavaScript values; all-users reads the server's own text of each value
 * (PostgreSQL's COPY, MySQL's row packets). Lookups take that text too, so a
 * view column that is not text reads the same in every call. */
const PG_SERVER_TEXT = { getTypeParser: () => (value: string) => value };
const MYSQL_SERVER_TEXT = (field: { string(encoding: string): string | null }) => field.string('utf8');

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

export const DIALECT_SQL: Record<Dialect, DialectSql> = {
  // NOCASE can use a NOCASE index but folds ASCII only; a name with other
  // letters (Øyvind) is compared through a Unicode fold instead, without index.
  sqlite: {
    equalsValue: (db, column, value) =>
      isAscii(value)
        ? db.raw('?? = ? collate nocase', [column, value])
        : db.raw(`${SQLITE_FOLD_FUNCTION}(??) = ?`, [column, value.toLowerCase()]),
    equalsColumn: (db, left, right) => db.raw('?? = ?? collate nocase', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate binary', [column]),
    asExported: (query) => query,
  },
  // Served by an expression index on lower(login) under the view.
  pg: {
    equalsValue: (db, column, value) => db.raw('lower(??) = lower(?)', [column, value]),
    equalsColumn: (db, left, right) => db.raw('lower(??) = lower(??)', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate "C"', [column]),
    asExported: (query) => query.options({ types: PG_SERVER_TEXT }),
  },
  // The login column's own case-insensitive collation does the work.
  mysql: {
    equalsValue: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('binary ??', [column]),
    asExported: (query) => query.options({ typeCast: MYSQL_SERVER_TEXT }),
  },
  mssql: {
    equalsValue: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate Latin1_General_100_BIN2', [column]),
    asExported: (query) => query,
  },
};
