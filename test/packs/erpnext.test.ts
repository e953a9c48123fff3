// The erpnext pack on two sites whose tables follow Frappe's and ERPNext's own
// DocType files (test/fixtures/packs/erpnext, see its README): a Frappe 15 +
// ERPNext 15 site with two companies, and a Frappe 14 site without ERPNext that
// still holds hashes from before Frappe moved to passlib. Every PaperCut call and
// login through the built program, compared with answers written out by hand
// from the rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import type { Dialect } from '../../bridge/db/dialect';
import { expectFailure, expectSameLines, type CallResult } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'erpnext');
const COVERS = 'Frappe 14 and 15, with or without ERPNext 14 and 15, on MariaDB and PostgreSQL';

// ---- Site A: Frappe 15 + ERPNext 15 (<dialect>/erpnext15.sql) --------------------------

/** The user line of each enabled System User whose employee record (if any) is
 * Active: full name, email, department name without the company suffix, branch,
 * attendance device ID. */
const USER = {
  alice: 'alice.martin@northwind.example\tAlice Martin\talice.martin@northwind.example\tAccounts\tLondon\t000417',
  bob: 'bob.smith@northwind.example\tBob Smith\tbob.smith@northwind.example\tInside Sales\tHamburg\tRF-2201',
  zoe: 'zoe.angstrom@suedwind.example\tZoë Ångström\tzoe.angstrom@suedwind.example\tAußendienst\tZürich\t7788',
  wang: 'wang.xm@suedwind.example\t小明 王\twang.xm@suedwind.example',
  maria: 'Maria.Garcia@Northwind.example\tMaría García\tMaria.Garcia@Northwind.example\tResearch & Development',
  grace: 'grace.hopper@northwind.example\tGrace Hopper\tgrace.hopper@northwind.example\tOperations\tZürich\t000113',
  ivan: 'ivan.petrov@northwind.example\tIvan Petrov\tivan.petrov@northwind.example',
  judy: 'judy.kim@northwind.example\tJudy Kim\tjudy.kim@northwind.example\tSales\tLondon',
  kim: 'kim.lee@suedwind.example\tKim Lee\tkim.lee@suedwind.example\tSales\tLondon\tK-01',
};
const ALL_USERS = Object.values(USER).join('\n') + '\n';

/** Left out of papercut_users, with the reason. */
const NOT_USERS: [why: string, user: string][] = [
  ['the Administrator', 'Administrator'],
  ['the Guest user', 'Guest'],
  ['a user whose employee record is Left', 'carl.jones@northwind.example'],
  ['a disabled user with an Active employee record', 'dave.brown@northwind.example'],
  ['a user whose employee record is Inactive', 'erin.wolf@suedwind.example'],
  ['a user whose employee record is Suspended', 'frank.meyer@suedwind.example'],
  ['a Website User', 'henry@customer.example'],
  ['a user of a custom User Type', 'lena.schmidt@northwind.example'],
];

/** Roles, but the automatic ones (Administrator, Guest, All, Desk User) and
 * the disabled Retired Role, in code-point order. */
const ROLES = [
  'Accounts Manager',
  'Accounts User',
  'Customer',
  'Employee',
  'HR User',
  'Print Room',
  'Réception',
  'Sales Manager',
  'Sales User',
  'Stock User',
  'System Manager',
];

/** Each role's members who are users, in code-point order. Accounts Manager and
 * Print Room are also held by Administrator and carl (Left), Sales User by dave
 * (disabled) and frank (Suspended); System Manager by a Report named like alice. */
