// The django pack on the tables Django 3.2 made itself (test/fixtures/packs/django,
// see its README): every PaperCut call and login through the built program,
// compared with answers written out by hand from the fixture's rows.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import type { Dialect } from '../../bridge/db/dialect';
import { expectFailure, expectSameLines } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'django');
const COVERS = 'Django 3.2 to 5.2';

// ---- Stock django.contrib.auth (<dialect>/auth.sql) --------------------------------

/** The user line of each active user of auth_user: get_full_name() and email. */
const USER = {
  admin: 'admin\t\tadmin@example.com',
  jsmith: 'jsmith\tJohn Smith\tjsmith@example.com',
  MBrown: 'MBrown\tMary Brown\tmary.brown@example.com',
  renée: 'renée\tRenée Lefèvre\trenee@example.fr',
  'wang.fang': 'wang.fang\t王芳\twang.fang@example.cn',
  tanaka: 'tanaka\t田中\ttanaka@example.jp',
  olga: 'olga\tОльга Иванова\tolga@example.com',
  pmartin: 'pmartin\tPierre Martin',
  kweber: 'kweber\tKlaus Weber',
  lrossi: 'lrossi\tLuca Rossi',
  anovak: 'anovak\tAna Novak',
  hmueller: 'hmueller\tHans Müller',
  'svc-backup': 'svc-backup',
  kiosk: 'kiosk\tFront Desk',
};
// Left out: pold (is_active false), and mbrown, who loses to MBrown (the
// spelling that sorts first) on PostgreSQL and SQLite, and whom MySQL's
// case-insensitive unique index kept Django from creating at all.
const ALL_USERS = Object.values(USER).join('\n') + '\n';

const ALL_GROUPS = 'Staff\nFinance\nFront Office\nComptabilité\nUnused\n';

/** Each group's active members (auth_user_groups), in code-unit order. pold
 * holds Staff and Finance, and mbrown Staff: neither is a member. */
const MEMBERS: Record<string, string[]> = {
  Staff: ['anovak', 'hmueller', 'jsmith', 'kweber', 'lrossi', 'olga', 'renée', 'wang.fang'],
  Finance: ['MBrown', 'jsmith'],
  'Front Office': ['jsmith', 'kiosk', 'svc-backup', 'tanaka'],
  Comptabilité: ['pmartin', 'renée'],
  Unused: [],
};

/** is-user-in-group GROUP USER. */
const IN_GROUP: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Staff', 'jsmith', 'Y'],
  ['front office', 'svc-backup', 'Y'],
  ['Comptabilité', 'renée', 'Y'],
  ['Finance', 'pold', 'N'], // inactive
  ['Finance', 'mbrown', 'Y'], // MBrown's membership
  ['Staff', 'mbrown', 'N'], // mbrown's own is never used
  ['Unused', 'jsmith', 'N'],
];

/** A right password for each hasher that writes a strong hash (populate.py). */
const STRONG_LOGINS: [hasher: string, user: string, password: string][] = [
  ['PBKDF2 (default; createsuperuser)', 'admin', 'Adm1n-pass!'],
  ['PBKDF2', 'jsmith', 'smith-pbkdf2'],
  ['PBKDF2SHA1', 'MBrown', 'mary-pbkdf2-sha1'],
  ['Argon2', 'renée', 'mot-de-passe-été'],
  ['BCryptSHA256', 'wang.fang', '密码-bcrypt-sha256'],
  ['BCrypt', 'tanaka', 'tanaka-bcrypt'],
];

/** The old hashers: refused unless BRIDGE_ALLOW_WEAK_HASHES=1. */
const WEAK_LOGINS: [hasher: string, user: string, password: string][] = [
  ['SHA1 (sha1$salt$hex)', 'olga', 'olga-sha1'],
  ['MD5 (md5$salt$hex)', 'pmartin', 'pierre-md5'],
  ['UnsaltedSHA1 (sha1$$hex)', 'kweber', 'klaus-unsalted-sha1'],
  ['UnsaltedMD5 (bare hex, scheme md5)', 'lrossi', 'luca-unsalted-md5'],
  ['UnsaltedMD5 (md5$$hex)', 'anovak', 'ana-md5-empty-salt'],
  ['Crypt (crypt$$ and a DES crypt)', 'hmueller', 'hansdes8'],
];

