import type { Knex } from 'knex';
import { type Dialect, dialectOfKnex } from '../../bridge/db/dialect';

// The demo ERP's own schema: HR master data plus a role-based security module.
// It is deliberately not shaped like the papercut_* views; views/<dialect>/
// maps it onto them, as a DBA would for a real ERP.
//
// Ids the seed assigns itself are plain integer primary keys, not
// auto-increment: SQL Server refuses explicit values in IDENTITY columns.
// Foreign keys are plain (signed) integers like them: MySQL wants both sides
// of a foreign key of the same type.

const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'SUSPENDED', 'TERMINATED'] as const;

interface DialectSchema {
  /** The type of a name PaperCut matches case-insensitively (logins, role
   * names): case-insensitive where the database can make it so. */
  nameType: string;
  /** What an index on such a name covers, so that the bridge's
   * case-insensitive lookups (bridge/db/queries.ts) are index searches. */
  nameIndexOn(column: string): string;
  /** Options for every table. */
  table(t: Knex.CreateTableBuilder): void;
  /** What deleting a role does to the inclusions naming it as the child. */
  childRoleOnDelete: 'CASCADE' | 'NO ACTION';
  /** Documents a column in the database. */
  describe(column: Knex.ColumnBuilder, text: string): void;
}

const noTableOptions = () => {};
const asColumnComment = (column: Knex.ColumnBuilder, text: string) => void column.comment(text);

const SCHEMA: Record<Dialect, DialectSchema> = {
  sqlite: {
    nameType: 'varchar(100) COLLATE NOCASE',
    nameIndexOn: (column) => column,
    table: noTableOptions,
    childRoleOnDelete: 'CASCADE',
    describe: asColumnComment,
  },
  // No case-insensitive collation by default: index the lower-cased value,
  // which is what the bridge compares (lower(username) = lower(?)).
  pg: {
    nameType: 'varchar(100)',
    nameIndexOn: (column) => `lower(${column})`,
    table: noTableOptions,
    childRoleOnDelete: 'CASCADE',
    describe: asColumnComment,
  },
  // utf8mb4 throughout (the server's default may still be latin1 or 3-byte utf8);
  // unicode_ci exists on MariaDB and MySQL alike.
  mysql: {
    nameType: 'varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    nameIndexOn: (column) => column,
    table: (t) => {
      t.charset('utf8mb4');
      t.collate('utf8mb4_unicode_ci');
    },
    childRoleOnDelete: 'CASCADE',
    describe: asColumnComment,
  },
  // Knex makes every string column nvarchar.
  mssql: {
    nameType: 'nvarchar(100) COLLATE Latin1_General_100_CI_AS',
    nameIndexOn: (column) => column,
    table: noTableOptions,
    // Two cascading paths from sec_roles into one table are refused (error 1785).
    childRoleOnDelete: 'NO ACTION',
    // Knex writes column descriptions to schema dbo whatever the login's
    // default schema is, which fails elsewhere: leave them out.
    describe: () => {},
  },
};

export async function up(knex: Knex): Promise<void> {
  const dialect = SCHEMA[dialectOfKnex(knex)];
  const createTable = (name: string, build: (t: Knex.CreateTableBuilder) => void) =>
    knex.schema.createTable(name, (t) => {
      dialect.table(t);
      build(t);
    });

  await createTable('hr_sites', (t) => {
    t.integer('id').notNullable().primary();
    t.string('site_code', 10).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('city', 100);
  });

  await createTable('hr_departments', (t) => {
    t.integer('id').notNullable().primary();
    t.string('dept_code', 10).notNullable().unique();
    t.string('name', 100).notNullable();
    t.integer('site_id').references('id').inTable('hr_sites');
  });

  await createTable('hr_employees', (t) => {
    t.integer('id').notNullable().primary();
    t.string('employee_no', 12).notNullable().unique();
    // Not unique: the ERP never enforced it, and case-only duplicates exist.
    t.specificType('login_name', dialect.nameType).notNullable();
    t.string('first_name', 100).notNullable();
    t.string('last_name', 100).notNullable();
    dialect.describe(t.string('display_name', 200), 'preferred full name; NULL = first + last');
    t.string('work_email', 254);
    dialect.describe(t.string('alt_emails', 1000), 'further addresses, comma-separated');
    t.integer('department_id').references('id').inTable('hr_departments').index();
    t.integer('site_id').references('id').inTable('hr_sites').index();
    t.string('badge_no', 32);
    t.string('badge_no_2', 32);
    dialect.describe(t.string('short_login', 100), 'legacy login, kept as an alias');
    t.string('home_share', 255);
    t.integer('print_pin');
    t.enu('status', EMPLOYEE_STATUSES).notNullable().defaultTo('ACTIVE');
    t.date('hire_date').notNullable();
    t.date('termination_date');
  });
  await knex.raw(`CREATE INDEX hr_employees_login_name_idx ON hr_employees (${dialect.nameIndexOn('login_name')})`);

  await createTable('sec_roles', (t) => {
    t.integer('id').notNullable().primary();
    t.specificType('role_name', dialect.nameType).notNullable().unique();
    t.string('description', 255);
  });
  // group-member-names and is-user-in-group look a group up by name, ignoring case.
  if (dialect.nameIndexOn('role_name') !== 'role_name') {
    await knex.raw(`CREATE INDEX sec_roles_role_name_idx ON sec_roles (${dialect.nameIndexOn('role_name')})`);
  }

  // Members of the child role are effective members of the parent role.
  await createTable('sec_role_includes', (t) => {
    t.integer('parent_role_id').notNullable().references('id').inTable('sec_roles').onDelete('CASCADE');
    t.integer('child_role_id').notNullable().references('id').inTable('sec_roles').onDelete(dialect.childRoleOnDelete);
    t.primary(['parent_role_id', 'child_role_id']); // also serves lookups by parent
    t.index('child_role_id');
  });

  await createTable('sec_user_roles', (t) => {
    t.integer('employee_id').notNullable().references('id').inTable('hr_employees').onDelete('CASCADE');
    t.integer('role_id').notNullable().references('id').inTable('sec_roles').onDelete('CASCADE');
    t.primary(['employee_id', 'role_id']); // also serves lookups by employee
    t.index('role_id');
  });

  // The seed gives no ids here, so an auto-increment key is fine everywhere.
  await createTable('sec_credentials', (t) => {
    t.increments('id');
    t.integer('employee_id').notNullable().unique().references('id').inTable('hr_employees').onDelete('CASCADE');
    t.string('password_hash', 255).notNullable();
    dialect.describe(t.string('salt', 255), 'NULL when the hash embeds its salt (bcrypt)');
    dialect.describe(t.string('algorithm', 30), 'NULL = recognise from the hash');
    // Not timestamp: a MySQL TIMESTAMP ends in 2038 and converts by session time zone.
    t.datetime('changed_at', { useTz: false }).notNullable();
  });
}

/** Children before parents, for dropping and emptying (the seed uses it too). */
export const DEMO_TABLES_CHILDREN_FIRST = [
  'sec_credentials',
  'sec_user_roles',
  'sec_role_includes',
  'sec_roles',
  'hr_employees',
  'hr_departments',
  'hr_sites',
] as const;

export async function down(knex: Knex): Promise<void> {
  for (const table of DEMO_TABLES_CHILDREN_FIRST) await knex.schema.dropTableIfExists(table);
}
