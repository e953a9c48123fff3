// The moodle pack on two sites whose tables follow Moodle's own install.xml
// (test/fixtures/packs/moodle, see its README): a Moodle 4.5 site and a Moodle
// 4.1 site with another table prefix. Every PaperCut call and login through
// the built program, compared with answers written out by hand from the rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import type { Dialect } from '../../bridge/db/dialect';
import { expectFailure, expectSameLines, scratchDir } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'moodle');
const COVERS = 'Moodle 4.0 to 5.0';

// ---- Site A: Moodle 4.5, prefix mdl_ (<dialect>/moodle45.sql) ------------------------

/** The user line of each user who can log in to Moodle: first and last name,
 * email, department, institution as office. */
const USER = {
  admin: 'admin\tAdmin User\tadmin@north-high.example\tIT Services\tNorth High School',
  alice: 'alice\tAlice Martin\talice.martin@north-high.example\tScience\tNorth High School',
  bob: 'bob\tBob Nguyen\tbob.nguyen@north-high.example\t\tNorth High School',
  zoë: 'zoë\tZoë Ångström\tzoe.angstrom@north-high.example\t\tNorth High School',
  'wang.xm': 'wang.xm\t小明 王\twang.xm@north-high.example\t\tNorth High School',
  grace: 'grace\tGrace Hopper\tgrace.hopper@mail.example',
  henry: 'henry\tHenry Dubois\thenry.dubois@north-high.example\tHistory\tSouth Campus',
  ws_sis: 'ws_sis\tSIS Integration\tnoreply@north-high.example',
  ivan: 'ivan\tIvan Petrov\tivan.petrov@north-high.example\tPhysics\tNorth High School',
  judy: 'judy\tJudy Kim\tjudy.kim@north-high.example\t\tNorth High School',
};
const ALL_USERS = Object.values(USER).join('\n') + '\n';

/** Left out of papercut_users, with the reason. */
const NOT_USERS: [why: string, user: string][] = [
  ['the guest account', 'guest'],
  ['a deleted user (username rewritten by delete_user)', 'carl.jones@north-high.example.1714953600'],
  ['a suspended user', 'dave'],
  ["an 'nologin' user", 'erin'],
  ['an unconfirmed self-registered user', 'frank'],
];

/** Cohorts only (course_groups=no), in code-point order. The two 'Year 10'
 * cohorts get their ID number, or '[cohort <id>]' when they have none. */
const ALL_GROUPS = [
  'Exam invigilators',
  'Library',
  'MATH10 / Group A',
  'Staff',
  'Year 10 [Y10]',
  'Year 10 [cohort 3]',
  'Élèves internationaux',
];

/** Each cohort's members who can log in, in code-point order. Staff also
 * holds dave (suspended) and erin (nologin); Library the MNet peer's alice. */
const MEMBERS: Record<string, string[]> = {
  'Exam invigilators': ['alice', 'ivan'],
  Library: ['grace'],
  'MATH10 / Group A': ['bob'],
  Staff: ['admin', 'alice', 'henry'],
  'Year 10 [Y10]': ['bob', 'wang.xm', 'zoë'],
  'Year 10 [cohort 3]': ['bob', 'judy'],
  'Élèves internationaux': ['wang.xm', 'zoë'],
};

/** is-user-in-group GROUP USER. */
const IN_GROUP: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Staff', 'alice', 'Y'],
  ['staff', 'HENRY', 'Y'],
  ['Staff', 'dave', 'N'], // suspended
  ['Staff', 'erin', 'N'], // nologin
  ['Library', 'grace', 'Y'],
  ['Library', 'alice', 'N'], // the member is the MNet peer's alice, not ours
  ['Year 10 [cohort 3]', 'judy', 'Y'],
  ['Year 10 [Y10]', 'judy', 'N'],
  ['Exam invigilators', 'ivan', 'Y'], // a hidden cohort
];

/** With course_groups=yes: course groups too. The cohort named like
 * MATH10's Group A and that group now share a name: both get a suffix. */
