import type { Knex } from 'knex';
import { likeEscaped, MAX_PADDING } from '../protocol/usernames';
import type { Dialect } from './dialect';
import { SQLITE_FOLD_FUNCTION } from './drivers';

/** How each dialect finds names case-insensitively with an index, and orders
 * them the same way everywhere. The SQL may return more than the exact
 * matches (MySQL's `_ci` collations also ignore accents and trailing spaces);
 * `Directory` keeps only names equal under `nameKey`. */
export interface DialectSql {
  /** The column holds the name, case aside, through an index where the view has one. */
  matchesName(db: Knex, column: string, value: string): Knex.Raw;
  /** Through an index: every row whose column is `name` followed by up to
   * MAX_PADDING spaces (CHAR padding), at least ASCII case aside. */
  equalsPadded(db: Knex, column: string, name: string): Knex.Raw;
  /** `column LIKE pattern ESCAPE '!'`, case-insensitive at least for ASCII. */
  like(db: Knex, column: string, pattern: string): Knex.Raw;
  equalsColumn(db: Knex, left: string, right: string): Knex.Raw;
  /** Code-point order, identical on every dialect, so answers are byte-identical. */
  binaryOrder(db: Knex, column: string): Knex.Raw;
  /** The query's values as the server's own text, as all-users reads them. */
  asServerText(query: Knex.QueryBuilder): Knex.QueryBuilder;
  /** The column as text compared byte for byte, whatever its type and
   * collation: two columns set side by side (a UNION) then always agree. */
  exactText(db: Knex, column: string): Knex.Raw;
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
    matchesName: (db, column, value) =>
      isAscii(value)
        ? db.raw('?? = ? collate nocase', [column, value])
        : db.raw(`${SQLITE_FOLD_FUNCTION}(??) = ?`, [column, value.toLowerCase()]),
    // NOCASE compares bytes, ASCII case aside: every padded spelling sorts
    // between `name` and `name!`. One range, since SQLite takes an OR of two
    // for a scan once the values are parameters.
    equalsPadded: (db, column, name) =>
      db.raw('(?? >= ? collate nocase and ?? < ? collate nocase)', [column, name, column, `${name}!`]),
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ?? collate nocase', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate binary', [column]),
    asServerText: (query) => query,
    exactText: (db, column) => db.raw('cast(?? as text) collate binary', [column]),
  },
  // Served by an expression index on lower(login) under the view.
  pg: {
    matchesName: (db, column, value) => db.raw('lower(??) = lower(?)', [column, value]),
    // The padded spellings as an array: one probe each of the same index.
    equalsPadded: (db, column, name) =>
      db.raw("lower(??) = any(array(select lower(?) || repeat(' ', n) from generate_series(0, ?) as n))", [
        column,
        name,
        MAX_PADDING,
      ]),
    like: (db, column, pattern) => db.raw("?? ilike ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('lower(??) = lower(??)', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate "C"', [column]),
    asServerText: (query) => query.options({ types: PG_SERVER_TEXT }),
    exactText: (db, column) => db.raw('cast(?? as text) collate "C"', [column]),
  },
  // The login column's own case-insensitive collation does the work. PAD
  // SPACE collations (MariaDB's, MySQL's before 8.0) ignore padding in `=`;
  // the LIKE, a range of the same index, finds it under NO PAD ones.
  mysql: {
    matchesName: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsPadded: (db, column, name) =>
      db.raw("(?? = ? or ?? like ? escape '!')", [column, name, column, `${likeEscaped(name)} %`]),
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('binary ??', [column]),
    asServerText: (query) => query.options({ typeCast: MYSQL_SERVER_TEXT }),
    // A view's columns may each have their own collation (a table's column
    // beside CAST(NULL AS CHAR)): MySQL refuses to UNION or compare them.
    exactText: (db, column) => db.raw('convert(?? using utf8mb4) collate utf8mb4_bin', [column]),
  },
  // `=` ignores trailing spaces on SQL Server.
  mssql: {
    matchesName: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsPadded: (db, column, name) => db.raw('?? = ?', [column, name]),
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate Latin1_General_100_BIN2', [column]),
    asServerText: (query) => query,
    exactText: (db, column) => db.raw('cast(?? as nvarchar(4000)) collate Latin1_General_100_BIN2', [column]),
  },
};
