import type { Knex } from 'knex';
import type { Dialect } from './dialect';

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
export const STREAMERS: Record<
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
  mysql: (db, query, shape, onRow) =>
    mysqlResult(
      db,
      query,
      (result, guarded) =>
        result.on(
          'result',
          guarded((row: Row | Values) => onRow(row)),
        ),
      { rowsAsArray: shape === 'values' },
    ),
  // Not streamed yet: correct, at the cost of memory (no SQL Server to measure against here).
  mssql: async (_db, query, shape, onRow) => {
    for (const row of (await query) as Row[]) onRow(shape === 'values' ? Object.values(row) : row);
  },
};

interface SqliteDatabase {
  prepare(sql: string): { raw(on: boolean): { iterate(...bindings: readonly unknown[]): Iterable<unknown> } };
}

interface MysqlConnection {
  query(options: { sql: string; values: readonly unknown[]; rowsAsArray?: boolean }): MysqlQuery;
  once(event: 'end', listener: () => void): void;
  off(event: 'end', listener: () => void): void;
}

/** mysql2's Query: an emitter, and a state machine whose `row` state reads each row packet. */
export interface MysqlQuery extends NodeJS.EventEmitter {
  row: (this: MysqlQuery, packet: MysqlPacket, connection: unknown) => unknown;
}

interface MysqlPacket {
  buffer: Buffer;
  /** Where the payload starts, after the packet's header. */
  offset: number;
  end: number;
  isEOF(): boolean;
}

/** Wraps a row handler (of up to three arguments: no rest array per row). */
type Guard = <A, B, C>(handle: (a: A, b: B, c: C) => void) => (a: A, b: B, c: C) => void;

/** Runs a query on mysql2 and lets `take` read its rows. Knex's stream over
 * mysql2 neither ends nor fails when the server kills the connection
 * mid-result, so the connection's end is watched here. A row that `take`'s
 * handler (wrapped by `guarded`) fails on fails the call, after the rest of
 * the result is drained: a throw would land in the driver's parser. */
export async function mysqlResult(
  db: Knex,
  query: Knex.QueryBuilder,
  take: (result: MysqlQuery, guarded: Guard) => void,
  options: { rowsAsArray?: boolean } = {},
): Promise<void> {
  const { sql, bindings } = query.toSQL().toNative();
  const connection = (await db.client.acquireConnection()) as MysqlConnection;
  try {
    await new Promise<void>((resolve, reject) => {
      let failure: unknown;
      const guarded: Guard = (handle) => (a, b, c) => {
        if (failure) return;
        try {
          handle(a, b, c);
        } catch (error) {
          failure = error;
        }
      };
      const lost = () =>
        finish(Object.assign(new Error('the server closed the connection'), { code: 'PROTOCOL_CONNECTION_LOST' }));
      const finish = (error?: unknown) => {
        connection.off('end', lost);
        if (error ?? failure) reject(error ?? failure);
        else resolve();
      };
      connection.once('end', lost);
      const result = connection.query({ sql, values: bindings, ...options });
      take(result, guarded);
      result.on('error', finish).on('end', () => finish());
    });
  } finally {
    await db.client.releaseConnection(connection);
  }
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
