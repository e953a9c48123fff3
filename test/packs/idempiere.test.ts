// The idempiere pack on tables written after iDempiere's own source
// (test/fixtures/packs/idempiere, see its README): an iDempiere 11 database, the
// same site on iDempiere 12 with its per-row hash rules, and a site that never
// turned hashing on. Every PaperCut call and login through the built program,
// compared with answers written out by hand from the rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import { expectFailure, expectSameLines, type CallResult } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'idempiere', 'pg');
const COVERS = 'iDempiere 11 and 12 on PostgreSQL';

// ---- The users (default options: every tenant but System, the login is COALESCE(LDAPUser, Name)) ----

/** Name, email, organization ('*' gives none) and tenant of each user who can log in. */
const USER = {
  GardenAdmin: 'GardenAdmin\tGardenAdmin\tadmin@gardenworld.com\t\tGardenWorld',
  GardenUser: 'GardenUser\tGardenUser\tuser@gardenworld.com\tHQ\tGardenWorld',
  JSmith: 'JSmith\tJSmith\tJohn.Smith@GardenWorld.com\tStore Central\tGardenWorld',
  'Zoë Ångström': 'Zoë Ångström\tZoë Ångström\tzoe@gardenworld.com\tHQ\tGardenWorld',
  王小明: '王小明\t王小明\txiaoming@gardenworld.com\tHQ\tGardenWorld',
  LockedLou: 'LockedLou\tLockedLou\tlou@gardenworld.com\t\tGardenWorld',
  ExpiredEve: 'ExpiredEve\tExpiredEve\teve@gardenworld.com\t\tGardenWorld',
  StaleSam: 'StaleSam\tStaleSam\tsam@gardenworld.com\t\tGardenWorld',
  NoResetNina: 'NoResetNina\tNoResetNina\tnina@gardenworld.com\t\tGardenWorld',
  PlainPete: 'PlainPete\tPlainPete\tpete@gardenworld.com\t\tGardenWorld',
  NoPassNed: 'NoPassNed\tNoPassNed\t\t\tGardenWorld',
  llopez: 'llopez\tLena López\tlena@gardenworld.com\t\tGardenWorld',
  'Bob Bauer': 'Bob Bauer\tBob Bauer\tbob@gardenworld.com\t\tGardenWorld',
  FreshAdmin: 'FreshAdmin\tFreshAdmin\tadmin@freshfoods.example\tHead Office\tFresh Foods',
  'Ana Müller': 'Ana Müller\tAna Müller\tana@freshfoods.example\tLager Süd\tFresh Foods',
};
const ALL_USERS = Object.values(USER).join('\n') + '\n';

/** Left out of papercut_users, with the reason. */
const NOT_USERS: [why: string, user: string][] = [
  ['the System user (System tenant)', 'System'],
  ['SuperUser (System tenant), though it holds GardenWorld roles', 'SuperUser'],
  ['an inactive user who still holds a role', 'Ian Inactive'],
  ['a business partner contact without a role', 'Carl Contact'],
  ['a user whose only role assignment is inactive', 'RevokedRita'],
  ['a user whose only role is inactive', 'Ray'],
  ["GardenWorld's Pat: Fresh Foods has a PAT", 'Pat'],
  ["Fresh Foods' PAT: GardenWorld has a Pat", 'PAT'],
  ['a user of an inactive tenant', 'OldBoss'],
  ['a name that is not the login: Lena logs in with her LDAPUser', 'Lena López'],
];

/** Active roles of active tenants but System, in code-point order; 'Print Room' is both tenants' name. */
const ALL_GROUPS = [
  'Cashier',
  'Fresh Foods Admin',
  'GardenWorld Admin',
  'GardenWorld User',
  'Kitchen Staff',
  'Print Operator',
  'Print Room [Fresh Foods]',
  'Print Room [GardenWorld]',
  'Records',
  'Warehouse',
  '倉庫スタッフ',
];

