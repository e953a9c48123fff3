// The aspnet_identity pack on two sites whose tables follow ASP.NET Core
// Identity's EF Core model as Npgsql's migrations create it
// (test/fixtures/packs/aspnet_identity, see its README): a stock IdentityUser
// site on schema version 1, and a .NET 10 site on schema version 3 with a
// custom ApplicationUser. Every PaperCut call and login through the built
// program, compared with answers written out by hand from the rows.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import { expectFailure, expectSameLines } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { lines, login, stdoutAndStatus, usePackDatabase, type PackDatabase, expectNotCovered } from '../support/packs';
import { FABRIKAM_OPTIONS } from '../../scripts/bench-packs/aspnet_identity';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'aspnet_identity');
const COVERS = 'ASP.NET Core Identity 2.1 to 10.0 (Identity schema versions 1, 2 and 3)';

// ---- Site A: Northwind, stock IdentityUser, schema version 1 (pg/northwind.sql) ---------

/** Stock IdentityUser has no name, department or card: user name and email only. */
const USER_A = {
  admin: 'admin@northwind.example\t\tadmin@northwind.example',
  JSmith: 'JSmith\t\tjohn.smith@northwind.example',
  maria: 'maria.garcia@northwind.example\t\tmaria.garcia@northwind.example',
  oldTimer: 'old.timer\t\tpeter.old@northwind.example',
  legacyMember: 'legacy.member\t\tlena.member@northwind.example',
  clearMember: 'clear.member\t\tcarl.clear@northwind.example',
  noLockout: 'no.lockout\t\tnina.nolock@northwind.example',
  external: 'external.user@gmail.example\t\texternal.user@gmail.example',
  migratedNopass: 'migrated.nopass\t\tmike.nopass@northwind.example',
  kiosk01: 'kiosk01',
  kiosk02: 'kiosk02',
  kiosk03: 'kiosk03',
};
const ALL_USERS_A = Object.values(USER_A).join('\n') + '\n';

/** Left out of papercut_users, with the reason. */
const NOT_USERS_A: [why: string, user: string][] = [
  ['a user an administrator locked out for good (LockoutEnd infinity)', 'locked.forever'],
  ['a user locked out for 1000 years by the Membership migration', 'migrated.locked'],
];

/** Every role, in code-point order. */
const ALL_GROUPS_A = ['Administrators', 'Archived', 'Comptabilité', 'Kiosks', 'Print Room', 'Sales', 'Staff'];

/** Each role's listed members, in code-point order. Staff also holds
 * locked.forever; Archived holds only locked-out users. */
const MEMBERS_A: Record<string, string[]> = {
  Administrators: ['admin@northwind.example'],
  Archived: [],
  Comptabilité: ['JSmith', 'maria.garcia@northwind.example'],
  Kiosks: ['kiosk01', 'kiosk02', 'kiosk03'],
  'Print Room': [],
  Sales: ['JSmith', 'external.user@gmail.example', 'maria.garcia@northwind.example', 'no.lockout'],
  Staff: ['JSmith', 'admin@northwind.example', 'clear.member', 'legacy.member', 'migrated.nopass', 'old.timer'],
};

/** is-user-in-group GROUP USER. */
const IN_GROUP_A: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Staff', 'JSmith', 'Y'],
  ['staff', 'jsmith', 'Y'],
  ['Comptabilité', 'MARIA.GARCIA@NORTHWIND.EXAMPLE', 'Y'],
  ['Staff', 'locked.forever', 'N'], // locked out
  ['Archived', 'migrated.locked', 'N'], // locked out
  ['Sales', 'no.lockout', 'Y'],
  ['Sales', 'admin@northwind.example', 'N'],
  ['Print Room', 'admin@northwind.example', 'N'],
];

