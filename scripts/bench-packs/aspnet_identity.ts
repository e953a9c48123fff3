// A .NET 10 site's AspNetUsers, AspNetRoles and AspNetUserRoles, with a custom
// ApplicationUser's name columns (the fixture's site B, Fabrikam, as Npgsql's
// migrations make it), mapped with the options the pack's tests give that site.
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

/** How site B (Fabrikam) is mapped, by the pack's tests and here: its
 * ApplicationUser's own columns, and only confirmed accounts listed. */
export const FABRIKAM_OPTIONS = [
  'first_name=FirstName',
  'last_name=LastName',
  'department=Department',
  'office=Office',
  'card_number=CardNumber',
  'require_confirmed_account=yes',
];

/** The role's GUID, as Identity's RoleManager makes one. */
const SALES = '0d6f8a55-5bd4-5c39-9e0b-8b3f4c1a2e77';

export const aspnetIdentity: PackBench = {
  pack: 'aspnet_identity',
  dialects: ['pg'],
  fixture: (dialect) => fixtureFiles('aspnet_identity', dialect, ['fabrikam.sql', 'dba.sql']),
  options: FABRIKAM_OPTIONS,
  // Identity's PasswordHasher writes its own PBKDF2 forms only, and the view
  // names every hash as one of them: no login is timed.
  login: false,
  tables: ['AspNetUsers', 'AspNetRoles', 'AspNetUserRoles'],
  async fill(db, dialect, users) {
    const { prefix, from, text } = numberedRows(dialect, users);
    // Identity's string keys are GUIDs: one made from each user name, so that the roles' rows can name it.
    // Confirmed (require_confirmed_account=yes lists no one else), lockout enabled as for every new user.
    const id = `md5(${text('bulk')})::uuid::text`;
    await db.raw(`${prefix}
      insert into "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
        "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
        "AccessFailedCount", "FirstName", "LastName")
      select ${id}, ${text('bulk')}, ${text('BULK')}, ${text('bulk')} || '@example.com', ${text('BULK')} || '@EXAMPLE.COM', true,
        upper(md5(${text('stamp')})), gen_random_uuid()::text, false, false, true, 0, 'Bulk', ${text('User ')}
      from ${from}`);
    await db('AspNetRoles').insert({
      Id: SALES,
      Name: 'sales',
      NormalizedName: 'SALES',
      ConcurrencyStamp: 'c5b1e3a0-7f2d-5e4b-9a61-3d8c2f0b4e19',
    });
    await db.raw(`${prefix}
      insert into "AspNetUserRoles" ("UserId", "RoleId") select ${id}, '${SALES}' from ${from}`);
  },
};