/** Effective members (held roles and the roles they include, however deep), in code-unit order. */
const MEMBERS: Record<string, string[]> = {
  Cashier: ['Ana Müller'], // Kitchen Staff and Cashier include each other
  'Fresh Foods Admin': ['FreshAdmin'],
  'GardenWorld Admin': ['GardenAdmin'],
  'GardenWorld User': [
    'Bob Bauer',
    'ExpiredEve',
    'GardenUser',
    'LockedLou',
    'NoPassNed',
    'NoResetNina',
    'PlainPete',
    'StaleSam',
    'Zoë Ångström',
    'llopez',
    '王小明',
  ],
  'Kitchen Staff': ['Ana Müller'],
  'Print Operator': ['GardenAdmin', 'JSmith', 'Zoë Ångström'], // GardenWorld Admin > Print Room > Print Operator
  'Print Room [Fresh Foods]': ['FreshAdmin'],
  'Print Room [GardenWorld]': ['GardenAdmin', 'JSmith'],
  Records: [], // only through the inactive Archive Reader
  Warehouse: [], // only through an inactive inclusion
  倉庫スタッフ: ['Ana Müller'],
};

const IN_GROUP: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Print Operator', 'GardenAdmin', 'Y'],
  ['print operator', 'JSMITH', 'Y'],
  ['Records', 'GardenUser', 'N'],
  ['Warehouse', 'GardenUser', 'N'],
  ['Cashier', 'Ana Müller', 'Y'],
  ['GardenWorld User', 'Ian Inactive', 'N'],
  ['GardenWorld User', 'RevokedRita', 'N'],
  ['GardenWorld Admin', 'SuperUser', 'N'],
  ['Print Room [GardenWorld]', 'Pat', 'N'],
];

/** A right password for each user who may log in to iDempiere 11 (classic SHA-512, 1000 more rounds). */
const LOGINS_11: [why: string, user: string, password: string][] = [
  ['the GardenWorld admin', 'GardenAdmin', 'GardenAdmin'],
  ['a user with an organization', 'GardenUser', 'GardenUser'],
  ['a mixed-case login and a spaced password', 'JSmith', 'correct horse battery staple'],
  ['an accented login with a space', 'Zoë Ångström', 'Zoë-pässwort'],
  ['a CJK login', '王小明', '王小明-pw'],
  ['an LDAPUser login while no directory is configured', 'llopez', 'lena-local'],
  ['an old password of a user exempt from password ageing', 'NoResetNina', 'Nina-pw-2012'],
  ['the second tenant', 'FreshAdmin', 'Fresh-Admin-1'],
  ['the second tenant, unicode', 'Ana Müller', 'Ana-Müller-1'],
];

/** Logins that fail whatever BRIDGE_ALLOW_WEAK_HASHES says. */
const REFUSED_11: [why: string, user: string, password: string][] = [
  ['a wrong password', 'GardenAdmin', 'gardenadmin'],
  ['a locked user', 'LockedLou', 'Locked-pw'],
  ['an expired password', 'ExpiredEve', 'Expired-pw'],
  ['a password older than USER_LOCKING_MAX_PASSWORD_AGE_DAY', 'StaleSam', 'Stale-pw'],
  ['a plain-text row while hashing is on', 'PlainPete', 'plain-pw'],
  ['a user without a password', 'NoPassNed', 'anything'],
  ['an inactive user', 'Ian Inactive', 'ian-pw'],
  ['a user without a role', 'Carl Contact', 'carl-pw'],
  ['a revoked role', 'RevokedRita', 'rita-pw'],
  ['an inactive role', 'Ray', 'ray-pw'],
  ['a login two tenants share (1)', 'Pat', 'pat-garden'],
  ['a login two tenants share (2)', 'PAT', 'pat-fresh'],
  ['an inactive tenant', 'OldBoss', 'boss-pw'],
  ['SuperUser', 'SuperUser', 'System'],
  ['System', 'System', 'System'],
  ['a name that is not the login', 'Lena López', 'lena-local'],
];

