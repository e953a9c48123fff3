// The tryton pack on databases made by Tryton 6.0 itself (test/fixtures/packs/tryton),
// through the built program as PaperCut calls it. Every expected answer is
// written from the fixture's rows (see the fixture's README).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectSameLines } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'tryton');
const dump = (dialect: string) => join(FIXTURE, dialect, 'tryton.sql');
const indexes = (dialect: string) => join(FIXTURE, dialect, 'indexes.sql');

// Active users other than root (id 0): login, name, email. rpatel is archived.
const ALL_USERS = [
  'admin\tAdministrator\tadmin@example.com',
  'JSmith\tJohn Smith\tj.smith@example.com',
  'elefevre\tÉlodie Lefèvre\te.lefevre@example.fr',
  'pmuller\tPeter Müller',
  'tanaka\t田中 太郎\ttanaka@example.jp',
  'zkowalska\tZofia Kowalska',
  "SODonnell\tSeán O'Donnell\ts.odonnell@example.ie",
  'mrossi\tMarco Rossi',
  'nguyen\tNguyễn Văn An',
  'ajohansson\tÅsa Johansson',
  'hwagner\tHans Wagner',
  'lgarcia\tLucía García',
  'bkeller\tBruno Keller',
  'cmartin\tChloé Martin',
  'kiosk\tKiosk Display',
  'newhire\tNew Hire\tnew.hire@example.com',
];

// Active groups, in code-unit order; Archived Projects is archived.
const ALL_GROUPS = [
  'Accounts Payable',
  'Administration',
  'Finance',
  'Print Room',
  'Staff',
  'Warehouse',
  '東京オフィス',
];

// Effective members, in code-unit order. Accounts Payable sits in Finance, in
// Staff; Warehouse and the archived Archived Projects sit in Staff. rpatel
// (archived) is left out everywhere.
const MEMBERS: Record<string, string[]> = {
  Administration: ['admin'],
  Staff: ['JSmith', 'SODonnell', 'elefevre', 'kiosk', 'mrossi', 'nguyen', 'pmuller', 'tanaka'],
  Finance: ['JSmith', 'SODonnell'],
  'Accounts Payable': ['JSmith', 'SODonnell'],
  Warehouse: ['elefevre', 'kiosk', 'nguyen'],
  'Print Room': [],
  東京オフィス: ['tanaka'],
};

// Group names with language=fr: the non-fuzzy French translation, else the stored name.
const FRENCH: Record<string, string> = {
  Administration: 'Administration',
  Staff: 'Personnel',
  Finance: 'Finances',
  'Accounts Payable': 'Comptabilité fournisseurs',
  Warehouse: 'Warehouse',
  'Print Room': "Salle d'impression",
  東京オフィス: '東京オフィス',
};

// A right password for each way Tryton stores one (PaperCut sends names lower-cased).
const LOGINS: [user: string, password: string, answer: string, form: string][] = [
  ['admin', 'admin-pass', 'admin', '$2b$ bcrypt, by trytond-admin'],
  ['jsmith', 'Smith-2024', 'JSmith', '$2b$ bcrypt'],
  ['elefevre', 'Lefevre-pbkdf2', 'elefevre', '$pbkdf2-sha512$'],
  ['pmuller', 'Müller-pbkdf2', 'pmuller', '$pbkdf2-sha512$'],
  ['tanaka', 'パスワード-argon2', 'tanaka', '$argon2id$'],
  ['zkowalska', 'Kowalska-argon2', 'zkowalska', '$argon2id$'],
  ['sodonnell', 'ODonnell-bcsha', 'SODonnell', '$bcrypt-sha256$'],
  ['mrossi', 'Rossi-bcsha', 'mrossi', '$bcrypt-sha256$'],
  ['nguyen', 'Nguyen-scrypt', 'nguyen', '$scrypt$'],
  ['ajohansson', 'Johansson-scrypt', 'ajohansson', '$scrypt$'],
  ['hwagner', 'Wagner-oldbcrypt', 'hwagner', 'bcrypt$<bcrypt hash>'],
  ['lgarcia', 'Garcia-oldbcrypt', 'lgarcia', 'bcrypt$<bcrypt hash>'],
];
// sha1$<hex>$<salt>: weak, refused unless the operator allows weak hashes.
const WEAK_LOGINS: [user: string, password: string][] = [
  ['bkeller', 'Keller-sha1'],
  ['cmartin', 'Martin-ça-sha1'],
];
const REFUSED_LOGINS: [user: string, password: string, why: string][] = [
  ['jsmith', 'smith-2024', 'a wrong password'],
  ['rpatel', 'Patel-left', 'an archived user'],
  ['root', '', 'Tryton’s superuser'],
  ['kiosk', '', 'a user without a password'],
  ['newhire', 'Welcome-2024', 'a reset password, kept in clear text'],
];

