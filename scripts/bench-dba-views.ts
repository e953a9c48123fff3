// A second mapping of the bench's million-user ERP, written the way
// views/README.md tells a DBA to start: nested roles expanded with
// WITH RECURSIVE, and duplicate memberships removed with DISTINCT. Users,
// groups and credentials are the demo's own views; only the membership view
// differs, as its shape decides what a member lookup costs.
import type { Dialect } from '../bridge/db/dialect';

/** The membership view over the ERP's tables, `tables` prefixed to their
 * names; `where`, a condition on the membership row, for tests that watch it. */
export function dbaMembershipView(name: string, tables = '', where = ''): string {
  return `CREATE VIEW ${name} AS
WITH RECURSIVE role_tree (ancestor_id, role_id) AS (
  SELECT r.id, r.id FROM ${tables}sec_roles r
  UNION
  SELECT t.ancestor_id, i.child_role_id
  FROM role_tree t
  JOIN ${tables}sec_role_includes i ON i.parent_role_id = t.role_id
)
SELECT DISTINCT r.role_name AS group_name, e.login_name AS username
FROM role_tree t
JOIN ${tables}sec_roles r ON r.id = t.ancestor_id
JOIN ${tables}sec_user_roles ur ON ur.role_id = t.role_id
JOIN ${tables}hr_employees e ON e.id = ur.employee_id${where ? `\nWHERE ${where}` : ''}`;
}

const OTHER_VIEWS = ['papercut_users', 'papercut_groups', 'papercut_credentials'];

/** The statements that make the DBA-style views, run as the admin login:
 * on PostgreSQL in a schema `dba` of the ERP's database, on MariaDB in a
 * database `<erp>_dba` beside the ERP's, on SQLite in a copy of the ERP's
 * file, whose membership view they replace. */
export function dbaViewStatements(dialect: Dialect, erpDatabase: string): string[] {
  if (dialect === 'sqlite') {
    return ['DROP VIEW papercut_group_members', dbaMembershipView('papercut_group_members', '')];
  }
  const [erp, dba] = dialect === 'pg' ? ['public.', 'dba'] : [`\`${erpDatabase}\`.`, `\`${erpDatabase}_dba\``];
  return [
    dialect === 'pg' ? `DROP SCHEMA IF EXISTS ${dba} CASCADE` : `DROP DATABASE IF EXISTS ${dba}`,
    dialect === 'pg' ? `CREATE SCHEMA ${dba}` : `CREATE DATABASE ${dba} CHARACTER SET utf8mb4`,
    ...OTHER_VIEWS.map((view) => `CREATE VIEW ${dba}.${view} AS SELECT * FROM ${erp}${view}`),
    dbaMembershipView(`${dba}.papercut_group_members`, erp),
  ];
}
