// Adds many active employees to a demo ERP in one statement per table,
// named bulk1 … bulkN and all in the role 'sales'; numberedRows does the
// same for other schemas.
import type { Knex } from 'knex';
import type { Dialect } from '../../bridge/db/dialect';

/** The numbers 1..count as a derived table with a column n, per dialect. */
const NUMBERS: Record<Dialect, (count: number) => { with?: string; from: string }> = {
  sqlite: (count) => ({
    with: `with recursive numbers(n) as (select 1 union all select n + 1 from numbers where n < ${count})`,
    from: 'numbers',
  }),
  pg: (count) => ({ from: `generate_series(1, ${count}) as g(n)` }),
  // A table of digits per decimal place: MariaDB caps recursive CTEs at 1 000 rows by default.
  mysql: (count) => {
    const digit = (alias: string) =>
      `(select 0 d ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `union all select ${d}`).join(' ')}) ${alias}`;
    const places = Array.from({ length: Math.max(1, Math.ceil(Math.log10(count))) }, (_, i) => `d${i}`);
    const n = `${places.map((alias, i) => `${10 ** i} * ${alias}.d`).join(' + ')} + 1`;
    return { from: `(select ${n} as n from ${places.map(digit).join(', ')}) as numbers where n <= ${count}` };
  },
  mssql: (count) => ({
    with: `with numbers(n) as (select top (${count}) row_number() over (order by (select null)) from sys.all_objects a cross join sys.all_objects b)`,
    from: 'numbers',
  }),
};

const DATE: Record<Dialect, string> = {
  sqlite: "'2020-01-01'",
  pg: "date '2020-01-01'",
  mysql: "'2020-01-01'",
  mssql: "'2020-01-01'",
};
const CONCAT: Record<Dialect, (a: string, b: string) => string> = {
  sqlite: (a, b) => `${a} || ${b}`,
  pg: (a, b) => `${a} || ${b}`,
  mysql: (a, b) => `concat(${a}, ${b})`,
  mssql: (a, b) => `concat(${a}, ${b})`,
};

/** An INSERT … SELECT over the numbers 1..count (column `n`), per dialect:
 * `prefix` goes before the INSERT, `from` after the SELECT list; `text(value)`
 * is the value followed by n, `date` a date literal. */
export function numberedRows(dialect: Dialect, count: number) {
  const { with: prefix = '', from } = NUMBERS[dialect](count);
  return { prefix, from, text: (value: string) => CONCAT[dialect](`'${value}'`, 'n'), date: DATE[dialect] };
}

export async function addBulkUsers(db: Knex, dialect: Dialect, count: number): Promise<void> {
  const { prefix, from, text, date } = numberedRows(dialect, count);
  await db.raw(`${prefix}
    insert into hr_employees (id, employee_no, login_name, first_name, last_name, status, hire_date)
    select 100000 + n, ${text('B')}, ${text('bulk')}, 'Bulk', ${text('User ')}, 'ACTIVE', ${date} from ${from}`);
  await db.raw(`${prefix}
    insert into sec_user_roles (employee_id, role_id)
    select 100000 + n, (select id from sec_roles where role_name = 'sales') from ${from}`);
}