const OK = (user: string) => `OK\n${user}\n`;

forEachDialect(['sqlite', 'pg'], (dialect) => {
  describe('default options', () => {
    const t = usePackDatabase('tryton', dialect, { fixture: [dump(dialect), indexes(dialect)] });

    it('is valid and lists the active users', async () => {
      expect((await t.call(['-', 'is-valid'])).stdout).toBe('Y\n');
      const users = await t.call(['-', 'all-users']);
      expect(users.status).toBe(0);
      expectSameLines(users.stdout, lines(ALL_USERS));
    });

    it('lists the active groups', async () => {
      expect(await t.call(['-', 'all-groups'])).toMatchObject({ status: 0, stdout: lines(ALL_GROUPS) });
    });

    it('gives one user, case aside, and no archived user nor root', async () => {
      expect((await t.call(['-', 'get-user-details'], 'jsmith\n')).stdout).toBe(lines([ALL_USERS[1]!]));
      expect((await t.call(['-', 'get-user-details'], 'tanaka\n')).stdout).toBe(lines([ALL_USERS[4]!]));
      expect((await t.call(['-', 'get-user-details'], 'newhire\n')).stdout).toBe(lines([ALL_USERS[15]!]));
      for (const user of ['rpatel', 'root']) {
        expectFailure(
          await t.call(['-', 'get-user-details'], `${user}\n`),
          67,
          new RegExp(`user '${user}' is not in papercut_users`),
        );
      }
    });

    it('expands nested groups, through an archived one', async () => {
      for (const [group, members] of Object.entries(MEMBERS)) {
        expect(await t.call(['-', 'group-member-names', group])).toMatchObject({
          status: 0,
          stdout: lines(members),
        });
      }
      const details = new Map(ALL_USERS.map((line) => [line.split('\t')[0]!, line]));
      expect((await t.call(['-', 'group-members', 'Warehouse'])).stdout).toBe(
        lines(MEMBERS.Warehouse!.map((user) => details.get(user)!)),
      );
      expect((await t.call(['-', 'group-members', 'Finance'])).stdout).toBe(
        lines([details.get('JSmith')!, details.get('SODonnell')!]),
      );
      expectFailure(
        await t.call(['-', 'group-member-names', 'Archived Projects']),
        67,
        /group 'Archived Projects' is not in papercut_groups/,
      );
    });

    it('answers is-user-in-group', async () => {
      const cases: [group: string, user: string, answer: string][] = [
        ['Staff', 'jsmith', 'Y'],
        ['Staff', 'mrossi', 'Y'],
        ['Accounts Payable', 'sodonnell', 'Y'],
        ['Staff', 'kiosk', 'Y'],
        ['東京オフィス', 'tanaka', 'Y'],
        ['Finance', 'elefevre', 'N'],
        ['Administration', 'jsmith', 'N'],
        ['Finance', 'rpatel', 'N'],
      ];
      for (const [group, user, answer] of cases) {
        expect((await t.call(['-', 'is-user-in-group', group, user])).stdout, `${group} ${user}`).toBe(`${answer}\n`);
      }
    });

    it('logs in with every hash form Tryton writes', async () => {
      for (const [user, password, answer, form] of LOGINS) {
        expect((await t.call([], login(user, password))).stdout, form).toBe(OK(answer));
      }
    });

    it('refuses wrong passwords, archived users, root, users without a hash and reset passwords', async () => {
      for (const [user, password, why] of REFUSED_LOGINS) {
        expect(await t.call([], login(user, password)), why).toMatchObject({ status: 0, stdout: 'ERROR\n' });
      }
    });

    it('refuses the old sha1$ form unless weak hashes are allowed', async () => {
      for (const [user, password] of WEAK_LOGINS) {
        expect((await t.call([], login(user, password))).stdout).toBe('ERROR\n');
        expect((await t.call([], login(user, password), { BRIDGE_ALLOW_WEAK_HASHES: '1' })).stdout).toBe(OK(user));
        expect((await t.call([], login(user, `${password}x`), { BRIDGE_ALLOW_WEAK_HASHES: '1' })).stdout).toBe(
          'ERROR\n',
        );
      }
    });

    it('is named by doctor, which finds nothing wrong but the weak hashes', async () => {
      const result = await t.call(['doctor', '--json']);
      const report = JSON.parse(result.stdout) as {
        findings: { check: string; level: string; message: string; examples?: string[] }[];
      };
      const find = (check: string) => report.findings.find((item) => item.check === check);
      expect(find('views.mapping')?.message).toMatch(
        /^the views come from pack tryton 1\.0\.0 \(migration .*; language=\(empty\)\)$/,
      );
      // In the order the rows come: compared as a set.
      const schemes = find('credentials.schemes')
        ?.message.replace(/^hash schemes: /, '')
        .split(', ');
      expect(schemes?.sort()).toEqual(
        [
          'bcrypt 4',
          'passlib-pbkdf2 2',
          'argon2 2',
          'passlib-bcrypt-sha256 2',
          'passlib-scrypt 2',
          'sha1-password-salt 2',
        ].sort(),
      );
      // Warnings and errors: only the two sha1$ hashes, on purpose.
      const flagged = report.findings.filter((item) => item.level === 'warning' || item.level === 'error');
      expect(flagged.map(({ check, level, examples }) => ({ check, level, examples }))).toEqual([
        { check: 'credentials.weak', level: 'warning', examples: ['bkeller', 'cmartin'] },
      ]);
    });
  });

  describe('language=fr', () => {
    const t = usePackDatabase('tryton', dialect, {
      fixture: [dump(dialect), indexes(dialect)],
      options: ['language=fr'],
    });
    const french = (group: string) => FRENCH[group]!;

    it('names the groups in French where Tryton has a translation', async () => {
      const names = ALL_GROUPS.map(french).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(await t.call(['-', 'all-groups'])).toMatchObject({ status: 0, stdout: lines(names) });
      for (const [group, members] of Object.entries(MEMBERS)) {
        expect((await t.call(['-', 'group-member-names', french(group)])).stdout, group).toBe(lines(members));
      }
      expect((await t.call(['-', 'is-user-in-group', 'Personnel', 'mrossi'])).stdout).toBe('Y\n');
      // The English name is no longer a group, nor the fuzzy translation.
      for (const group of ['Staff', 'Entrepôt']) {
        expectFailure(
          await t.call(['-', 'group-member-names', group]),
          67,
          new RegExp(`group '${group}' is not in papercut_groups`),
        );
      }
    });

    it('changes nothing else', async () => {
      expectSameLines((await t.call(['-', 'all-users'])).stdout, lines(ALL_USERS));
      expect((await t.call([], login('jsmith', 'Smith-2024'))).stdout).toBe(OK('JSmith'));
    });
  });

  describe('a database older than 6.0 (groups without parent)', () => {
    const db = usePackDatabase('tryton', dialect, {
      apply: false,
      fixture: [dump(dialect)],
      statements: ['ALTER TABLE res_group DROP COLUMN parent'],
    });

    it('fails to migrate, says what is missing and which versions the pack covers, and stays pending', async () => {
      await expectNotCovered(db, 'tryton', { lacks: 'res_group.parent', covers: 'Tryton 6.0 to 7.2' });
    });
  });
});
