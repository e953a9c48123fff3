// A Frappe 15 + ERPNext 15 site's tabUser, tabRole and tabHas Role (the
// fixture's site A, written from Frappe's DocTypes). Frappe makes a user's ID
// (the login under the default login=email) from the email address; here the
// IDs are bulk1 … bulkN, the names the bench looks up.
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

export const erpnext: PackBench = {
  pack: 'erpnext',
  dialects: ['pg', 'mysql'],
  // erpnext15.sql and frappe14.sql are two sites, not one: the newer is loaded.
  fixture: (dialect) => fixtureFiles('erpnext', dialect, ['erpnext15.sql', 'erpnext15-dba.sql']),
  // Frappe checks pbkdf2_sha256, argon2 and its legacy wrapper only, and so does the view: no login is timed.
  login: false,
  tables: ['tabUser', 'tabRole', 'tabHas Role'],
  async fill(db, dialect, users) {
    const { prefix, from, date } = numberedRows(dialect, users);
    const table = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
    // Desk users without an employee record, like consultants: listed all the same.
    await db.raw(`${prefix}
      insert into ${table('tabUser')} (name, creation, modified, modified_by, owner, enabled, email, first_name, last_name, full_name, user_type)
      select concat('bulk', n), ${date}, ${date}, 'Administrator', 'Administrator', 1, concat('bulk', n, '@example.com'),
        'Bulk', concat('User ', n), concat('Bulk User ', n), 'System User'
      from ${from}`);
    await db('tabRole').insert({
      name: 'sales',
      creation: '2020-01-01',
      modified: '2020-01-01',
      modified_by: 'Administrator',
      owner: 'Administrator',
      role_name: 'sales',
      desk_access: 1,
    });
    await db.raw(`${prefix}
      insert into ${table('tabHas Role')} (name, creation, modified, modified_by, owner, idx, role, parent, parentfield, parenttype)
      select concat('bulk-role-', n), ${date}, ${date}, 'Administrator', 'Administrator', 1, 'sales', concat('bulk', n), 'roles', 'User'
      from ${from}`);
  },
};
