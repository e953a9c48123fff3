import type { Knex } from 'knex';
import type { Dialect } from '../db/dialect';
import { ADAPTERS } from '../db/dialects';
import type { Values } from '../db/dialects/adapter';
import { COPY_TEXT } from './copy-text';
import { MYSQL_ROW } from './mysql-row';
import { mysqlRawRows } from './mysql-raw-rows';
import { copyOut } from './pg-copy-out';
import type { RawRowFormat } from './raw-row';

/** Takes an export in whichever form its database gives fastest. */
export interface ExportSink {
  /** A row as the values of the selected columns, in order: the reference path. */
  values(values: Values): void;
  /** A row in the database's own encoding, from \`start\` to \`end\` of \`buffer\`. */
  rawRow(format: RawRowFormat, buffer: Buffer, start: number, end: number): void;
}

type RawExport = (db: Knex, query: Knex.QueryBuilder, sink: ExportSink) => Promise<void>;

/** The databases whose rows can be read in their own encoding: PostgreSQL as
 * `COPY … TO STDOUT` text, MySQL as the result's row packets; neither needs
 * values made of them (on PostgreSQL, reading a million rows as values
 * through a cursor took 2.0 × psql, as COPY 1.3 ×). */
const RAW_EXPORTS: Partial<Record<Dialect, RawExport>> = {
  pg: (db, query, sink) => copyOut(db, query, (buffer, start, end) => sink.rawRow(COPY_TEXT, buffer, start, end)),
  mysql: (db, query, sink) =>
    mysqlRawRows(db, query, (buffer, start, end) => sink.rawRow(MYSQL_ROW, buffer, start, end)),
};

/** Streams a query's rows to `sink`, raw where the database allows it, as
 * values elsewhere (an object per row would cost a third of the time). */
export function exportRows(db: Knex, dialect: Dialect, query: Knex.QueryBuilder, sink: ExportSink): Promise<void> {
  const raw = RAW_EXPORTS[dialect];
  if (raw) return raw(db, query, sink);
  return ADAPTERS[dialect].streamRows(db, query, 'values', (values) => sink.values(values as Values));
}
