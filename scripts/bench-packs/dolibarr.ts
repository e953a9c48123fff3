// A Dolibarr 24 site's erp_user, erp_usergroup and erp_usergroup_user (the
// fixture's site B, from Dolibarr's install and migration scripts), mapped
// with the options the pack's tests give that site.
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

export const dolibarr: PackBench = {
  pack: 'dolibarr',
  dialects: ['pg', 'mysql'],
  // The indexes packs/dolibarr/README.md asks for on PostgreSQL; MySQL needs none.
  fixture: (dialect) => fixtureFiles('dolibarr', dialect, ['dolibarr24.sql', 'dolibarr24-dba.sql']),
  options: ['prefix=erp_', 'card=ref_employee', 'name_order=last_first', 'email_alias=yes'],
  // Dolibarr hashes with PHP's password_hash() (bcrypt, argon2) or older salted
  // MD5/SHA-1, never sha512-crypt, and the view passes no other form: no login is timed.
  login: false,
  tables: ['erp_user', 'erp_usergroup', 'erp_usergroup_user'],
  async fill(db, dialect, users) {
    const { prefix, from, date } = numberedRows(dialect, users);
    await db.raw(`${prefix}
      insert into erp_user (rowid, entity, employee, datec, login, lastname, firstname, email, statut, ref_employee)
      select 100000 + n, 1, 1, ${date}, concat('bulk', n), concat('User ', n), 'Bulk', concat('bulk', n, '@example.com'), 1,
        concat('EMP-', n)
      from ${from}`);
    await db('erp_usergroup').insert({ rowid: 9000, nom: 'sales', entity: 1, datec: '2020-01-01' });
    await db.raw(`${prefix}
      insert into erp_usergroup_user (rowid, entity, fk_user, fk_usergroup) select 100000 + n, 1, 100000 + n, 9000 from ${from}`);
  },
};