/** iDempiere 12: each row's PasswordHashAlgorithm. */
const LOGINS_12: [rule: string, user: string, password: string][] = [
  ['NULL: the classic rule of rows kept from iDempiere 11', 'GardenAdmin', 'GardenAdmin'],
  ['SHA-512 (310000 more rounds)', 'GardenUser', 'GardenUser'],
  ['PBKDF2', 'JSmith', 'correct horse battery staple'],
  ['Argon2', 'Zoë Ångström', 'Zoë-pässwort'],
  ["'argon2' in lower case", '王小明', '王小明-pw'],
  ['PBKDF2, second tenant', 'FreshAdmin', 'Fresh-Admin-1'],
  ['Argon2, second tenant', 'Ana Müller', 'Ana-Müller-1'],
  ['NULL, a password exempt from ageing', 'NoResetNina', 'Nina-pw-2012'],
];
const REFUSED_12: [why: string, user: string, password: string][] = [
  ['a wrong SHA-512 password', 'GardenUser', 'Gardenuser'],
  ['a wrong PBKDF2 password', 'JSmith', 'correct horse battery stapler'],
  ['a wrong Argon2 password', 'Zoë Ångström', 'Zoe-passwort'],
  ['a locked user (SHA-512)', 'LockedLou', 'Locked-pw'],
  ['an expired password (PBKDF2)', 'ExpiredEve', 'Expired-pw'],
  ['an LDAPUser while AD_System names a directory', 'llopez', 'lena-local'],
  ["an algorithm iDempiere does not know ('bcrypt')", 'Bob Bauer', 'bob-pw'],
];
/** papercut_credentials of iDempiere 12, by login: scheme and salt length (hex digits). */
const CREDENTIALS_12: Record<string, [scheme: string, saltDigits: number]> = {
  GardenAdmin: ['idempiere', 16],
  GardenUser: ['idempiere-sha512', 32],
  JSmith: ['idempiere-pbkdf2', 32],
  'Zoë Ångström': ['idempiere-argon2', 32],
  王小明: ['idempiere-argon2', 32],
  NoResetNina: ['idempiere', 16],
  FreshAdmin: ['idempiere-pbkdf2', 32],
  'Ana Müller': ['idempiere-argon2', 32],
};

// ---- Helpers -------------------------------------------------------------------------

const fixture = (...files: string[]) => [...files.map((file) => join(FIXTURE, file)), join(FIXTURE, 'dba-indexes.sql')];
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

async function expectLogin(call: Call, user: string, password: string, answer: string, env = {}) {
  expect(stdoutAndStatus(await call([], login(user, password), env)), `${user} / ${password}`).toEqual({
    stdout: answer,
    status: 0,
  });
}

// ---- The checks ----------------------------------------------------------------------

