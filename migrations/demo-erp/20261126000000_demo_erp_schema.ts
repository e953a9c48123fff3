import type { Knex } from 'knex';
import { type Dialect, dialectOfKnex } from '../../bridge/db/dialect';

// The demo ERP's own schema: HR master data plus a role-based security module.
// It is deliberately not shaped like the papercut_* views; views/<dialect>/
// maps it onto them, as a DBA would for a real ERP.

const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'SUSPENDED', 'TERMINATED'] as const;

/** How each database makes `login_name` case-insensitive and indexed, so that
 * the bridge's case-insensitive username lookups are index searches. */
const LOGIN_COLUMN: Record<Dialect, { type: string; indexOn: string }> = {
  sqlite: { type: 'varchar(100) COLLATE NOCASE', indexOn: 'login_name' },
  // No case-insensitive collation by default: index the lower-cased value.
  pg: { type: 'varchar(100)', indexOn: 'lower(login_name)' },
  mysql: { type: 'varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', indexOn: 'login_name' },
  mssql: { type: 'nvarchar(100) COLLATE Latin1_General_100_CI_AS', indexOn: 'login_name' },
};

export async function up(knex: Knex): Promise<void> {
  const login = LOGIN_COLUMN[dialectOfKnex(knex)];

  await knex.schema.createTable('hr_sites', (t) => {
    t.increments('id');
    t.string('site_code', 10).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('city', 100);
  });

  await knex.schema.createTable('hr_departments', (t) => {
    t.increments('id');
    t.string('dept_code', 10).notNullable().unique();
    t.string('name', 100).notNullable();
    t.integer('site_id').unsigned().references('id').inTable('hr_sites');
  });

  await knex.schema.createTable('hr_employees', (t) => {
    t.increments('id');
    t.string('employee_no', 12).notNullable().unique();
    // Not unique: the ERP never enforced it, and case-only duplicates exist.
    t.specificType('login_name', login.type).notNullable();
    t.string('first_name', 100).notNullable();
    t.string('last_name', 100).notNullable();
    t.string('display_name', 200).comment('preferred full name; NULL = first + last');
    t.string('work_email', 254);
    t.string('alt_emails', 1000).comment('further addresses, comma-separated');
    t.integer('department_id').unsigned().references('id').inTable('hr_departments').index();
    t.integer('site_id').unsigned().references('id').inTable('hr_sites').index();
    t.string('badge_no', 32);
    t.string('badge_no_2', 32);
    t.string('short_login', 100).comment('legacy login, kept as an alias');
    t.string('home_share', 255);
    t.integer('print_pin');
    t.enu('status', EMPLOYEE_STATUSES).notNullable().defaultTo('ACTIVE');
    t.date('hire_date').notNullable();
    t.date('termination_date');
  });
  await knex.raw(`CREATE INDEX hr_employees_login_name_idx ON hr_employees (${login.indexOn})`);

  await knex.schema.createTable('sec_roles', (t) => {
    t.increments('id');
    t.string('role_name', 100).notNullable().unique();
    t.string('description', 255);
  });

  // Members of the child role are effective members of the parent role.
  await knex.schema.createTable('sec_role_includes', (t) => {
    t.integer('parent_role_id').unsigned().notNullable().references('id').inTable('sec_roles').onDelete('CASCADE');
    t.integer('child_role_id').unsigned().notNullable().references('id').inTable('sec_roles').onDelete('CASCADE');
    t.primary(['parent_role_id', 'child_role_id']); // also serves lookups by parent
    t.index('child_role_id');
  });

  await knex.schema.createTable('sec_user_roles', (t) => {
    t.integer('employee_id').unsigned().notNullable().references('id').inTable('hr_employees').onDelete('CASCADE');
    t.integer('role_id').unsigned().notNullable().references('id').inTable('sec_roles').onDelete('CASCADE');
    t.primary(['employee_id', 'role_id']); // also serves lookups by employee
    t.index('role_id');
  });

  await knex.schema.createTable('sec_credentials', (t) => {
    t.increments('id');
    t.integer('employee_id')
      .unsigned()
      .notNullable()
      .unique()
      .references('id')
      .inTable('hr_employees')
      .onDelete('CASCADE');
    t.string('password_hash', 255).notNullable();
    t.string('salt', 255).comment('NULL when the hash embeds its salt (bcrypt)');
    t.string('algorithm', 30).comment('NULL = recognise from the hash');
    t.timestamp('changed_at').notNullable();
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
