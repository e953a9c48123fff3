import type { Knex } from 'knex';
import type { Dialect } from './dialect';

export type Row = Record<string, unknown>;

/** Rows fetched per round trip where the driver reads in batches. */
const BATCH = 10_000;

/** Runs a query and hands its rows to `onRow` one at a time, without holding
 * them all: all-users and doctor must cope with a million users. `onRow` must not query
 * (the pool has one connection, busy with this query). */
const STREAMERS: Record<Dialect, (db: Knex, query: Knex.QueryBuilder, onRow: (row: Row) => void) => Promise<void>> = {
  // Knex reads SQLite results whole; the driver's own iterator does not.
  sqlite: async (db, query, onRow) => {
    const { sql, bindings } = query.toSQL();
    const connection = (await db.client.acquireConnection()) as SqliteDatabase;
    try {
      for (const row of connection.prepare(sql).iterate(...bindings)) onRow(row as Row);
    } finally {
      await db.client.releaseConnection(connection);
    }
  },
  // Knex's pg streaming needs pg-query-stream, which the bridge does not ship; a cursor does the same.
  pg: (db, query, onRow) =>
    db.transaction(async (trx) => {
      const { sql, bindings } = query.toSQL();
      await trx.raw(`declare papercut_bridge_rows no scroll cursor for ${sql}`, bindings as Knex.RawBinding[]);
      for (;;) {
        const { rows } = (await trx.raw(`fetch ${BATCH} from papercut_bridge_rows`)) as { rows: Row[] };
        for (const row of rows) onRow(row);
        if (rows.length < BATCH) break;
      }
    }),
  // Knex's stream over mysql2 neither ends nor fails when the server kills the
  // connection mid-result (the fault-injection test hangs), so these dialects
  // still read the result whole: correct, at the cost of memory.
  mysql: (_db, query, onRow) => readWhole(query, onRow),
  mssql: (_db, query, onRow) => readWhole(query, onRow),
};

interface SqliteDatabase {
  prepare(sql: string): { iterate(...bindings: readonly unknown[]): Iterable<unknown> };
}

async function readWhole(query: Knex.QueryBuilder, onRow: (row: Row) => void): Promise<void> {
  for (const row of (await query) as Row[]) onRow(row);
}

/** Streams a query's rows; returns how many there were. Reports progress
 * every `every` rows under `label`. */
export async function forEachRow(
  db: Knex,
  dialect: Dialect,
  query: Knex.QueryBuilder,
  onRow: (row: Row) => void,
  progress?: { label: string; report: (line: string) => void; every?: number },
): Promise<number> {
  let count = 0;
  const every = progress?.every ?? 100_000;
  await STREAMERS[dialect](db, query, (row) => {
    onRow(row);
    count++;
    if (progress && count % every === 0) progress.report(`${progress.label}: ${count.toLocaleString('en-US')} rows`);
  });
  return count;
}
