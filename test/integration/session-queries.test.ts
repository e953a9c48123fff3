// What a connection sends before a call's own queries: every statement is a
// round trip of every call. Calls from PaperCut never build tables, so Knex
// is not let ask the server's version for them; migrations still ask.
import { knex, type Knex } from 'knex';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { knexConfig } from '../../bridge/db/connect';
import type { Dialect } from '../../bridge/db/dialect';
import { SILENT_LOG, testConfig } from '../support/settings';

interface PgDriver {
  Client: new (...args: unknown[]) => { query(config: unknown, ...rest: unknown[]): unknown };
}
interface MysqlDriver {
  createConnection(settings: unknown): { query(sql: unknown, ...rest: unknown[]): unknown };
}

const sqlOf = (query: unknown) =>
  typeof query === 'string'
    ? query
    : String((query as { text?: string; sql?: string }).text ?? (query as { sql?: string }).sql);

/** Makes the driver Knex loaded record the text of every statement it is given. */
const RECORDERS: Record<'pg' | 'mysql', (driver: unknown, seen: string[]) => () => void> = {
  pg(driver, seen) {
    const pg = driver as PgDriver;
    const original = pg.Client;
    pg.Client = class extends original {
      override query(config: unknown, ...rest: unknown[]) {
        seen.push(sqlOf(config));
        return super.query(config, ...rest);
      }
    };
    return () => (pg.Client = original);
  },
  mysql(driver, seen) {
    const mysql = driver as MysqlDriver;
    const original = mysql.createConnection;
    mysql.createConnection = (settings) => {
      const connection = original.call(mysql, settings);
      const query = connection.query.bind(connection);
      connection.query = (sql: unknown, ...rest: unknown[]) => {
        seen.push(sqlOf(sql));
        return query(sql, ...rest);
      };
      return connection;
    };
    return () => (mysql.createConnection = original);
  },
};

let open: Knex | undefined;
afterEach(async () => {
  await open?.destroy();
  open = undefined;
});

/** The statements a connection made as the bridge makes it sends, up to and including `select 1`. */
async function statementsOf(dialect: 'pg' | 'mysql', url: string, readOnly: boolean): Promise<string[]> {
  open = knex(knexConfig(testConfig(dialect as Dialect, url), SILENT_LOG, { readOnly }));
  const seen: string[] = [];
  const restore = RECORDERS[dialect]((open.client as { driver: unknown }).driver, seen);
  try {
    await open.raw('select 1 as one');
  } finally {
    restore();
  }
  return seen.map((sql) => sql.replace(/\s+/g, ' ').trim());
}

const servers = inject('servers');

describe.skipIf('skip' in servers.pg)('PostgreSQL', () => {
  const url = () => (servers.pg as { url: string }).url;

  it("a call's connection sends nothing before the call's own statements", async () => {
    expect(await statementsOf('pg', url(), true)).toEqual(['select 1 as one']);
  });

  it("a migration's connection asks the server's version, for the column types it builds", async () => {
    expect(await statementsOf('pg', url(), false)).toEqual(['select version();', 'select 1 as one']);
  });
});

describe.skipIf('skip' in servers.mysql)('MySQL and MariaDB', () => {
  const url = () => (servers.mysql as { url: string }).url;

  it("a call's connection sets its sql_mode and statement timeout in one statement, then checks the mode", async () => {
    const [set, check, ...rest] = await statementsOf('mysql', url(), true);
    expect(set).toMatch(/^SET SESSION sql_mode = .*NO_BACKSLASH_ESCAPES.*, SESSION max_statement_time = \d+$/);
    expect(check).toBe('SELECT @@SESSION.sql_mode AS mode');
    expect(rest).toEqual(['select 1 as one']);
  });

  it("a migration's connection asks the server's version too, for the tables it builds", async () => {
    const statements = await statementsOf('mysql', url(), false);
    expect(statements[0]).toBe('select version() as version');
    expect(statements.slice(-1)).toEqual(['select 1 as one']);
  });
});