/** Logins that fail whatever the setting. */
const REFUSED_LOGINS: [why: string, user: string, password: string][] = [
  ['a wrong password', 'jsmith', 'smith-pbkdf3'],
  ['an inactive user', 'pold', 'old-pbkdf2'],
  ['the spelling that loses a case collision', 'mbrown', 'mike-pbkdf2'],
  ['an unusable password (set_unusable_password)', 'svc-backup', '!'],
  ['an empty password column', 'kiosk', 'x'],
];

/** Users who may log in with a password: active, usable, non-empty (papercut_credentials). */
const CREDENTIALS = [
  'admin',
  'jsmith',
  'MBrown',
  'mbrown',
  'renée',
  'wang.fang',
  'tanaka',
  'olga',
  'pmartin',
  'kweber',
  'lrossi',
  'anovak',
  'hmueller',
];

// ---- A custom user model (<dialect>/accounts.sql: AUTH_USER_MODEL = accounts.Employee) --

const CUSTOM_OPTIONS = ['user_table=accounts_employee', 'user_column=employee_id'];
const CUSTOM_USER = {
  'a.martin': 'a.martin\tAlice Martin\ta.martin@example.com',
  'B.Okafor': 'B.Okafor\tBola Okafor\tb.okafor@example.com',
  'd.nguyen': 'd.nguyen\tĐức Nguyễn',
};
// c.dupont is inactive.
const CUSTOM_MEMBERS: Record<string, string[]> = {
  Accounting: ['B.Okafor', 'a.martin'],
  Dispatch: ['B.Okafor'],
  Managers: [],
};
/** With the profile table added as packs/django/README.md shows (accounts_profile). */
const PROFILE_USER = {
  'a.martin': 'a.martin\tAlice Martin\ta.martin@example.com\tAccounting\t\t000417',
  'B.Okafor': 'B.Okafor\tBola Okafor\tb.okafor@example.com\tDispatch & Transport\t\t7781',
  'd.nguyen': 'd.nguyen\tĐức Nguyễn', // no profile row
};

// ---- Helpers ---------------------------------------------------------------------------

const fixture = (dialect: Dialect, file: string) => join(FIXTURE, dialect, file);
/** The fixture and the index packs/django/README.md advises (MySQL needs none). */
const stockFixture = (dialect: Dialect) =>
  dialect === 'mysql'
    ? [fixture(dialect, 'auth.sql')]
    : [fixture(dialect, 'auth.sql'), fixture(dialect, 'indexes.sql')];

/** The README's edit for a profile table, applied to the papercut_users statement of a migration. */
function addProfile(migration: string): string {
  const start = migration.indexOf('`CREATE VIEW papercut_users AS');
  const end = migration.indexOf('`,', start);
  const users = migration
    .slice(start, end)
    .replace('  NULL AS department,', '  p.department AS department,')
    .replace('  NULL AS card_number,', '  p.card_number AS card_number,')
    .replace(
      '\nFROM accounts_employee u\n',
      '\nFROM accounts_employee u\nLEFT JOIN accounts_profile p ON p.user_id = u.id\n',
    );
  return (migration.slice(0, start) + users + migration.slice(end)).replace(
    'const REQUIRES = {\n',
    'const REQUIRES = {\n  "accounts_profile": ["user_id", "card_number", "department"],\n',
  );
}

// ---- The checks ----------------------------------------------------------------------

