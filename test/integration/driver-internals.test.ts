// The all-users fast paths (bridge/export/) read pg's and mysql2's wire
// data through parts of the drivers that are not their public API. The
// drivers are pinned to exact versions; these tests check, against real
// servers, each part the fast paths lean on, so that an upgrade that moves
// one fails here, by name, rather than in a customer's sync.
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { forEachDialect, useEmptyDatabase } from '../support/databases';

/** For the enclosing suite: a fresh database, and a way to borrow the
 * driver's own connection from Knex's pool, as export/ does. */
function useConnection(dialect: Dialect) {
  const knex = useEmptyDatabase(dialect);
  return async function withConnection<T>(work: (connection: never) => Promise<T>): Promise<T> {
    const db = knex();
    expect(typeof db.client.acquireConnection).toBe('function');
    expect(typeof db.client.releaseConnection).toBe('function');
    const connection = (await db.client.acquireConnection()) as never;
    try {
      return await work(connection);
    } finally {
      await db.client.releaseConnection(connection);
    }
  };
}

forEachDialect(['pg'], (dialect) => {
  const withConnection = useConnection(dialect);

  describe('pg (export/pg-copy-out.ts)', () => {
    interface PgConnection {
      stream: NodeJS.EventEmitter;
      query(text: string): void;
    }

    it("hands a submittable query the connection, whose socket has pg's one parser listener", async () => {
      await withConnection(async (client: { query(submittable: object): void }) => {
        const seen: string[] = [];
        let connection: PgConnection | undefined;
        await new Promise<void>((resolve, reject) => {
          client.query({
            submit(given: PgConnection) {
              connection = given;
              seen.push(`data listeners: ${given.stream.listeners('data').length}`);
              given.query('select 1');
            },
            handleRowDescription: () => seen.push('row description'),
            handleDataRow: () => seen.push('data row'),
            handleCommandComplete: () => seen.push('command complete'),
            handleReadyForQuery: () => resolve(),
            handleError: reject,
          });
        });
        expect(typeof connection?.query).toBe('function');
        expect(seen).toEqual(['data listeners: 1', 'row description', 'data row', 'command complete']);
      });
    });

    it('hands rows parsed by pg to the copy handlers by name', async () => {
      await withConnection(async (client: { query(submittable: object): void }) => {
        const chunks: string[] = [];
        await new Promise<void>((resolve, reject) => {
          client.query({
            submit: (given: PgConnection) => given.query('copy (select 7, $$x$$) to stdout'),
            handleCopyOutResponse: () => undefined,
            handleCopyData: ({ chunk }: { chunk: Buffer }) => chunks.push(chunk.toString('utf8')),
            handleCommandComplete: () => undefined,
            handleReadyForQuery: () => resolve(),
            handleError: reject,
          });
        });
        expect(chunks).toEqual(['7\tx\n']);
      });
    });
  });
});

forEachDialect(['mysql'], (dialect) => {
  const withConnection = useConnection(dialect);

  describe('mysql2 (export/mysql-raw-rows.ts)', () => {
    interface Packet {
      buffer: Buffer;
      offset: number;
      end: number;
      isEOF(): boolean;
    }
    interface Query extends NodeJS.EventEmitter {
      row: (this: Query, packet: Packet, connection: unknown) => unknown;
    }

    it("runs a query's rows through its replaceable row state, each a packet with its payload's bounds", async () => {
      await withConnection(async (connection: { query(options: { sql: string }): Query }) => {
        const payloads: string[] = [];
        let eofSeen = false;
        await new Promise<void>((resolve, reject) => {
          const query = connection.query({ sql: "select 7 as n, 'x' as s" });
          expect(typeof query.row).toBe('function');
          const parsedRow = query.row;
          query.row = function (packet, conn) {
            if (packet.isEOF()) {
              eofSeen = true;
              return parsedRow.call(this, packet, conn);
            }
            payloads.push(packet.buffer.subarray(packet.offset, packet.end).toString('hex'));
            return query.row;
          };
          query.on('error', reject).on('end', () => resolve());
        });
        // Two length-encoded text values: 1 byte '7', 1 byte 'x'.
        expect(payloads).toEqual(['0137' + '0178']);
        expect(eofSeen).toBe(true);
      });
    });
  });
});