forEachDialect(['pg'], (dialect) => {
  describe('iDempiere 11, default options', () => {
    const db = usePackDatabase('idempiere', dialect, { fixture: fixture('idempiere11.sql') });

    it('is valid and lists every user who can log in, once', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
    });

    it("gives one user's details, whatever the case of the name asked for", async () => {
      for (const [asked, line] of [
        ['JSmith', USER.JSmith],
        ['jsmith', USER.JSmith],
        ['ZOË ÅNGSTRÖM', USER['Zoë Ångström']],
        ['王小明', USER.王小明],
        ['LLOPEZ', USER.llopez],
        ['ana müller', USER['Ana Müller']],
        ['NoPassNed', USER.NoPassNed],
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

    it('lists the active roles of active tenants, under names that never collide', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ALL_GROUPS), status: 0 });
      for (const group of ['Print Room', 'Archive Reader', 'System Administrator', 'Old Ventures Admin']) {
        expectFailure(await db.call(['-', 'group-member-names', group]), 67, /is not in papercut_groups/);
      }
    });

    it("lists each role's effective members, included roles expanded", async () => {
      await expectMembers(db.call, MEMBERS);
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Print Operator']))).toEqual({
        stdout: `${USER.GardenAdmin}\n${USER.JSmith}\n${USER['Zoë Ångström']}\n`,
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

    it.each(LOGINS_11)('logs in %s', async (_why, user, password) => {
      await expectLogin(db.call, user, password, `OK\n${user}\n`);
    });

    it('logs in the name whatever its case, answering with the stored spelling', async () => {
      await expectLogin(db.call, 'gardenadmin', 'GardenAdmin', 'OK\nGardenAdmin\n');
      await expectLogin(db.call, 'ZOË ÅNGSTRÖM', 'Zoë-pässwort', 'OK\nZoë Ångström\n');
    });

    it.each(REFUSED_11)('refuses %s', async (_why, user, password) => {
      for (const env of [{}, WEAK]) await expectLogin(db.call, user, password, 'ERROR\n', env);
    });

    it('is named by doctor, which finds no error', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack idempiere 1\.0\.0 \(migration \d+_papercut_views; login=name, tenant=\(empty\), system_users=no\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(result.status).toBe(0);
    });

    it("looks a user up through the README's index on the login", async () => {
      // The doctor's own plan check reads this tiny fixture's plans, which a
      // planner may answer with whole-table reads; the plan of a lookup must
      // still reach the login through the expression index.
      const knex = db.database().connect();
      try {
        const plan = await knex.transaction(async (trx) => {
          await trx.raw('set local enable_seqscan = off');
          const result = await trx.raw(
            "explain select * from papercut_users where lower(username) = any(array['jsmith', 'jsmith '])",
          );
          return (result.rows as Record<string, string>[]).map((row) => row['QUERY PLAN']).join('\n');
        });
        expect(plan).toMatch(/Index Scan using ad_user_login_lower on ad_user u\b/);
        expect(plan).toMatch(/Index Scan using ad_user_login_lower on ad_user d\b/);
      } finally {
        await knex.destroy();
      }
    });
  });

  describe('iDempiere 11 with tenant=11 and system_users=yes', () => {
    const db = usePackDatabase('idempiere', dialect, {
      fixture: fixture('idempiere11.sql'),
      options: ['tenant=11', 'system_users=yes'],
    });
    const GARDEN = Object.entries(USER).filter(([, line]) => line.endsWith('\tGardenWorld'));

    it("lists GardenWorld's users, its Pat now alone, and the System tenant's", async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(
        all.stdout,
        [
          ...GARDEN.map(([, line]) => line),
          'Pat\tPat\tpat@gardenworld.com\t\tGardenWorld',
          'System\tSystem\t\t\tSystem',
          'SuperUser\tSuperUser\t\t\tSystem',
        ].join('\n') + '\n',
      );
    });

    it("lists GardenWorld's roles under their own names, and System Administrator", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({
        stdout: lines([
          'GardenWorld Admin',
          'GardenWorld User',
          'Print Operator',
          'Print Room',
          'Records',
          'System Administrator',
          'Warehouse',
        ]),
        status: 0,
      });
      await expectMembers(db.call, {
        'System Administrator': ['SuperUser', 'System'],
        'GardenWorld Admin': ['GardenAdmin', 'SuperUser'],
        'Print Room': ['GardenAdmin', 'JSmith', 'Pat', 'SuperUser'],
        'Print Operator': ['GardenAdmin', 'JSmith', 'Pat', 'SuperUser', 'Zoë Ångström'],
      });
      expectFailure(await db.call(['-', 'group-member-names', 'Cashier']), 67, /is not in papercut_groups/);
    });

    it('logs in the system users and Pat; not the other tenant', async () => {
      await expectLogin(db.call, 'SuperUser', 'System', 'OK\nSuperUser\n');
      await expectLogin(db.call, 'system', 'System', 'OK\nSystem\n');
      await expectLogin(db.call, 'Pat', 'pat-garden', 'OK\nPat\n');
      await expectLogin(db.call, 'FreshAdmin', 'Fresh-Admin-1', 'ERROR\n');
    });
  });

  describe('iDempiere 11 with login=email', () => {
    const db = usePackDatabase('idempiere', dialect, { fixture: fixture('idempiere11.sql'), options: ['login=email'] });
    const byEmail = (line: string) => {
      const [, name, email, ...rest] = line.split('\t');
      return [email, name, email, ...rest].join('\t');
    };

    it('lists users by email: both Pats now, nobody without an email', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      const withEmail = Object.values(USER).filter((line) => line.split('\t')[2] !== '');
      expectSameLines(
        all.stdout,
        [
          ...withEmail.map(byEmail),
          'pat@gardenworld.com\tPat\tpat@gardenworld.com\t\tGardenWorld',
          'pat@freshfoods.example\tPAT\tpat@freshfoods.example\tLager Süd\tFresh Foods',
        ].join('\n') + '\n',
      );
      await expectMembers(db.call, { Cashier: ['ana@freshfoods.example', 'pat@freshfoods.example'] });
    });

    it('logs in by email, answering with the stored spelling', async () => {
      await expectLogin(
        db.call,
        'john.smith@gardenworld.com',
        'correct horse battery staple',
        'OK\nJohn.Smith@GardenWorld.com\n',
      );
      await expectLogin(db.call, 'pat@freshfoods.example', 'pat-fresh', 'OK\npat@freshfoods.example\n');
      await expectLogin(db.call, 'GardenAdmin', 'GardenAdmin', 'ERROR\n');
    });
  });

  describe('iDempiere 12: a hash rule per row', () => {
    const db = usePackDatabase('idempiere', dialect, { fixture: fixture('idempiere12.sql') });

    it('lists the same users and roles', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ALL_GROUPS), status: 0 });
    });

    it("names each row's rule in papercut_credentials", async () => {
      const knex = db.database().connect();
      try {
        const rows: { username: string; password_salt: string; password_scheme: string }[] = await knex(
          'papercut_credentials',
        ).select('username', 'password_salt', 'password_scheme');
        expect(
          Object.fromEntries(rows.map((row) => [row.username, [row.password_scheme, row.password_salt.length]])),
        ).toEqual(CREDENTIALS_12);
      } finally {
        await knex.destroy();
      }
    });

    it.each(LOGINS_12)('logs in %s', async (_rule, user, password) => {
      await expectLogin(db.call, user, password, `OK\n${user}\n`);
    });

    it.each(REFUSED_12)('refuses %s', async (_why, user, password) => {
      await expectLogin(db.call, user, password, 'ERROR\n');
    });
  });

  describe('iDempiere 11 that never turned hashing on (USER_PASSWORD_HASH=N)', () => {
    const db = usePackDatabase('idempiere', dialect, {
      fixture: fixture('idempiere11.sql', 'plain-passwords.sql'),
    });

    it('gives the plain-text row as plaintext, and no row that holds a hash', async () => {
      const knex = db.database().connect();
      try {
        expect(await knex('papercut_credentials').select()).toEqual([
          { username: 'PlainPete', password_hash: 'plain-pw', password_salt: null, password_scheme: 'plaintext' },
        ]);
      } finally {
        await knex.destroy();
      }
    });

    it('refuses the plain-text password unless weak hashes are allowed', async () => {
      await expectLogin(db.call, 'PlainPete', 'plain-pw', 'ERROR\n');
      await expectLogin(db.call, 'PlainPete', 'plain-pw', 'OK\nPlainPete\n', WEAK);
      await expectLogin(db.call, 'PlainPete', 'Plain-pw', 'ERROR\n', WEAK);
      await expectLogin(db.call, 'GardenAdmin', 'GardenAdmin', 'ERROR\n', WEAK);
    });
  });

  describe('a database of another version', () => {
    // No AD_User.IsExpired: older than iDempiere 1.0, which no covered version is.
    const db = usePackDatabase('idempiere', dialect, {
      apply: false,
      fixture: [join(FIXTURE, 'idempiere11.sql')],
      statements: ['ALTER TABLE ad_user DROP COLUMN isexpired'],
    });

    it('makes migrate latest fail, naming what is missing, and leaves the migration pending', async () => {
      await expectNotCovered(db, 'idempiere', { lacks: 'ad_user.isexpired', covers: COVERS });
    });
  });
});