// SQL Server's views are read, not run, here (test/unit/pack-files.test.ts).
forEachDialect(['sqlite', 'pg', 'mysql'], (dialect) => {
  describe('stock django.contrib.auth', () => {
    const db = usePackDatabase('django', dialect, { fixture: stockFixture(dialect) });

    it('is valid and lists every active user once, with get_full_name() and email', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
    });

    it('lists every group, members or not', async () => {
      const groups = await db.call(['-', 'all-groups']);
      expect(groups.status).toBe(0);
      expectSameLines(groups.stdout, ALL_GROUPS);
    });

    it("gives one user's details, whatever the case of the name asked for", async () => {
      for (const [asked, line] of [
        ['jsmith', USER.jsmith],
        ['JSMITH', USER.jsmith],
        ['mbrown', USER.MBrown],
        ['renée', USER.renée],
        ['wang.fang', USER['wang.fang']],
        ['tanaka', USER.tanaka],
        ['svc-backup', USER['svc-backup']],
      ] as const) {
        expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], `${asked}\n`)), asked).toEqual({
          stdout: `${line}\n`,
          status: 0,
        });
      }
      expectFailure(await db.call(['-', 'get-user-details'], 'pold\n'), 67, /pold/);
    });

    it("lists each group's active members", async () => {
      for (const [group, members] of Object.entries(MEMBERS)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Finance']))).toEqual({
        stdout: `${USER.MBrown}\n${USER.jsmith}\n`,
        status: 0,
      });
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Comptabilité']))).toEqual({
        stdout: `${USER.pmartin}\n${USER.renée}\n`,
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

    it.each(STRONG_LOGINS)('logs in a %s hash', async (_hasher, user, password) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({ stdout: `OK\n${user}\n`, status: 0 });
    });

    it('logs in the lower-cased name PaperCut sends, answering with the stored spelling', async () => {
      expect(stdoutAndStatus(await db.call([], login('mbrown', 'mary-pbkdf2-sha1')))).toEqual({
        stdout: 'OK\nMBrown\n',
        status: 0,
      });
    });

    it.each(WEAK_LOGINS)('refuses a %s hash unless weak hashes are allowed', async (_hasher, user, password) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(stdoutAndStatus(await db.call([], login(user, password), { BRIDGE_ALLOW_WEAK_HASHES: '1' }))).toEqual({
        stdout: `OK\n${user}\n`,
        status: 0,
      });
      expect(
        stdoutAndStatus(await db.call([], login(user, `x${password}`), { BRIDGE_ALLOW_WEAK_HASHES: '1' })),
      ).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });

    it.each(REFUSED_LOGINS)('refuses %s', async (_why, user, password) => {
      for (const env of [{}, { BRIDGE_ALLOW_WEAK_HASHES: '1' }] as Record<string, string>[]) {
        expect(stdoutAndStatus(await db.call([], login(user, password), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('gives credentials only to active users with a usable, non-empty password', async () => {
      const knex = db.database().connect();
      try {
        const rows: { username: string; password_scheme: string | null }[] = await knex('papercut_credentials').select(
          'username',
          'password_scheme',
        );
        const expected = dialect === 'mysql' ? CREDENTIALS.filter((name) => name !== 'mbrown') : CREDENTIALS;
        expect(rows.map((row) => row.username).sort()).toEqual([...expected].sort());
        // Only the bare-hex unsalted MD5 is named; every other form is recognised by the bridge.
        expect(rows.filter((row) => row.password_scheme !== null)).toEqual([
          { username: 'lrossi', password_scheme: 'md5' },
        ]);
      } finally {
        await knex.destroy();
      }
    });

    it('is named by doctor, whose only errors are the case collision the fixture holds on purpose', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      const check = (name: string) => findings.find((item) => item.check === name);
      expect(check('views.mapping')?.message).toMatch(
        /^the views come from pack django 1\.0\.0 \(migration \d+_papercut_views; user_table=auth_user, user_column=user_id\)$/,
      );
      const errors = findings.filter((item) => item.level === 'error');
      if (dialect === 'mysql') {
        expect(errors).toEqual([]);
        expect(result.status).toBe(0);
      } else {
        expect(errors.map(({ check, examples }) => ({ check, examples }))).toEqual([
          { check: 'data.usernames.collisions', examples: ['MBrown', 'mbrown'] },
        ]);
        expect(result.status).toBe(1);
      }
      // The README's indexes make every lookup an index search.
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
      expect(check('credentials.unrecognised')?.level).toBe('ok');
      expect(check('credentials.weak')).toMatchObject({ level: 'warning', count: 6 });
    });
  });

  describe('a database of another version', () => {
    // A user table without is_active: no Django version the pack covers.
    const db = usePackDatabase('django', dialect, {
      apply: false,
      fixture: [fixture(dialect, 'auth.sql')],
      statements: ['ALTER TABLE auth_user DROP COLUMN is_active'],
    });

    it('makes migrate latest fail, naming what is missing, and leaves the migration pending', async () => {
      await expectNotCovered(db, 'django', { lacks: 'auth_user.is_active', covers: COVERS });
    });
  });

  describe('a custom user model (options user_table and user_column)', () => {
    const db = usePackDatabase('django', dialect, {
      fixture: [fixture(dialect, 'accounts.sql')],
      options: CUSTOM_OPTIONS,
    });

    it('reads the custom table and its groups table', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, Object.values(CUSTOM_USER).join('\n') + '\n');
      expectSameLines((await db.call(['-', 'all-groups'])).stdout, 'Accounting\nDispatch\nManagers\n');
      for (const [group, members] of Object.entries(CUSTOM_MEMBERS)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect((await db.call(['-', 'is-user-in-group', 'Dispatch', 'c.dupont'])).stdout).toBe('N\n');
      expect((await db.call(['-', 'is-user-in-group', 'accounting', 'b.okafor'])).stdout).toBe('Y\n');
    });

    it('logs its users in', async () => {
      expect(stdoutAndStatus(await db.call([], login('b.okafor', 'bola-argon2')))).toEqual({
        stdout: 'OK\nB.Okafor\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('d.nguyen', 'duc-bcrypt-sha256')))).toEqual({
        stdout: 'OK\nd.nguyen\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('c.dupont', 'claire-pbkdf2')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });
  });

  describe("a custom user model without the pack's options", () => {
    const db = usePackDatabase('django', dialect, { apply: false, fixture: [fixture(dialect, 'accounts.sql')] });

    it('names the stock tables it cannot find', async () => {
      await expectNotCovered(db, 'django', { lacks: 'auth_user, auth_user_groups', covers: COVERS });
    });
  });

  describe('a custom user model named other than User, without user_column', () => {
    const db = usePackDatabase('django', dialect, { apply: false, fixture: [fixture(dialect, 'accounts.sql')] });

    it('names the user column its groups table lacks', async () => {
      await expectNotCovered(db, 'django', {
        lacks: 'accounts_employee_groups.user_id',
        covers: COVERS,
        options: ['user_table=accounts_employee'],
      });
    });
  });

  describe('a profile table added by editing the migration, as the README shows', () => {
    const db = usePackDatabase('django', dialect, { apply: false, fixture: [fixture(dialect, 'accounts.sql')] });

    beforeAll(async () => {
      const made = await db.call([
        'migrate',
        'make',
        'papercut_views',
        '--pack',
        'django',
        ...CUSTOM_OPTIONS.flatMap((o) => ['--option', o]),
      ]);
      expect(made.status).toBe(0);
      const file = join(db.mapping, readdirSync(db.mapping)[0]!);
      const edited = addProfile(readFileSync(file, 'utf8'));
      expect(edited).toContain('LEFT JOIN accounts_profile p ON p.user_id = u.id');
      writeFileSync(file, edited);
      const latest = await db.call(['migrate', 'latest']);
      expect(latest.stderr).toBe('');
      expect(latest.status).toBe(0);
    });

    it('gives each user the card number and department of their profile', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, Object.values(PROFILE_USER).join('\n') + '\n');
      for (const [name, line] of Object.entries(PROFILE_USER)) {
        expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], `${name.toLowerCase()}\n`)), name).toEqual({
          stdout: `${line}\n`,
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Dispatch']))).toEqual({
        stdout: `${PROFILE_USER['B.Okafor']}\n`,
        status: 0,
      });
    });
  });
});