const ALL_GROUPS_WITH_COURSES = [
  'Exam invigilators',
  'Library',
  'MATH10 / Group A [M10A-COH]',
  'MATH10 / Group A [group 1]',
  'MATH10 / Group B',
  'SCI10 / Group A',
  'Staff',
  'Year 10 [Y10]',
  'Year 10 [cohort 3]',
  'Élèves internationaux',
];
const COURSE_MEMBERS: Record<string, string[]> = {
  'MATH10 / Group A [M10A-COH]': ['bob'],
  'MATH10 / Group A [group 1]': ['bob'], // and dave, suspended
  'MATH10 / Group B': [],
  'SCI10 / Group A': ['wang.xm', 'zoë'], // and the MNet peer's alice
};

/** A right password for each hash Moodle writes (generate.php). */
const LOGINS: [hash: string, user: string, password: string][] = [
  ['SHA-512 crypt, 10000 rounds (Moodle 4.3+)', 'alice', 'Alice-2024'],
  ['SHA-512 crypt of the admin', 'admin', 'Adm1n!north'],
  ['SHA-512 crypt, 5000 rounds (fast hash of a bulk upload)', 'wang.xm', '王小明-pw'],
  ['SHA-512 crypt, accented username and password', 'zoë', 'Zoë-pässwort'],
  ['bcrypt $2y$ (Moodle 2.5 to 4.2)', 'bob', 'bob-bcrypt-7'],
  ["SHA-512 crypt of an 'email' (self-registered) user", 'grace', 'Grace-pw!'],
];

/** Logins that fail whatever BRIDGE_ALLOW_WEAK_HASHES says. */
const REFUSED: [why: string, user: string, password: string][] = [
  ['a wrong password', 'alice', 'Alice-2025'],
  ["the MNet peer's alice's password", 'alice', 'remote-pw'],
  ['a suspended user', 'dave', 'dave-pw'],
  ["a 'nologin' user", 'erin', 'erin-pw'],
  ['an unconfirmed user', 'frank', 'frank-pw'],
  ['the guest account', 'guest', 'guest'],
  ["an LDAP user ('not cached')", 'henry', 'not cached'],
  ['a web service account', 'ws_sis', 'ws-secret'],
  ["an account whose password is 'to be created'", 'judy', 'to be created'],
  ['salted MD5, which Moodle 4.3+ no longer accepts', 'ivan', 'ivan-md5'],
];

/** $CFG->passwordsaltmain of site A, from the days of MD5 (ivan's hash). */
const SALT_A = 'N0rth-$alt';

// ---- Site B: Moodle 4.1, prefix m_ (<dialect>/moodle41.sql) --------------------------

/** $CFG->passwordsaltmain of site B, given as salt=@FILE. */
const SALT_B = "9#kZ?'w%L;x";
/** With card=idnumber. */
const USER_B = {
  admin: 'admin\tAdmin User\tadmin@riverside.example\t\t\tA0001',
  olga: 'olga\tOlga Sørensen\tolga.sorensen@riverside.example\tMusic\tRiverside College\tT3001',
  pete: 'pete\tPete Brown\tpete.brown@riverside.example\tDrama\tRiverside College\tT3002',
  quinn: 'quinn\tQuinn Adams\tquinn.adams@mail.example',
};

// ---- Helpers ---------------------------------------------------------------------------

const fixture = (dialect: Dialect, site: string) =>
  dialect === 'pg'
    ? [join(FIXTURE, 'pg', `${site}.sql`), join(FIXTURE, 'pg', `${site}-dba.sql`)]
    : [join(FIXTURE, dialect, `${site}.sql`)];
const WEAK = { BRIDGE_ALLOW_WEAK_HASHES: '1' };

const secrets = scratchDir();
afterAll(() => secrets.remove());
const saltFileA = join(secrets.dir, 'site-a-passwordsaltmain.txt');
writeFileSync(saltFileA, `${SALT_A}\n`);
const saltFileB = join(secrets.dir, 'site-b-passwordsaltmain.txt');
writeFileSync(saltFileB, `${SALT_B}\n`);