const MEMBERS: Record<string, string[]> = {
  'Accounts Manager': [],
  'Accounts User': ['alice.martin@northwind.example'],
  Customer: [],
  Employee: [
    'Maria.Garcia@Northwind.example',
    'alice.martin@northwind.example',
    'bob.smith@northwind.example',
    'grace.hopper@northwind.example',
    'judy.kim@northwind.example',
    'kim.lee@suedwind.example',
    'zoe.angstrom@suedwind.example',
  ],
  'HR User': [],
  'Print Room': ['Maria.Garcia@Northwind.example', 'alice.martin@northwind.example'],
  Réception: ['zoe.angstrom@suedwind.example'],
  'Sales Manager': ['judy.kim@northwind.example'],
  'Sales User': ['bob.smith@northwind.example', 'ivan.petrov@northwind.example', 'zoe.angstrom@suedwind.example'],
  'Stock User': ['grace.hopper@northwind.example', 'wang.xm@suedwind.example'],
  'System Manager': [],
};

/** is-user-in-group GROUP USER. */
const IN_GROUP: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Print Room', 'alice.martin@northwind.example', 'Y'],
  ['print room', 'MARIA.GARCIA@NORTHWIND.EXAMPLE', 'Y'],
  ['Print Room', 'carl.jones@northwind.example', 'N'], // Left
  ['Print Room', 'dave.brown@northwind.example', 'N'], // disabled
  ['System Manager', 'alice.martin@northwind.example', 'N'], // a Report's role row, not hers
  ['Sales User', 'ivan.petrov@northwind.example', 'Y'], // no employee record
  ['Réception', 'zoe.angstrom@suedwind.example', 'Y'],
  ['Stock User', 'wang.xm@suedwind.example', 'Y'],
];

/** A right password for each hash the site holds (generate.py). */
const LOGINS: [what: string, user: string, password: string, answer: string][] = [
  [
    'pbkdf2_sha256, as Frappe writes it',
    'alice.martin@northwind.example',
    'Alice-2024!',
    'alice.martin@northwind.example',
  ],
  [
    'the same, the ID typed in capitals',
    'ALICE.MARTIN@NORTHWIND.EXAMPLE',
    'Alice-2024!',
    'alice.martin@northwind.example',
  ],
  ['argon2, which Frappe checks', 'bob.smith@northwind.example', 'b0b-Argon2', 'bob.smith@northwind.example'],
  ['an accented name and password', 'zoe.angstrom@suedwind.example', 'Zoë-pässwort', 'zoe.angstrom@suedwind.example'],
  ['a CJK password, no employee record', 'wang.xm@suedwind.example', '王小明-pw', 'wang.xm@suedwind.example'],
  [
    'a mixed-case ID typed in lower case',
    'maria.garcia@northwind.example',
    'María#2024',
    'Maria.Garcia@Northwind.example',
  ],
  [
    'a user rehired by the other company',
    'grace.hopper@northwind.example',
    'Grace-pw!',
    'grace.hopper@northwind.example',
  ],
  ['a user with two Active employee records', 'kim.lee@suedwind.example', 'kim-pw', 'kim.lee@suedwind.example'],
];

/** Logins that fail whatever BRIDGE_ALLOW_WEAK_HASHES says: Frappe writes no
 * weak hash, so allowing weak hashes lets nobody more in. */
const REFUSED: [why: string, user: string, password: string][] = [
  ['a wrong password', 'alice.martin@northwind.example', 'Alice-2025!'],
  ["another user's password", 'alice.martin@northwind.example', 'b0b-Argon2'],
  ['a user whose employee record is Left', 'carl.jones@northwind.example', 'carl-pw'],
  ['a disabled user', 'dave.brown@northwind.example', 'dave-pw'],
  ['an Inactive employee', 'erin.wolf@suedwind.example', 'erin-pw'],
  ['a Suspended employee', 'frank.meyer@suedwind.example', 'frank-pw'],
  ['a Website User', 'henry@customer.example', 'henry-pw'],
  ['a user of a custom User Type', 'lena.schmidt@northwind.example', 'lena-pw'],
  ['a user without a password (welcome email never used)', 'ivan.petrov@northwind.example', 'ivan'],
  ['a frappe_legacy hash, which Frappe 15 no longer checks', 'judy.kim@northwind.example', 'judy-2016'],
  ['the Administrator', 'Administrator', 'admin'],
  ['the Guest user', 'Guest', 'guest'],
];

