// Odoo 19's res_users of company 1, each with the res_partner that holds their
// name and email, and the groups an internal user has. Not their allowed
// companies (res_company_users_rel): the views read those only with option
// company, and each of the million rows costs two foreign-key checks.
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

export const odoo: PackBench = {
  pack: 'odoo',
  dialects: ['pg'],
  fixture: (dialect) => fixtureFiles('odoo', dialect, ['odoo19.sql']),
  // Odoo hashes with pbkdf2_sha512 only; the view takes any other value for a
  // clear-text password (its CryptContext's 'plaintext'): no login is timed.
  login: false,
  tables: ['res_partner', 'res_users', 'res_groups', 'res_groups_users_rel'],
  async fill(db, dialect, users) {
    const { prefix, from, text } = numberedRows(dialect, users);
    await db.raw(`${prefix}
      insert into res_partner (id, name, complete_name, email, lang, active, is_company, partner_share)
      select 100000 + n, ${text('Bulk User ')}, ${text('Bulk User ')}, ${text('bulk')} || '@example.com', 'en_US', true, false, false
      from ${from}`);
    // Without a password, as users who sign in through LDAP or OAuth have.
    await db.raw(`${prefix}
      insert into res_users (id, login, partner_id, company_id, active, share)
      select 100000 + n, ${text('bulk')}, 100000 + n, 1, true, false from ${from}`);
    await db.raw(`insert into res_groups (id, name, share, sequence) values (9000, '{"en_US": "sales"}', false, 9000)`);
    // share = false is Odoo's mark of a member of Internal User: it stores that row too.
    await db.raw(`${prefix}
      insert into res_groups_users_rel (gid, uid)
      select grp.id, 100000 + n from ${from}
      cross join (select id from res_groups where id = 9000 or name ->> 'en_US' = 'Internal User') grp`);
    // The index packs/odoo/README.md asks a DBA to add (the fixture has no DBA file).
    await db.raw('create index res_users_login_lower on res_users (lower(login))');
  },
};
