import type { Knex } from 'knex';
import type { Dialect } from './dialect';
import { CopyOut } from './pg-copy-out';

export type Row = Record<string, unknown>;
/** A row as the values of its columns, in the order selected: cheaper than an object per row. */
export type Values = unknown[];
type Shape = 'objects' | 'values';

/** Rows fetched per round trip where the driver reads in batches: with the next
 * batch asked for ahead, small batches cost no time and keep memory down. */
const BATCH = 2_000;

/** Runs a query and hands its rows to `onRow` one at a time, without holding
 * them all: all-users and doctor must cope with a million users. `onRow` must not query
 * (the pool has one connection, busy with this query). */
const STREAMERS: Record<
  Dialect,
  (db: Knex, query: Knex.QueryBuilder, shape: Shape, onRow: (row: Row | Values) => void) => Promise<void>
> = {
  // Knex reads SQLite results whole; the driver's own iterator does not.
  sqlite: async (db, query, shape, onRow) => {
    const { sql, bindings } = query.toSQL();
    const connection = (await db.client.acquireConnection()) as SqliteDatabase;
    try {
      const statement = connection.prepare(sql).raw(shape === 'values');
      for (const row of statement.iterate(...bindings)) onRow(row as Row | Values);
    } finally {
      await db.client.releaseConnection(connection);
    }
  },
  // Knex's pg streaming needs pg-query-stream, which the bridge does not ship; a cursor does the same.
  pg: (db, query, shape, onRow) =>
    db.transaction(async (trx) => {
      const { sql, bindings } = query.toSQL();
      await trx.raw(`declare papercut_bridge_rows no scroll cursor for ${sql}`, bindings as Knex.RawBinding[]);
      const fetch = () =>
        trx
          .raw(`fetch ${BATCH} from papercut_bridge_rows`)
          .options({ rowMode: shape === 'values' ? 'array' : undefined })
          .then((result: { rows: (Row | Values)[] }) => result.rows);
      // The next batch is asked for before this one is handled, so the server
      // works while Node does; a fetch past the end just returns no rows.
      for (let next = fetch(); ;) {
        const rows = await next;
        if (rows.length === BATCH) {
          next = fetch();
          // Handled when awaited; if onRow fails first, its failure must not surface unhandled.
          next.catch(() => undefined);
        }
        for (const row of rows) onRow(row);
        if (rows.length < BATCH) break;
      }
    }),
  // mysql2's own row events: Knex's stream over them neither ends nor fails
  // when the server kills the connection mid-result, so the connection's end
  // is watched here too.
  mysql: async (db, query, shape, onRow) => {
    const { sql, bindings } = query.toSQL().toNative();
    const connection = (await db.client.acquireConnection()) as MysqlConnection;
    try {
      await new Promise<void>((resolve, reject) => {
        let failure: unknown;
        const lost = () =>
          finish(Object.assign(new Error('the server closed the connection'), { code: 'PROTOCOL_CONNECTION_LOST' }));
        const finish = (error?: unknown) => {
          connection.off('end', lost);
          if (error ?? failure) reject(error ?? failure);
          else resolve();
        };
        connection.once('end', lost);
        connection
          .query({ sql, values: bindings, rowsAsArray: shape === 'values' })
          .on('result', (row) => {
            if (failure) return;
            // A throw here would land in the driver's parser; the rest of the result is drained instead.
            try {
              onRow(row as Row | Values);
            } catch (error) {
              failure = error;
            }
          })
          .on('error', finish)
          .on('end', () => finish());
      });
    } finally {
      await db.client.releaseConnection(connection);
    }
  },
  // Not streamed yet: correct, at the cost of memory (no SQL Server to measure against here).
  mssql: async (_db, query, shape, onRow) => {
    for (const row of (await query) as Row[]) onRow(shape === 'values' ? Object.values(row) : row);
  },
};

interface SqliteDatabase {
  prepare(sql: string): { raw(on: boolean): { iterate(...bindings: readonly unknown[]): Iterable<unknown> } };
}

interface MysqlConnection {
  query(options: { sql: string; values: readonly unknown[]; rowsAsArray: boolean }): NodeJS.EventEmitter;
  once(event: 'end', listener: () => void): void;
  off(event: 'end', listener: () => void): void;
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
  await STREAMERS[dialect](db, query, 'objects', (row) => {
    onRow(row as Row);
    count++;
    if (progress && count % every === 0) progress.report(`${progress.label}: ${count.toLocaleString('en-US')} rows`);
  });
  return count;
}

/** Takes an export in whichever form its database gives fastest. */
export interface ExportSink {
  /** A row as the values of the selected columns, in order. */
  values(values: Values): void;
  /** A row as a line of PostgreSQL COPY text, without its LF (see protocol/copy-text.ts). */
  copyLine(buffer: Buffer, start: number, end: number): void;
}

/** Streams a query's rows to `sink`: on PostgreSQL as `COPY … TO STDOUT`
 * text, which needs no parsing into values (half the time of reading rows,
 * BENCHMARKS.md); elsewhere as values, where an object per row would cost a
 * third of the time. */
export function exportRows(db: Knex, dialect: Dialect, query: Knex.QueryBuilder, sink: ExportSink): Promise<void> {
  if (dialect === 'pg') return copyOut(db, query, sink);
  return STREAMERS[dialect](db, query, 'values', (values) => sink.values(values as Values));
}

/** COPY takes no parameters: only a query without bindings can be exported so. */
async function copyOut(db: Knex, query: Knex.QueryBuilder, sink: ExportSink): Promise<void> {
  const { sql, bindings } = query.toSQL().toNative();
  if (bindings.length) throw new Error('COPY cannot export a query with bindings');
  const connection = (await db.client.acquireConnection()) as { query(submittable: CopyOut): CopyOut };
  try {
    await connection.query(
      new CopyOut(`copy (${sql}) to stdout`, (buffer, start, end) => sink.copyLine(buffer, start, end)),
    ).done;
  } finally {
    await db.client.releaseConnection(connection);
  }
}
