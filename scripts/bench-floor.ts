// Floors for `npm run bench`, run as their own process like a call:
//   connect — Node, the driver bundle the program loads, one connection and `select 1`;
//   rows    — the program's own reading of papercut_users (Knex, the driver, and
//             COPY, MySQL's row packets or SQLite's iterator), with nothing done
//             to the rows;
//   lines   — SQLite only: each answer line's fields joined in SQL, one value
//             per row instead of eleven, read with nothing done (the most that
//             making the lines in SQLite could save).
// They show how much of a call is the bridge's and how much its parts'.
import { join } from 'node:path';
import { requireWithCodeCache } from '../bridge/code-cache';
import { resolveConfig } from '../bridge/config/config';
import { withDb } from '../bridge/db/connect';
import { driverAddon } from '../bridge/db/dialects/sqlite';
import { DirectoryQueries } from '../bridge/db/queries';
import { exportRows } from '../bridge/export/export-rows';
import { Log } from '../bridge/core/log';
import { USER_COLUMNS } from '../bridge/core/contract';

const config = resolveConfig({ env: process.env, readFile: () => undefined });
const drivers = join(__dirname, '..', 'drivers');

async function connectOnce(): Promise<void> {
  if (config.dialect === 'sqlite') {
    const Database = requireWithCodeCache(join(drivers, 'better-sqlite3.js')) as typeof import('better-sqlite3');
    new Database(config.url, { readonly: true, nativeBinding: driverAddon() }).prepare('select 1').get();
  } else if (config.dialect === 'pg') {
    const { Client } = requireWithCodeCache(join(drivers, 'pg.js')) as typeof import('pg');
    const client = new Client(config.url);
    await client.connect();
    await client.query('select 1');
    await client.end();
  } else if (config.dialect === 'mysql') {
    const mysql = requireWithCodeCache(join(drivers, 'mysql2.js')) as typeof import('mysql2');
    const connection = mysql.createConnection(config.url);
    await connection.promise().query('select 1');
    await connection.promise().end();
  } else {
    throw new Error(`no floor for ${config.dialect}`);
  }
}

async function readRows(): Promise<void> {
  await withDb(config, new Log(process.stderr), { readOnly: true }, (db) =>
    exportRows(db, config.dialect, new DirectoryQueries(db, config).allUsers(), {
      values: () => undefined,
      rawRow: () => undefined,
    }),
  );
}

async function readLines(): Promise<void> {
  if (config.dialect !== 'sqlite') throw new Error('lines are measured on SQLite only');
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const fields = USER_COLUMNS.slice(1).map((column) => `coalesce(${column}, '')`);
  const query = `select username, rtrim(${fields.join(' || char(9) || ')}, char(9)) from papercut_users`;
  const statement = new Database(config.url, { readonly: true }).prepare(query).raw(true);
  for (const row of statement.iterate()) void row;
}

const MODES: Record<string, () => Promise<void>> = { connect: connectOnce, rows: readRows, lines: readLines };

MODES[process.argv[2] ?? 'connect']!().catch((error: unknown) => {
  process.stderr.write(`bench-floor: ${String(error)}\n`);
  process.exitCode = 1;
});
