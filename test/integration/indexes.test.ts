// With 100 000 employees, the single-user calls search an index: they never
// scan the employee table (EXPLAIN of the very queries the bridge runs).
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { DirectoryQueries } from '../../bridge/db/queries';
import { scratchDir } from '../conformance/spawn-bridge';
import { addBulkUsers } from '../../seeds/data/bulk-users';
import { createDemoDatabase, forEachDialect, type TestDatabase } from '../support/databases';

const BULK_USERS = 100_000;

interface PlanCheck {
  /** Adds BULK_USERS active employees, all in the role 'sales', and refreshes statistics. */
  bulkInsert(db: Knex): Promise<void>;
  /** The plan of a query, as lines of text. */
  explain(db: Knex, query: Knex.QueryBuilder): Promise<string[]>;
  /** A plan line that would mean a scan of the whole employee table. */
  fullScan: RegExp;
  /** A plan line that shows the login index at work. */
  indexUse: RegExp;
}

const CHECKS: Partial<Record<Dialect, PlanCheck>> = {
  pg: {
    bulkInsert: async (db) => {
      await addBulkUsers(db, 'pg', BULK_USERS);
      await db.raw('analyze');
    },
    explain: async (db, query) => {
      const { sql, bindings } = query.toSQL();
      const result = await db.raw(`explain ${sql}`, bindings as Knex.RawBinding[]);
      return result.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']);
    },
    fullScan: /Seq Scan on hr_employees/,
    indexUse: /Index (Only )?Scan using hr_employees_login_name_idx/,
  },
  mysql: {
    bulkInsert: async (db) => {
      await addBulkUsers(db, 'mysql', BULK_USERS);
      await db.raw('analyze table hr_employees, sec_user_roles');
    },
    explain: async (db, query) => {
      const { sql, bindings } = query.toSQL();
      const [rows] = await db.raw(`explain ${sql}`, bindings as Knex.RawBinding[]);
      return (rows as { table: string; type: string; key: string | null; rows: number }[]).map(
        (row) => `table=${row.table} type=${row.type} key=${row.key} rows=${row.rows}`,
      );
    },
    // Both views alias the employee table as e.
    fullScan: /table=e type=ALL/,
    // ref for one value, range for a value and its padded spellings (= or LIKE).
    indexUse: /table=e type=(ref|range) key=hr_employees_login_name_idx/,
  },
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  const check = CHECKS[dialect]!;
  const scratch = scratchDir();
  let database: TestDatabase;
  let db: Knex;
  let queries: DirectoryQueries;

  beforeAll(async () => {
    database = await createDemoDatabase(dialect, scratch.dir);
    db = database.connect();
    await check.bulkInsert(db);
    queries = new DirectoryQueries(db, { dialect, schema: undefined });
  }, 300_000);
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    scratch.remove();
  });

  it(`holds more than ${BULK_USERS} users`, async () => {
    const rows = await db('papercut_users').count({ count: '*' });
    expect(Number(rows[0]?.count)).toBeGreaterThan(BULK_USERS);
  });

  it('get-user-details searches the login index', async () => {
    const plan = await check.explain(db, queries.users('BULK77777'));
    expect(plan.join('\n')).toMatch(check.indexUse);
    expect(plan.join('\n')).not.toMatch(check.fullScan);
    expect(await queries.users('BULK77777')).toHaveLength(1);
  });

  it('is-user-in-group searches the login index', async () => {
    const plan = await check.explain(db, queries.members('Sales', 'BULK77777'));
    if (process.env.SHOW_PLANS) console.log(plan.join('\n'));
    expect(plan.join('\n')).toMatch(check.indexUse);
    expect(plan.join('\n')).not.toMatch(check.fullScan);
    expect(await queries.members('Sales', 'BULK77777')).toHaveLength(1);
  });
});
