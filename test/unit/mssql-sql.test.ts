// SQL Server cannot run here: check the SQL Knex compiles for it, and the
// connection settings, without a server. The conformance suite runs against a
// real SQL Server through testcontainers where a container runtime exists.
import { knex, type Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../bridge/db/dialects';
import { knexConfig } from '../../bridge/db/connect';
import { DirectoryQueries } from '../../bridge/db/queries';
import { readViewStatements } from '../../bridge/db/view-sql';
import { SILENT_LOG, testConfig } from '../support/settings';
import * as demoSchema from '../../migrations/demo-erp/20261126000000_demo_erp_schema';
import * as demoViews from '../../migrations/views/20261126000100_papercut_views';

const mssql = () => knex({ client: 'mssql' });

/** A Knex for SQL Server that records the statements it would send. */
function recordingKnex(): { db: Knex; statements: string[] } {
  const db = mssql();
  const statements: string[] = [];
  const client = db.client as unknown as Record<string, unknown>;
  client.acquireConnection = async () => ({});
  client.releaseConnection = async () => {};
  client._query = async (_connection: unknown, query: { sql: string }) => {
    statements.push(query.sql);
    return { ...query, response: [[], 0] };
  };
  client.processResponse = () => [];
  return { db, statements };
}

describe('the queries, compiled for SQL Server', () => {
  const queries = new DirectoryQueries(mssql(), { dialect: 'mssql', schema: 'papercut' });

  it('qualify the views with the schema, and sort group names by code point', () => {
    const { sql } = queries.allUsers().toSQL();
    expect(sql).toMatch(/^select \[username\], \[full_name\], .*\[pin\] from \[papercut\]\.\[papercut_users\]$/);
    expect(queries.allGroups().toSQL().sql).toContain('order by [group_name] collate Latin1_General_100_BIN2');
  });

  it("look up a member list's names in runs within SQL Server's 2 100 parameters", async () => {
    const names = Array.from({ length: 2500 }, (_, i) => `user${i}`);
    const statements = (await queries.usernamesPadded(names)).map((query) => query.toSQL());
    expect(statements.map((statement) => statement.bindings!.length)).toEqual([1000, 1000, 500]);
    expect(statements[2]!.sql).toMatch(
      /^select \[username\] from \[papercut\]\.\[papercut_users\] where \[username\] in \(\?, \?, /,
    );
    expect(statements.flatMap((statement) => statement.bindings)).toEqual(names);
  });

  it("read a login's sample of hashes from the view's first rows only", () => {
    const { sql, bindings } = queries.someCredentials(64, 1024).toSQL();
    expect(sql).toMatch(
      /^select top \(\?\) .* from \(select top \(\?\) .* from \[papercut\]\.\[papercut_credentials\]\) as \[first_rows\] where \[password_hash\] is not null$/,
    );
    expect(bindings).toEqual([64, 1024]);
  });

  it('compare names through the column collation, with bound values', () => {
    const { sql, bindings } = queries.members('Finance', 'jsmith').toSQL();
    expect(sql).toContain('from [papercut].[papercut_group_members] as [m]');
    expect(sql).toContain('inner join [papercut].[papercut_users] as [u] on [u].[username] = [m].[username]');
    // The user's name on both sides of the join, so a planner can narrow the membership view.
    expect(sql).toContain('where [m].[group_name] = ? and [m].[username] = ? and [u].[username] = ?');
    expect(sql).not.toMatch(/lower\(/i);
    expect(bindings).toEqual(['Finance', 'jsmith', 'jsmith']);
  });

  it('check each view with a query that returns no rows', () => {
    expect(queries.viewCheck('credentials').toSQL().sql).toBe(
      'select [username], [password_hash], [password_salt], [password_scheme] from [papercut].[papercut_credentials] where 1 = 0',
    );
  });
});

describe('the connection settings for SQL Server', () => {
  const config = (url: string) => testConfig('mssql', url);

  it('encrypts and verifies by default, with the timeouts and a pool of one', () => {
    const settings = knexConfig(config('mssql://app:p%40ss@sql01:1444/erp'), SILENT_LOG, { readOnly: true });
    expect(settings.connection).toEqual({
      server: 'sql01',
      port: 1444,
      user: 'app',
      password: 'p@ss',
      database: 'erp',
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
      options: { encrypt: true, trustServerCertificate: false, instanceName: undefined },
    });
    expect(settings.pool).toMatchObject({ min: 0, max: 1 });
    expect(settings.acquireConnectionTimeout).toBeLessThan(60_000);
  });

  it('passes TLS choices and a named instance through, and refuses unknown parameters', () => {
    const url = 'mssql://app:pw@sql01/erp?encrypt=false&trustServerCertificate=true&instanceName=ERP';
    const connection = knexConfig(config(url), SILENT_LOG, { readOnly: true }).connection as { options: object };
    expect(connection.options).toEqual({ encrypt: false, trustServerCertificate: true, instanceName: 'ERP' });
    expect(() => knexConfig(config('mssql://app:pw@sql01/erp?encrypt=maybe'), SILENT_LOG, { readOnly: true })).toThrow(
      /encrypt in BRIDGE_DB_URL must be true or false/,
    );
    expect(() => knexConfig(config('mssql://app:pw@sql01/erp?ssl=1'), SILENT_LOG, { readOnly: true })).toThrow(
      /unknown parameter 'ssl'/,
    );
  });
});

describe('the demo ERP and its views, compiled for SQL Server', () => {
  it('creates the tables with a case-insensitive, indexed login column', async () => {
    const { db, statements } = recordingKnex();
    await demoSchema.up(db);
    const employees = statements.find((sql) => sql.startsWith('CREATE TABLE [hr_employees]'));
    expect(employees).toContain('[login_name] nvarchar(100) COLLATE Latin1_General_100_CI_AS not null');
    expect(statements).toContain('CREATE INDEX hr_employees_login_name_idx ON hr_employees (login_name)');
  });

  it('sends each CREATE VIEW alone, as SQL Server requires', async () => {
    const { db, statements } = recordingKnex();
    await demoViews.up(db);
    expect(statements).toEqual(readViewStatements('mssql').map((view) => view.sql));
    for (const sql of statements) expect(sql.match(/\bcreate view\b/gi)).toHaveLength(1);
  });
});

describe('the read-only login, compiled for SQL Server', () => {
  it('creates a login and a user, grants SELECT on the four views only, and binds the password', async () => {
    const db = mssql();
    for (const password of ["it's-a-long-secret", 'is this? a secret', 'a \\? and a \\ too, long']) {
      const [login] = (await ADAPTERS.mssql.readerLogin(db, 'pc_reader', password, 'papercut')).map((raw) =>
        raw.toSQL(),
      );
      expect(login!.bindings).toEqual(['pc_reader', password]);
      expect(login!.sql).not.toContain(password);
      expect(login!.sql).toMatch(/exec sp_executesql @sql$/);
    }
    const statements = (await ADAPTERS.mssql.readerLogin(db, 'pc_reader', "it's-a-long-secret", 'papercut')).map(
      String,
    );
    expect(statements.slice(1)).toEqual([
      'create user [pc_reader] for login [pc_reader]',
      'grant select on [papercut].[papercut_users] to [pc_reader]',
      'grant select on [papercut].[papercut_groups] to [pc_reader]',
      'grant select on [papercut].[papercut_group_members] to [pc_reader]',
      'grant select on [papercut].[papercut_credentials] to [pc_reader]',
    ]);
  });
});
