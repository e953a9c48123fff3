import type { Knex } from 'knex';
import { mysqlResult } from '../db/dialects/mysql';

/** Each row of a MySQL result as its packet's payload, without mysql2
 * making a string of every value: mysql2 still runs the query and its state
 * machine, but its \`row\` state is replaced for this query. */
export function mysqlRawRows(
  db: Knex,
  query: Knex.QueryBuilder,
  onRow: (buffer: Buffer, start: number, end: number) => void,
): Promise<void> {
  return mysqlResult(db, query, (result, guarded) => {
    const handle = guarded(onRow);
    const parsedRow = result.row;
    result.row = function (packet, connection) {
      // The end of the rows (or of a result, with more to come) is mysql2's to handle.
      if (packet.isEOF()) return parsedRow.call(this, packet, connection);
      handle(packet.buffer, packet.offset, packet.end);
      return result.row;
    };
  });
}