/** groups=both, company=NT: Northwind's departments beside the roles. */
const GROUPS_NT = [
  'Accounts - NT',
  'Accounts Manager',
  'Accounts User',
  'Customer',
  'Employee',
  'HR User',
  'Inside Sales - NT',
  'Legacy Ops - NT',
  'Print Room',
  'Research & Development - NT',
  'Réception',
  'Sales - NT',
  'Sales Manager',
  'Sales User',
  'Stock User',
  'System Manager',
];
const MEMBERS_NT: Record<string, string[]> = {
  'Accounts - NT': ['alice.martin@northwind.example'],
  'Inside Sales - NT': ['bob.smith@northwind.example'],
  'Legacy Ops - NT': [],
  'Research & Development - NT': ['Maria.Garcia@Northwind.example'],
  // Inside Sales is below Sales; kim's first Active record is Northwind's.
  'Sales - NT': ['bob.smith@northwind.example', 'judy.kim@northwind.example', 'kim.lee@suedwind.example'],
  Employee: [
    'Maria.Garcia@Northwind.example',
    'alice.martin@northwind.example',
    'bob.smith@northwind.example',
    'judy.kim@northwind.example',
    'kim.lee@suedwind.example',
  ],
  'Sales User': ['bob.smith@northwind.example'],
  'Stock User': [],
};

/** groups=departments: every company's departments, the root left out. */
const DEPARTMENTS: Record<string, string[]> = {
  'Accounts - NT': ['alice.martin@northwind.example'],
  'Außendienst - SG': ['zoe.angstrom@suedwind.example'],
  'Inside Sales - NT': ['bob.smith@northwind.example'],
  'Legacy Ops - NT': [],
  'Operations - SG': ['grace.hopper@northwind.example'], // erin is Inactive, Peter Meier no user
  'Research & Development - NT': ['Maria.Garcia@Northwind.example'],
  'Sales - NT': ['bob.smith@northwind.example', 'judy.kim@northwind.example', 'kim.lee@suedwind.example'],
  'Sales - SG': [], // kim's second Active record is not the one read
  'Vertrieb - SG': ['zoe.angstrom@suedwind.example'], // Außendienst is below it; frank is Suspended
};

/** login=username: tabUser.username, the ID where there is none. */
const BY_USERNAME = {
  alice: 'alice\tAlice Martin\talice.martin@northwind.example\tAccounts\tLondon\t000417',
  bob: 'BSmith\tBob Smith\tbob.smith@northwind.example\tInside Sales\tHamburg\tRF-2201',
  zoe: 'zoë\tZoë Ångström\tzoe.angstrom@suedwind.example\tAußendienst\tZürich\t7788',
  wang: '小明\t小明 王\twang.xm@suedwind.example',
  maria: 'Maria.Garcia@Northwind.example\tMaría García\tMaria.Garcia@Northwind.example\tResearch & Development',
  grace: 'grace\tGrace Hopper\tgrace.hopper@northwind.example\tOperations\tZürich\t000113',
  ivan: 'ivan\tIvan Petrov\tivan.petrov@northwind.example',
  judy: 'judy\tJudy Kim\tjudy.kim@northwind.example\tSales\tLondon',
  kim: 'kim\tKim Lee\tkim.lee@suedwind.example\tSales\tLondon\tK-01',
};

// ---- Site B: Frappe 14 without ERPNext (<dialect>/frappe14.sql) ------------------------

