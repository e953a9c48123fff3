import type { Knex } from 'knex';
import type { Dialect } from './dialect';
import { ADAPTERS } from './dialects';
import type { Row } from './dialects/adapter';

export type { Row, Values } from './dialects/adapter';

/** Streams a query's rows as objects, without holding them all (doctor reads
 * a million users so); returns how many there were. Reports progress every
 * \`every\` rows under \`label\`. \`onRow\` must not query: the pool's one
 * connection is busy with this one. */
export async function forEachRow(
  db: Knex,
  dialect: Dialect,
  query: Knex.QueryBuilder,
  onRow: (row: Row) => void,
  progress?: { label: string; report: (line: string) => void; every?: number },
): Promise<number> {
  let count = 0;
  const every = progress?.every ?? 100_000;
  await ADAPTERS[dialect].streamRows(db, query, 'objects', (row) => {
    onRow(row as Row);
    count++;
    if (progress && count % every === 0) progress.report(`${progress.label}: ${count.toLocaleString('en-US')} rows`);
  });
  return count;
}
