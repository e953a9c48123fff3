// With 100 000 employees, the single-user calls search an index: they never
// scan the employee table (EXPLAIN of the very queries the bridge runs).
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { DirectoryQueries } from '../../bridge/db/queries';
import { scratchDir } from '../conformance/spawn-bridge';
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

const employees = (numbers: string) => `
  insert into hr_employees (id, employee_no, login_name, first_name, last_name, status, hire_date)
  select 100000 + n, concat('B', n), concat('bulk', n), 'Bulk', concat('User ', n), 'ACTIVE', '2020-01-01' from ${numbers}`;
const memberships = (numbers: string) => `
  insert into sec_user_roles (employee_id, role_id)
  select 100000 + n, (select id from sec_roles where role_name = 'sales') from ${numbers}`;

const CHECKS: Partial<Record<Dialect, PlanCheck>> = {
  pg: {
    bulkInsert: async (db) => {
      const numbers = `generate_series(1, ${BULK_USERS}) as g(n)`;
      await db.raw(employees(numbers).replace("'2020-01-01'", "date '2020-01-01'"));
      await db.raw(memberships(numbers));
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
      // 1..100 000 from five digit tables (recursive CTEs are capped at 1 000 rows by default).
      const digit = (alias: string) =>
        `(select 0 d ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `union all select ${d}`).join(' ')}) ${alias}`;
      const numbers = `(select a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 as n from ${['a', 'b', 'c', 'e', 'f'].map(digit).join(', ')}) as numbers`;
      await db.raw(employees(numbers));
      await db.raw(memberships(numbers));
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
    indexUse: /table=e type=ref key=hr_employees_login_name_idx/,
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
