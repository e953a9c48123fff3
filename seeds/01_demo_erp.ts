import type { Knex } from 'knex';
import { DEMO_TABLES_CHILDREN_FIRST } from '../migrations/demo-erp/20261126000000_demo_erp_schema';
import hashes from './data/demo-password-hashes.json';
import { DEPARTMENTS, ROLES, ROLE_INCLUDES, SITES } from './data/demo-org';
import { PEOPLE } from './data/demo-people';

// Empties and refills the demo ERP. Ids are assigned here (1-based, in list
// order) so that every run gives the same database.

const PASSWORDS_CHANGED_AT = '2026-10-01 08:00:00';

export async function seed(knex: Knex): Promise<void> {
  const hashOf = checkedHashes();
  const siteId = idsByKey(SITES.map((s) => s.code));
  const deptId = idsByKey(DEPARTMENTS.map((d) => d.code));
  const roleId = idsByKey(ROLES.map((r) => r.name));

  await knex.transaction(async (trx) => {
    for (const table of DEMO_TABLES_CHILDREN_FIRST) await trx(table).del();

    await trx('hr_sites').insert(
      SITES.map((s) => ({ id: siteId(s.code), site_code: s.code, name: s.name, city: s.city })),
    );
    await trx('hr_departments').insert(
      DEPARTMENTS.map((d) => ({ id: deptId(d.code), dept_code: d.code, name: d.name, site_id: siteId(d.site) })),
    );
    await trx('hr_employees').insert(
      PEOPLE.map((p, i) => ({
        id: i + 1,
        employee_no: p.employeeNo,
        login_name: p.login,
        first_name: p.first,
        last_name: p.last,
        display_name: p.displayName ?? null,
        work_email: p.email,
        alt_emails: p.otherEmails ?? null,
        department_id: p.dept === null ? null : deptId(p.dept),
        site_id: p.site === null ? null : siteId(p.site),
        badge_no: p.badge,
        badge_no_2: p.badge2 ?? null,
        short_login: p.alias ?? null,
        home_share: p.home,
        print_pin: p.pin,
        status: p.status,
        hire_date: p.hired,
        termination_date: p.left ?? null,
      })),
    );
    await trx('sec_roles').insert(
      ROLES.map((r) => ({ id: roleId(r.name), role_name: r.name, description: r.description })),
    );
    await trx('sec_role_includes').insert(
      ROLE_INCLUDES.map(([parent, child]) => ({ parent_role_id: roleId(parent), child_role_id: roleId(child) })),
    );
    await trx('sec_user_roles').insert(
      PEOPLE.flatMap((p, i) => p.roles.map((role) => ({ employee_id: i + 1, role_id: roleId(role) }))),
    );
    await trx('sec_credentials').insert(
      PEOPLE.flatMap((p, i) => {
        const hash = hashOf.get(p.login);
        if (hash === undefined) return [];
        return [
          { employee_id: i + 1, password_hash: hash, salt: null, algorithm: null, changed_at: PASSWORDS_CHANGED_AT },
        ];
      }),
    );
  });
}

/** The generated hashes, after checking they match the people exactly: the
 * JSON is produced by a separate script and could drift from the data. */
function checkedHashes(): Map<string, string> {
  const byLogin = new Map<string, string>(Object.entries(hashes));
  for (const p of PEOPLE) {
    if (byLogin.has(p.login) === Boolean(p.noCredential)) {
      throw new Error(`demo-password-hashes.json and demo-people.ts disagree about login "${p.login}"`);
    }
  }
  const logins = new Set(PEOPLE.map((p) => p.login));
  const stray = [...byLogin.keys()].filter((login) => !logins.has(login));
  if (stray.length > 0) throw new Error(`hashes for unknown logins: ${stray.join(', ')}`);
  return byLogin;
}

/** A lookup from key to its 1-based position, failing loudly on a typo. */
function idsByKey(keys: readonly string[]): (key: string) => number {
  const ids = new Map(keys.map((key, i) => [key, i + 1]));
  return (key) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`unknown key in demo data: ${key}`);
    return id;
  };
}