/** A right password for each hash the site holds. */
const LOGINS_A: [hash: string, user: string, password: string][] = [
  ['V3 PBKDF2 HMAC-SHA512, 100 000 iterations (.NET 7+)', 'admin@northwind.example', 'Adm1n!Northwind'],
  ['V3 PBKDF2 HMAC-SHA256, 10 000 iterations (ASP.NET Core 6 and earlier)', 'JSmith', 'Smith-2019!'],
  ['V3 with a non-ASCII password, email not confirmed', 'maria.garcia@northwind.example', 'María-contraseña'],
  ['V2 PBKDF2 HMAC-SHA1 (ASP.NET Identity 2)', 'old.timer', '0ld-Identity2'],
  ['V3 with LockoutEnabled false and a LockoutEnd ahead', 'no.lockout', 'Nina-2024'],
  ["aspnetcore's published .NET 7+ V3 hash", 'kiosk01', 'my password'],
  ["aspnetcore's published ASP.NET Core 6 V3 hash", 'kiosk02', 'my password'],
  ["aspnetcore's published V2 hash", 'kiosk03', 'my password'],
];

/** Logins that fail whatever BRIDGE_ALLOW_WEAK_HASHES says. */
const REFUSED_A: [why: string, user: string, password: string][] = [
  ['a wrong password', 'admin@northwind.example', 'Adm1n!northwind'],
  ['a wrong password on a published hash', 'kiosk01', 'my passw0rd'],
  ['a V2 hash with a wrong password', 'old.timer', '0ld-identity2'],
  ['a user locked out for good', 'locked.forever', 'locked-pw'],
  ['an external-login user (no PasswordHash)', 'external.user@gmail.example', 'google'],
  ['a user migrated without a password (empty PasswordHash)', 'migrated.nopass', ''],
  ['a clear-format Membership password, which SQLPasswordHasher never checked', 'clear.member', 'secret-clear'],
  ['a weak Membership hash with a wrong password', 'legacy.member', 'Membership#2'],
];

// ---- Site B: Fabrikam, .NET 10, schema version 3, ApplicationUser (pg/fabrikam.sql) -----

/** With first_name, last_name, department, office, card_number and
 * require_confirmed_account=yes. */
const USER_B = {
  alice: 'alice\tAlice Martin\talice.martin@fabrikam.example\tFinance\tHQ 3rd floor\t000417',
  Bob: 'Bob.Nguyen\tBob Nguyen\tbob.nguyen@fabrikam.example\tIT\tAnnex',
  zoë: 'zoë\tZoë Ångström\tzoe.angstrom@fabrikam.example\tRecherche & Développement\tLyon\tCARD-0099',
  wang: 'wang.xiaoming\t小明 王\twang.xiaoming@fabrikam.example\t研发部\t上海\t88001234',
  carol: 'carol\tCarol\tcarol@fabrikam.example',
  passkey: 'passkey.only\tPriya Shah\tpriya.shah@fabrikam.example\tIT\tAnnex\t000512',
};
const OPTIONS_B = FABRIKAM_OPTIONS;
const MEMBERS_B: Record<string, string[]> = {
  Employees: ['Bob.Nguyen', 'alice', 'carol', 'passkey.only', 'wang.xiaoming', 'zoë'],
  Finance: ['alice'], // and dave.left, locked out
  IT: ['Bob.Nguyen', 'passkey.only', 'wang.xiaoming'],
};

/** With full_name=DisplayName and lockout_grace_minutes=0 (and no confirmation
 * required): Bob.Nguyen, locked out for ten minutes by the test, is left out. */
const USER_B_DISPLAY = {
  alice: 'alice\tAlice Martin\talice.martin@fabrikam.example',
  zoë: 'zoë\tZoë Ångström\tzoe.angstrom@fabrikam.example',
  wang: 'wang.xiaoming\t王小明\twang.xiaoming@fabrikam.example',
  carol: 'carol\t\tcarol@fabrikam.example',
  frank: 'frank.unconfirmed\tFrank Miller\tfrank.miller@mail.example',
  passkey: 'passkey.only\tPriya Shah\tpriya.shah@fabrikam.example',
};

// ---- Helpers ---------------------------------------------------------------------------

const site = (name: string) => [join(FIXTURE, 'pg', `${name}.sql`), join(FIXTURE, 'pg', 'dba.sql')];
const WEAK = { BRIDGE_ALLOW_WEAK_HASHES: '1' };

/** Runs SQL on the pack database once it is ready (after usePackDatabase's own beforeAll). */
function runAfterSetup(db: PackDatabase, statements: string[]) {
  beforeAll(async () => {
    const knex = db.database().connect();
    try {
      for (const statement of statements) await knex.raw(statement);
    } finally {
      await knex.destroy();
    }
  });
}

