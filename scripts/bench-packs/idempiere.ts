// An iDempiere 12 site's ad_user, ad_role and ad_user_roles (the fixture
// written from iDempiere's sources): users of the GardenWorld tenant (11) and
// its HQ organization (11), as iDempiere makes them, with a UUID each.
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

export const idempiere: PackBench = {
  pack: 'idempiere',
  dialects: ['pg'],
  fixture: (dialect) => fixtureFiles('idempiere', dialect, ['idempiere12.sql', 'dba-indexes.sql']),
  // iDempiere hashes with its own salted SHA-512, PBKDF2 or Argon2 rules (or
  // keeps clear text), never sha512-crypt: no login is timed.
  login: false,
  tables: ['ad_user', 'ad_role', 'ad_user_roles'],
  async fill(db, dialect, users) {
    const { prefix, from, text } = numberedRows(dialect, users);
    // Ids from 2 000 000: the fixture's reach 1 000 200. Created by SuperUser (100).
    await db.raw(`${prefix}
      insert into ad_user (ad_user_id, ad_client_id, ad_org_id, createdby, updatedby, name, email, ad_user_uu)
      select 2000000 + n, 11, 11, 100, 100, ${text('bulk')}, ${text('bulk')} || '@gardenworld.com', gen_random_uuid()::text
      from ${from}`);
    await db.raw(`insert into ad_role (ad_role_id, ad_client_id, ad_org_id, createdby, updatedby, name, ad_role_uu)
      values (9000, 11, 0, 100, 100, 'sales', gen_random_uuid()::text)`);
    await db.raw(`${prefix}
      insert into ad_user_roles (ad_user_id, ad_role_id, ad_client_id, ad_org_id, createdby, updatedby, ad_user_roles_uu)
      select 2000000 + n, 9000, 11, 0, 100, 100, gen_random_uuid()::text from ${from}`);
  },
};