const USER_14 = {
  olga: 'olga.sorensen@riverside.example\tOlga Sørensen\tolga.sorensen@riverside.example',
  pete: 'pete.brown@riverside.example\tPete Brown\tpete.brown@riverside.example',
  quinn: 'quinn.adams@riverside.example\tQuinn Adams\tquinn.adams@riverside.example',
};
const GROUPS_14 = ['Blogger', 'Print Room', 'System Manager', 'Website Manager'];
const MEMBERS_14: Record<string, string[]> = {
  Blogger: ['pete.brown@riverside.example', 'quinn.adams@riverside.example'],
  'Print Room': ['olga.sorensen@riverside.example', 'pete.brown@riverside.example'], // and rosa, disabled
  'System Manager': [],
  'Website Manager': [],
};

// ---- Helpers ---------------------------------------------------------------------------

const fixture = (dialect: Dialect, site: string, dba = false) => [
  join(FIXTURE, dialect, `${site}.sql`),
  ...(dba ? [join(FIXTURE, dialect, `${site}-dba.sql`)] : []),
];
const WEAK = { BRIDGE_ALLOW_WEAK_HASHES: '1' };

type Call = (args: string[], stdin?: string, env?: Record<string, string>) => Promise<CallResult>;

async function expectMembers(call: Call, members: Record<string, string[]>) {
  for (const [group, names] of Object.entries(members)) {
    expect(stdoutAndStatus(await call(['-', 'group-member-names', group])), group).toEqual({
      stdout: lines(names),
      status: 0,
    });
  }
}

// ---- The checks ----------------------------------------------------------------------