async function doctorFindings(db: PackDatabase): Promise<{ findings: Finding[]; status: number | null }> {
  const result = await db.call(['doctor', '--json']);
  return { findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings, status: result.status };
}

// ---- The checks ----------------------------------------------------------------------

// SQL Server's views are read, not run, here (test/unit/pack-files.test.ts).
forEachDialect(['pg'], (dialect) => {
  describe('site A: stock IdentityUser, schema version 1, default options', () => {
    const db = usePackDatabase('aspnet_identity', dialect, { fixture: site('northwind') });

    it('is valid and lists every user who is not locked out, once', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS_A);
    });

    it("gives one user's details, whatever the case of the name asked for", async () => {
      for (const [asked, line] of [
        ['JSmith', USER_A.JSmith],
        ['jsmith', USER_A.JSmith],
        ['ADMIN@NORTHWIND.EXAMPLE', USER_A.admin],
        ['no.lockout', USER_A.noLockout],
        ['external.user@gmail.example', USER_A.external],
        ['Kiosk01', USER_A.kiosk01],
      ] as const) {
        expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], `${asked}\n`)), asked).toEqual({
          stdout: `${line}\n`,
          status: 0,
        });
      }
    });

    it.each(NOT_USERS_A)('leaves out %s', async (_why, user) => {
      expectFailure(await db.call(['-', 'get-user-details'], `${user}\n`), 67, /is not in papercut_users/);
    });

    it('lists every role, members or not', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ALL_GROUPS_A), status: 0 });
    });

    it("lists each role's members who are not locked out", async () => {
      for (const [group, members] of Object.entries(MEMBERS_A)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Comptabilité']))).toEqual({
        stdout: `${USER_A.JSmith}\n${USER_A.maria}\n`,
        status: 0,
      });
      expectFailure(await db.call(['-', 'group-member-names', 'Managers']), 67, /is not in papercut_groups/);
    });

    it('says who is in a role', async () => {
      for (const [group, user, answer] of IN_GROUP_A) {
        expect(stdoutAndStatus(await db.call(['-', 'is-user-in-group', group, user])), `${group} ${user}`).toEqual({
          stdout: `${answer}\n`,
          status: 0,
        });
      }
    });

    it.each(LOGINS_A)('logs in a %s', async (_hash, user, password) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({ stdout: `OK\n${user}\n`, status: 0 });
    });

    it('logs in the name whatever its case, answering with the stored spelling', async () => {
      expect(stdoutAndStatus(await db.call([], login('jsmith', 'Smith-2019!')))).toEqual({
        stdout: 'OK\nJSmith\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('ADMIN@Northwind.example', 'Adm1n!Northwind')))).toEqual({
        stdout: 'OK\nadmin@northwind.example\n',
        status: 0,
      });
    });

    it.each(REFUSED_A)('refuses %s', async (_why, user, password) => {
      for (const env of [{}, WEAK]) {
        expect(stdoutAndStatus(await db.call([], login(user, password), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('refuses a Membership SHA-1 hash (aspnet-membership, weak) unless weak hashes are allowed', async () => {
      expect(stdoutAndStatus(await db.call([], login('legacy.member', 'Membership#1')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('legacy.member', 'Membership#1'), WEAK))).toEqual({
        stdout: 'OK\nlegacy.member\n',
        status: 0,
      });
    });

    it('names each credential aspnet-identity, or aspnet-membership with its salt', async () => {
      const knex = db.database().connect();
      try {
        const rows: {
          username: string;
          password_hash: string;
          password_salt: string | null;
          password_scheme: string;
        }[] = await knex('papercut_credentials').select('*').orderBy('username');
        expect(rows.map((row) => row.username)).toEqual([
          'JSmith',
          'admin@northwind.example',
          'kiosk01',
          'kiosk02',
          'kiosk03',
          'legacy.member',
          'maria.garcia@northwind.example',
          'no.lockout',
          'old.timer',
        ]);
        for (const row of rows) {
          if (row.username === 'legacy.member') {
            // SHA-1 is 20 bytes: 28 base64 characters; the salt 16 bytes: 24.
            expect(row).toMatchObject({ password_scheme: 'aspnet-membership' });
            expect(row.password_hash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
            expect(row.password_salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);
          } else {
            expect(row, row.username).toMatchObject({ password_scheme: 'aspnet-identity', password_salt: null });
            // PasswordHasher's format marker: 0x00 (V2) or 0x01 (V3).
            expect([0, 1], row.username).toContain(Buffer.from(row.password_hash, 'base64')[0]);
          }
        }
      } finally {
        await knex.destroy();
      }
    });

    it('is named by doctor, which finds no error', async () => {
      const { findings, status } = await doctorFindings(db);
      const check = (name: string) => findings.find((item) => item.check === name);
      expect(check('views.mapping')?.message).toMatch(
        /^the views come from pack aspnet_identity 1\.0\.0 \(migration \d+_papercut_views; full_name=\(empty\), first_name=\(empty\), last_name=\(empty\), department=\(empty\), office=\(empty\), card_number=\(empty\), require_confirmed_account=no, lockout_grace_minutes=1440\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(status).toBe(0);
      // The README's index on lower("UserName") makes every lookup an index search.
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
      expect(check('credentials.unrecognised')?.level).toBe('ok');
      expect(check('credentials.weak')).toMatchObject({ level: 'warning', count: 1, examples: ['legacy.member'] });
    });
  });

  describe('site A with lockouts that began a moment ago', () => {
    const db = usePackDatabase('aspnet_identity', dialect, { fixture: site('northwind') });
    // JSmith typed five wrong passwords (a lockout of minutes); maria was locked
    // out for three days, longer than the default grace of a day.
    runAfterSetup(db, [
      `UPDATE "AspNetUsers" SET "LockoutEnd" = CURRENT_TIMESTAMP + INTERVAL '10 minutes' WHERE "UserName" = 'JSmith'`,
      `UPDATE "AspNetUsers" SET "LockoutEnd" = CURRENT_TIMESTAMP + INTERVAL '3 days' WHERE "UserName" = 'maria.garcia@northwind.example'`,
    ]);

    it('keeps listing a user locked out for minutes, and refuses their logins until it ends', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'JSmith\n'))).toEqual({
        stdout: `${USER_A.JSmith}\n`,
        status: 0,
      });
      expect((await db.call(['-', 'is-user-in-group', 'Staff', 'JSmith'])).stdout).toBe('Y\n');
      for (const env of [{}, WEAK]) {
        expect(stdoutAndStatus(await db.call([], login('JSmith', 'Smith-2019!'), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('drops a user locked out for longer than lockout_grace_minutes', async () => {
      const others = Object.values(USER_A).filter((line) => line !== USER_A.maria);
      expectSameLines((await db.call(['-', 'all-users'])).stdout, others.join('\n') + '\n');
      expect(stdoutAndStatus(await db.call([], login('maria.garcia@northwind.example', 'María-contraseña')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });
  });

  describe('site B: ApplicationUser with names, department, office and card, confirmed accounts only', () => {
    const db = usePackDatabase('aspnet_identity', dialect, { fixture: site('fabrikam'), options: OPTIONS_B });

    it('lists the confirmed users who are not locked out, with the extra columns', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, Object.values(USER_B).join('\n') + '\n');
      for (const [asked, line] of [
        ['ZOË', USER_B.zoë],
        ['bob.nguyen', USER_B.Bob],
        ['WANG.XIAOMING', USER_B.wang],
      ] as const) {
        expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], `${asked}\n`)), asked).toEqual({
          stdout: `${line}\n`,
          status: 0,
        });
      }
      for (const user of ['frank.unconfirmed', 'dave.left']) {
        expectFailure(await db.call(['-', 'get-user-details'], `${user}\n`), 67, /is not in papercut_users/);
      }
    });

    it('lists the roles and their members', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({
        stdout: 'Employees\nFinance\nIT\n',
        status: 0,
      });
      for (const [group, members] of Object.entries(MEMBERS_B)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'IT']))).toEqual({
        stdout: `${USER_B.Bob}\n${USER_B.passkey}\n${USER_B.wang}\n`,
        status: 0,
      });
      expect((await db.call(['-', 'is-user-in-group', 'finance', 'ALICE'])).stdout).toBe('Y\n');
      expect((await db.call(['-', 'is-user-in-group', 'Finance', 'dave.left'])).stdout).toBe('N\n');
      expect((await db.call(['-', 'is-user-in-group', 'Employees', 'frank.unconfirmed'])).stdout).toBe('N\n');
    });

    it('logs in users with accented and CJK names and passwords', async () => {
      for (const [user, password, answer] of [
        ['alice', 'Alice-2025!', 'alice'],
        ['bob.nguyen', 'bob-pw-10', 'Bob.Nguyen'],
        ['ZOË', 'Zoë-pässwort', 'zoë'],
        ['wang.xiaoming', '王小明-密码', 'wang.xiaoming'],
        ['carol', 'carol-pw', 'carol'],
      ] as const) {
        expect(stdoutAndStatus(await db.call([], login(user, password))), user).toEqual({
          stdout: `OK\n${answer}\n`,
          status: 0,
        });
      }
    });

    it('refuses an unconfirmed user, a passkey-only user and a locked-out user', async () => {
      for (const [user, password] of [
        ['frank.unconfirmed', 'frank-pw'],
        ['passkey.only', 'passkey'],
        ['dave.left', 'dave-pw'],
        ['zoë', 'Zoë-passwort'],
      ] as const) {
        for (const env of [{}, WEAK]) {
          expect(stdoutAndStatus(await db.call([], login(user, password), env)), user).toEqual({
            stdout: 'ERROR\n',
            status: 0,
          });
        }
      }
    });

    it('is named by doctor with its options, which finds no error', async () => {
      const { findings, status } = await doctorFindings(db);
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack aspnet_identity 1\.0\.0 \(migration \d+_papercut_views; full_name=\(empty\), first_name=FirstName, last_name=LastName, department=Department, office=Office, card_number=CardNumber, require_confirmed_account=yes, lockout_grace_minutes=1440\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
      expect(status).toBe(0);
    });
  });

  describe('site B with full_name=DisplayName and lockout_grace_minutes=0', () => {
    const db = usePackDatabase('aspnet_identity', dialect, {
      fixture: site('fabrikam'),
      options: ['full_name=DisplayName', 'lockout_grace_minutes=0'],
    });
    runAfterSetup(db, [
      `UPDATE "AspNetUsers" SET "LockoutEnd" = CURRENT_TIMESTAMP + INTERVAL '10 minutes' WHERE "UserName" = 'Bob.Nguyen'`,
    ]);

    it('reads the display name, and drops a user locked out for minutes', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, Object.values(USER_B_DISPLAY).join('\n') + '\n');
      expectFailure(await db.call(['-', 'get-user-details'], 'Bob.Nguyen\n'), 67, /is not in papercut_users/);
      expect(stdoutAndStatus(await db.call([], login('Bob.Nguyen', 'bob-pw-10')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });

    it('lists and logs in an unconfirmed user when confirmation is not required', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'frank.unconfirmed\n'))).toEqual({
        stdout: `${USER_B_DISPLAY.frank}\n`,
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('frank.unconfirmed', 'frank-pw')))).toEqual({
        stdout: 'OK\nfrank.unconfirmed\n',
        status: 0,
      });
    });
  });

  describe('a database the options or the version do not fit', () => {
    // Site A has no CardNumber column; the LockoutEnd column is renamed to ASP.NET
    // Identity 2's LockoutEndDateUtc in the second database.
    const noCard = usePackDatabase('aspnet_identity', dialect, { apply: false, fixture: site('northwind') });
    const identity2 = usePackDatabase('aspnet_identity', dialect, {
      apply: false,
      fixture: site('northwind'),
      statements: ['ALTER TABLE "AspNetUsers" RENAME COLUMN "LockoutEnd" TO "LockoutEndDateUtc"'],
    });

    it('makes migrate latest fail naming a column an option names that the table lacks', async () => {
      await expectNotCovered(noCard, 'aspnet_identity', {
        lacks: 'AspNetUsers.CardNumber',
        covers: COVERS,
        options: ['card_number=CardNumber'],
      });
    });

    it('makes migrate latest fail on a database of another version, leaving the migration pending', async () => {
      await expectNotCovered(identity2, 'aspnet_identity', { lacks: 'AspNetUsers.LockoutEnd', covers: COVERS });
    });
  });
});
