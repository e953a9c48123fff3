import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { configError } from '../../core/errors';
import { paths } from '../../core/paths';
import { standardStringLiteral, type DialectAdapter, type Row, type Values } from './adapter';

/** Registered on every SQLite connection: Unicode lower-casing, which SQLite's
 * NOCASE lacks (it folds ASCII only). See `db/queries.ts`. */
const FOLD_FUNCTION = 'papercut_fold';

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

/** SQLite's own default page cache, in KiB as `cache_size` takes it (negative). */
const PAGE_CACHE_KIB = -2000;

/** better-sqlite3's addon where npm and the release put it. Named to the
 * driver, it spares every call the search of the \`bindings\` package (3–6 ms
 * of a call), and lets the build bundle the driver's JavaScript apart from
 * its addon (scripts/bundle.ts). Without it, \`bindings\` searches the
 * installation and says where it looked. */
export function driverAddon(): string | undefined {
  const addon = join(paths.root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(addon) ? addon : undefined;
}

interface SqliteConnection {
  pragma(source: string): unknown;
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): void;
  prepare(sql: string): { raw(on: boolean): { iterate(...bindings: readonly unknown[]): Iterable<unknown> } };
}

type PlanRow = { id: number; parent: number; detail: string };

export const sqlite: DialectAdapter = {
  product: 'SQLite',
  driverPackage: 'better-sqlite3',
  knexClients: ['better-sqlite3', 'sqlite3'],
  isFile: true,
  rawNumbersQuestionMarks: false,

  // A file, not a server: a path (relative to the installation) or a file: URL.
  checkUrl(url, root, problems) {
    if (!url.startsWith('file:')) return isAbsolute(url) ? url : resolve(root, url);
    try {
      return fileURLToPath(url);
    } catch {
      problems.push('BRIDGE_DB_URL is not a valid file: URL');
      return undefined;
    }
  },

  knexConfig: (config, { readOnly }) => ({
    client: 'better-sqlite3',
    connection: { filename: config.url, options: { readonly: readOnly, nativeBinding: driverAddon() } },
    useNullAsDefault: true,
    pool: {
      afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        // better-sqlite3 raises SQLite's page cache from 2 MB to 16 MB. A call
        // reads each page of an export once, from the OS's own cache of the
        // file, so the larger cache only added 14 MiB to all-users' peak.
        connection.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
        connection.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
          typeof value === 'string' ? value.toLowerCase() : value,
        );
        done(null, connection);
      },
    },
  }),

  // NOCASE can use a NOCASE index but folds ASCII only; a name with other
  // letters (Øyvind) is compared through a Unicode fold instead, without index.
  sql: {
    matchesName: (db, column, value) =>
      isAscii(value)
        ? db.raw('?? = ? collate nocase', [column, value])
        : db.raw(`${FOLD_FUNCTION}(??) = ?`, [column, value.toLowerCase()]),
    // NOCASE compares bytes, ASCII case aside: every padded spelling sorts
    // between `name` and `name!`. One range, since SQLite takes an OR of two
    // for a scan once the values are parameters.
    equalsPadded: (db, column, name) =>
      db.raw('(?? >= ? collate nocase and ?? < ? collate nocase)', [column, name, column, `${name}!`]),
    // The names as one JSON parameter, each the same NOCASE range as equalsPadded's.
    usernamesPadded: async (db, view, names) => [
      db
        .select('u.username')
        .fromRaw(db.raw('json_each(?) as k', [JSON.stringify(names)]))
        .joinRaw(
          "join ?? as u on u.username >= k.value collate nocase and u.username < (k.value || '!') collate nocase",
          [view],
        ),
    ],
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ?? collate nocase', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate binary', [column]),
    asServerText: (query) => query,
    exactText: (db, column) => db.raw('cast(?? as text) collate binary', [column]),
    stringLiteral: standardStringLiteral,
  },

  relations: (db) =>
    db.select('name').from('sqlite_master').whereIn('type', ['table', 'view']).andWhereNot('name', 'like', 'sqlite_%'),

  // The file SQLite has open (asking opens it, so a missing one fails as any call would).
  async identity(db, config) {
    const files = (await db.raw('pragma database_list')) as { name: string; file: string }[];
    const { dev, ino } = statSync(files.find((file) => file.name === 'main')?.file || config.url);
    return `file ${dev}:${ino}`;
  },

  // Knex reads SQLite results whole; the driver's own iterator does not.
  async streamRows(db, query, shape, onRow) {
    const { sql, bindings } = query.toSQL();
    const connection = (await db.client.acquireConnection()) as SqliteConnection;
    try {
      const statement = connection.prepare(sql).raw(shape === 'values');
      for (const row of statement.iterate(...bindings)) onRow(row as Row | Values);
    } finally {
      await db.client.releaseConnection(connection);
    }
  },

  async serverVersion(db) {
    const rows = (await db.raw('select sqlite_version() as version')) as { version?: unknown }[];
    return String(rows[0]?.version ?? 'unknown');
  },

  // A recursive view reads its role tables whole whatever the indexes, inside
  // its co-routines; only the lookup's own reads (top level) count.
  async fullScans(db, query) {
    const { sql, bindings } = query.toSQL();
    const rows = (await db.raw(`explain query plan ${sql}`, bindings as Knex.RawBinding[])) as PlanRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const isCte = (row: { detail: string }) => /^(CO-ROUTINE|MATERIALIZE)\b/.test(row.detail);
    const inSubquery = (row: { parent: number }): boolean => {
      const parent = byId.get(row.parent);
      return parent !== undefined && (isCte(parent) || inSubquery(parent));
    };
    // A scan beside a CTE's co-routine reads that CTE's rows (the role tree), not a table.
    const readsCte = (row: { parent: number }) => rows.some((other) => other.parent === row.parent && isCte(other));
    return rows
      .filter(
        (row) => /^SCAN \S+/.test(row.detail) && !/ USING /.test(row.detail) && !inSubquery(row) && !readsCte(row),
      )
      .map((row) => row.detail.split(' ')[1]!)
      .filter((name) => name !== 'CONSTANT');
  },

  async readerLogin() {
    throw configError(
      'SQLite has no logins: make the database file readable, not writable, by the PaperCut service account',
    );
  },
};