forEachDialect(['pg', 'mysql'], (dialect) => {
  describe('site A: Frappe 15 + ERPNext 15, default options (login=email, groups=roles)', () => {
    const db = usePackDatabase('erpnext', dialect, { fixture: fixture(dialect, 'erpnext15', true) });

    it('is valid and lists every enabled System User with an Active employee record or none, once', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
    });

    it("gives one user's details, whatever the case of the ID asked for", async () => {
      for (const [asked, line] of [
        ['alice.martin@northwind.example', USER.alice],
        ['Alice.Martin@Northwind.Example', USER.alice],
        ['maria.garcia@northwind.example', USER.maria],
        ['ZOE.ANGSTROM@SUEDWIND.EXAMPLE', USER.zoe],
        ['wang.xm@suedwind.example', USER.wang],
        ['kim.lee@suedwind.example', USER.kim],
        ['grace.hopper@northwind.example', USER.grace],
      ] as const) {
        expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], `${asked}\n`)), asked).toEqual({
          stdout: `${line}\n`,
          status: 0,
        });
      }
    });

    it.each(NOT_USERS)('leaves out %s', async (_why, user) => {
      expectFailure(await db.call(['-', 'get-user-details'], `${user}\n`), 67, /is not in papercut_users/);
    });

    it('lists the roles, not the automatic or disabled ones', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ROLES), status: 0 });
      for (const group of ['All', 'Desk User', 'Guest', 'Administrator', 'Retired Role', 'Sales - NT']) {
        expectFailure(await db.call(['-', 'group-member-names', group]), 67, /is not in papercut_groups/);
      }
    });

    it("lists each role's members who are users", async () => {
      await expectMembers(db.call, MEMBERS);
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Print Room']))).toEqual({
        stdout: `${USER.maria}\n${USER.alice}\n`,
        status: 0,
      });
    });

    it('says who is in a group', async () => {
      for (const [group, user, answer] of IN_GROUP) {
        expect(stdoutAndStatus(await db.call(['-', 'is-user-in-group', group, user])), `${group} ${user}`).toEqual({
          stdout: `${answer}\n`,
          status: 0,
        });
      }
    });

    it.each(LOGINS)('logs in %s', async (_what, user, password, answer) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({
        stdout: `OK\n${answer}\n`,
        status: 0,
      });
    });

    it.each(REFUSED)('refuses %s', async (_why, user, password) => {
      for (const env of [{}, WEAK]) {
        expect(stdoutAndStatus(await db.call([], login(user, password), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('gives a credential only to users Frappe checks a password hash for', async () => {
      const knex = db.database().connect();
      try {
        const rows: { username: string; password_salt: string | null; password_scheme: string | null }[] = await knex(
          'papercut_credentials',
        ).select('username', 'password_salt', 'password_scheme');
        // Not ivan (no row), judy ($frappel$ on Frappe 15), the Administrator, nor the API secret and email account rows.
        expect(rows.map((row) => row.username).sort()).toEqual([
          'Maria.Garcia@Northwind.example',
          'alice.martin@northwind.example',
          'bob.smith@northwind.example',
          'carl.jones@northwind.example',
          'erin.wolf@suedwind.example',
          'frank.meyer@suedwind.example',
          'grace.hopper@northwind.example',
          'kim.lee@suedwind.example',
          'wang.xm@suedwind.example',
          'zoe.angstrom@suedwind.example',
        ]);
        expect(rows.filter((row) => row.password_salt !== null || row.password_scheme !== null)).toEqual([]);
      } finally {
        await knex.destroy();
      }
    });

    it('is named by doctor, which finds no error, and every lookup uses an index', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack erpnext 1\.0\.0 \(migration \d+_papercut_views; login=email, groups=roles, company=\(empty\)\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(result.status).toBe(0);
      // With the README's indexes (erpnext15-dba.sql): PostgreSQL's on lower(name), and tabEmployee.user_id.
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
    });
  });

  describe('site A with groups=both and company=NT', () => {
    const db = usePackDatabase('erpnext', dialect, {
      fixture: fixture(dialect, 'erpnext15'),
      options: ['groups=both', 'company=NT'],
    });

    it('lists only the users with an Active employee record of Northwind Traders, from that record', async () => {
      expectSameLines(
        (await db.call(['-', 'all-users'])).stdout,
        [USER.alice, USER.bob, USER.maria, USER.judy, USER.kim].join('\n') + '\n',
      );
      for (const user of [
        'zoe.angstrom@suedwind.example',
        'wang.xm@suedwind.example',
        'grace.hopper@northwind.example',
      ]) {
        expectFailure(await db.call(['-', 'get-user-details'], `${user}\n`), 67, /is not in papercut_users/);
      }
      expect(stdoutAndStatus(await db.call([], login('zoe.angstrom@suedwind.example', 'Zoë-pässwort')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });

    it("lists the company's departments beside the roles, each with the members of the departments below it", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(GROUPS_NT), status: 0 });
      await expectMembers(db.call, MEMBERS_NT);
      expectFailure(await db.call(['-', 'group-member-names', 'Sales - SG']), 67, /is not in papercut_groups/);
      expectFailure(await db.call(['-', 'group-member-names', 'All Departments']), 67, /is not in papercut_groups/);
      expect((await db.call(['-', 'is-user-in-group', 'Sales - NT', 'bob.smith@northwind.example'])).stdout).toBe(
        'Y\n',
      );
      expect((await db.call(['-', 'is-user-in-group', 'Sales - NT', 'dave.brown@northwind.example'])).stdout).toBe(
        'N\n',
      );
    });
  });

  describe('site A with groups=departments', () => {
    const db = usePackDatabase('erpnext', dialect, {
      fixture: fixture(dialect, 'erpnext15'),
      options: ['groups=departments'],
    });

    it("lists every company's departments and no roles, the users as before", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({
        stdout: lines(Object.keys(DEPARTMENTS)),
        status: 0,
      });
      await expectMembers(db.call, DEPARTMENTS);
      expectFailure(await db.call(['-', 'group-member-names', 'Employee']), 67, /is not in papercut_groups/);
      expectSameLines((await db.call(['-', 'all-users'])).stdout, ALL_USERS);
    });
  });

  describe('site A with login=username', () => {
    const db = usePackDatabase('erpnext', dialect, {
      fixture: fixture(dialect, 'erpnext15'),
      options: ['login=username'],
    });

    it('lists users by their username, by their ID where they have none', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, Object.values(BY_USERNAME).join('\n') + '\n');
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'bsmith\n'))).toEqual({
        stdout: `${BY_USERNAME.bob}\n`,
        status: 0,
      });
      await expectMembers(db.call, {
        Employee: ['BSmith', 'Maria.Garcia@Northwind.example', 'alice', 'grace', 'judy', 'kim', 'zoë'],
        'Stock User': ['grace', '小明'],
      });
      expect((await db.call(['-', 'is-user-in-group', 'Réception', 'ZOË'])).stdout).toBe('Y\n');
    });

    it('logs in by username, answering with its stored spelling', async () => {
      for (const [user, password, answer] of [
        ['bsmith', 'b0b-Argon2', 'BSmith'],
        ['ZOË', 'Zoë-pässwort', 'zoë'],
        ['小明', '王小明-pw', '小明'],
        ['maria.garcia@northwind.example', 'María#2024', 'Maria.Garcia@Northwind.example'],
      ] as const) {
        expect(stdoutAndStatus(await db.call([], login(user, password))), user).toEqual({
          stdout: `OK\n${answer}\n`,
          status: 0,
        });
      }
      // The ID of a user who has a username is not the PaperCut login any more.
      expect(stdoutAndStatus(await db.call([], login('alice.martin@northwind.example', 'Alice-2024!')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });
  });

  describe('site B: Frappe 14 without ERPNext', () => {
    const db = usePackDatabase('erpnext', dialect, { fixture: fixture(dialect, 'frappe14') });

    it('lists the users without employee fields, and the roles', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, Object.values(USER_14).join('\n') + '\n');
      for (const user of ['rosa.diaz@riverside.example', 'sam@reader.example', 'Administrator']) {
        expectFailure(await db.call(['-', 'get-user-details'], `${user}\n`), 67, /is not in papercut_users/);
      }
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(GROUPS_14), status: 0 });
      await expectMembers(db.call, MEMBERS_14);
    });

    it("logs in passlib's pbkdf2_sha256 of Frappe 14", async () => {
      expect(stdoutAndStatus(await db.call([], login('PETE.BROWN@riverside.example', 'pete-pw')))).toEqual({
        stdout: 'OK\npete.brown@riverside.example\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('quinn.adams@riverside.example', 'quinn-pw')))).toEqual({
        stdout: 'OK\nquinn.adams@riverside.example\n',
        status: 0,
      });
    });

    it('logs in a frappe_legacy hash ($frappel$), which Frappe 14 still checks', async () => {
      expect(stdoutAndStatus(await db.call([], login('olga.sorensen@riverside.example', 'olga-2017')))).toEqual({
        stdout: 'OK\nolga.sorensen@riverside.example\n',
        status: 0,
      });
    });

    it('refuses a wrong password, a disabled user and a Website User', async () => {
      for (const [user, password] of [
        ['olga.sorensen@riverside.example', 'olga-2018'],
        ['rosa.diaz@riverside.example', 'rosa-pw'],
        ['sam@reader.example', 'sam-pw'],
      ] as const) {
        for (const env of [{}, WEAK]) {
          expect(stdoutAndStatus(await db.call([], login(user, password), env)), user).toEqual({
            stdout: 'ERROR\n',
            status: 0,
          });
        }
      }
    });
  });

  describe('a database of another version', () => {
    // No tabInstalled Application: Frappe 12 or older, which no covered version is.
    const db = usePackDatabase('erpnext', dialect, {
      apply: false,
      fixture: () => fixture(dialect, 'frappe14'),
      statements: [
        dialect === 'pg' ? 'DROP TABLE "tabInstalled Application"' : 'DROP TABLE `tabInstalled Application`',
      ],
    });

    it('makes migrate latest fail, naming what is missing, and leaves the migration pending', async () => {
      await expectNotCovered(db, 'erpnext', { lacks: 'tabInstalled Application', covers: COVERS });
    });
  });
});