// ---- The checks ----------------------------------------------------------------------

// SQL Server's views are read, not run, here (test/unit/pack-files.test.ts).
forEachDialect(['pg', 'mysql'], (dialect) => {
  describe('site A: Moodle 4.5, default options', () => {
    const db = usePackDatabase('moodle', dialect, { fixture: fixture(dialect, 'moodle45') });

    it('is valid and lists every user who can log in to Moodle, once', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
    });

    it("gives one user's details, whatever the case of the name asked for", async () => {
      for (const [asked, line] of [
        ['alice', USER.alice],
        ['ALICE', USER.alice],
        ['zoë', USER.zoë],
        ['ZOË', USER.zoë],
        ['wang.xm', USER['wang.xm']],
        ['henry', USER.henry],
        ['ws_sis', USER.ws_sis],
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

    it('lists every cohort, hidden ones too, under names that never collide', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ALL_GROUPS), status: 0 });
      // A name two cohorts share is no group of its own.
      expectFailure(await db.call(['-', 'group-member-names', 'Year 10']), 67, /is not in papercut_groups/);
      // Course groups only with course_groups=yes.
      expectFailure(await db.call(['-', 'group-member-names', 'SCI10 / Group A']), 67, /is not in papercut_groups/);
    });

    it("lists each cohort's members who can log in", async () => {
      for (const [group, members] of Object.entries(MEMBERS)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Staff']))).toEqual({
        stdout: `${USER.admin}\n${USER.alice}\n${USER.henry}\n`,
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

    it.each(LOGINS)('logs in a %s', async (_hash, user, password) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({ stdout: `OK\n${user}\n`, status: 0 });
    });

    it('logs in the name whatever its case, answering with the stored spelling', async () => {
      expect(stdoutAndStatus(await db.call([], login('ALICE', 'Alice-2024')))).toEqual({
        stdout: 'OK\nalice\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('ZOË', 'Zoë-pässwort')))).toEqual({
        stdout: 'OK\nzoë\n',
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

    it('gives credentials only to manual and enabled email users with a hash Moodle checks', async () => {
      const knex = db.database().connect();
      try {
        const rows: { username: string; password_salt: string | null; password_scheme: string | null }[] = await knex(
          'papercut_credentials',
        ).select('username', 'password_salt', 'password_scheme');
        expect(rows.map((row) => row.username).sort()).toEqual(['admin', 'alice', 'bob', 'grace', 'wang.xm', 'zoë']);
        expect(rows.filter((row) => row.password_salt !== null || row.password_scheme !== null)).toEqual([]);
      } finally {
        await knex.destroy();
      }
    });

    it('is named by doctor, which finds no error', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      const check = (name: string) => findings.find((item) => item.check === name);
      expect(check('views.mapping')?.message).toMatch(
        /^the views come from pack moodle 1\.0\.0 \(migration \d+_papercut_views; prefix=mdl_, card=none, course_groups=no, salt=\(empty\)\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(result.status).toBe(0);
      // Every username lookup is an index search (PostgreSQL: the README's index
      // on lower(username); MySQL: Moodle's own on mnethostid and username).
      // Naming the groups reads every cohort: only is-user-in-group may say so.
      const indexes = findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok');
      expect(indexes.filter((item) => item.check !== 'indexes.is-user-in-group')).toEqual([]);
      for (const item of indexes) expect(item.message).toMatch(/reads the whole of mdl_cohort/);
    });
  });

  describe('site A with course_groups=yes and its old salt', () => {
    const db = usePackDatabase('moodle', dialect, {
      fixture: fixture(dialect, 'moodle45'),
      options: ['course_groups=yes', `salt=@${saltFileA}`],
    });

    it("lists course groups as '<shortname> / <group>', suffixed where a name is shared", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({
        stdout: lines(ALL_GROUPS_WITH_COURSES),
        status: 0,
      });
      for (const [group, members] of Object.entries({ ...MEMBERS, ...COURSE_MEMBERS })) {
        if (group === 'MATH10 / Group A') continue;
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expectFailure(await db.call(['-', 'group-member-names', 'MATH10 / Group A']), 67, /is not in papercut_groups/);
      expect((await db.call(['-', 'is-user-in-group', 'SCI10 / Group A', 'zoë'])).stdout).toBe('Y\n');
      expect((await db.call(['-', 'is-user-in-group', 'SCI10 / Group A', 'alice'])).stdout).toBe('N\n');
      expect((await db.call(['-', 'is-user-in-group', 'MATH10 / Group A [group 1]', 'dave'])).stdout).toBe('N\n');
    });

    it('leaves the users as they were', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, ALL_USERS);
    });

    it('still refuses the salted MD5 hash: Moodle 4.3 and later do, salt or not', async () => {
      expect(stdoutAndStatus(await db.call([], login('ivan', 'ivan-md5'), WEAK))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('bob', 'bob-bcrypt-7')))).toEqual({
        stdout: 'OK\nbob\n',
        status: 0,
      });
    });
  });

  describe('site B: Moodle 4.1 with prefix m_, its salt and card=idnumber', () => {
    const db = usePackDatabase('moodle', dialect, {
      fixture: fixture(dialect, 'moodle41'),
      options: ['prefix=m_', `salt=@${saltFileB}`, 'card=idnumber'],
    });

    it('reads the m_ tables, with the ID number as card number', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, Object.values(USER_B).join('\n') + '\n');
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: 'Teachers\n', status: 0 });
      expect(stdoutAndStatus(await db.call(['-', 'group-member-names', 'Teachers']))).toEqual({
        stdout: 'admin\nolga\npete\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'OLGA\n'))).toEqual({
        stdout: `${USER_B.olga}\n`,
        status: 0,
      });
    });

    it('logs in a bcrypt hash', async () => {
      expect(stdoutAndStatus(await db.call([], login('admin', 'Adm1n-2022')))).toEqual({
        stdout: 'OK\nadmin\n',
        status: 0,
      });
    });

    it('refuses a salted MD5 hash (md5-password-salt) unless weak hashes are allowed', async () => {
      expect(stdoutAndStatus(await db.call([], login('olga', 'olga-pw')))).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(stdoutAndStatus(await db.call([], login('olga', 'olga-pw'), WEAK))).toEqual({
        stdout: 'OK\nolga\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('olga', 'olga-px'), WEAK))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });

    it('refuses an MD5 hash made without the salt, and an email user once that plugin is disabled', async () => {
      for (const env of [{}, WEAK]) {
        expect(stdoutAndStatus(await db.call([], login('pete', 'pete-pw'), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
        expect(stdoutAndStatus(await db.call([], login('quinn', 'quinn-pw'), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
        expect(stdoutAndStatus(await db.call([], login('guest', 'guest'), env))).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('is named by doctor with the salt masked', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack moodle 1\.0\.0 \(migration \d+_papercut_views; prefix=m_, card=idnumber, course_groups=no, salt=\*\*\*\)$/,
      );
      // Pieces with punctuation, which a random temporary folder name never holds.
      for (const piece of [SALT_B, '9#kZ', "?'w%", 'L;x']) expect(result.stdout).not.toContain(piece);
    });
  });

  describe('a database of another version', () => {
    // No user.suspended: Moodle 1.9, which no covered version is.
    const db = usePackDatabase('moodle', dialect, {
      apply: false,
      fixture: () => fixture(dialect, 'moodle45'),
      statements: ['ALTER TABLE mdl_user DROP COLUMN suspended'],
    });

    it('makes migrate latest fail, naming what is missing, and leaves the migration pending', async () => {
      await expectNotCovered(db, 'moodle', { lacks: 'mdl_user.suspended', covers: COVERS });
    });
  });
});
