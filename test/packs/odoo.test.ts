// The odoo pack on Odoo's own tables (test/fixtures/packs/odoo: 16.0, 17.0/18.0
// and 19.0), through the built program as PaperCut runs it. Every expected
// answer below is written from the rows of test/fixtures/packs/odoo/generate.py.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectSameLines, type CallResult } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, type PackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURES = join(__dirname, '..', 'fixtures', 'packs', 'odoo', 'pg');
const fixture = (version: Version) => join(FIXTURES, `odoo${version}.sql`);
/** odoo16.sql: 16.0; odoo18.sql: 17.0 and 18.0; odoo19.sql: 19.0. */
const VERSIONS = ['16', '18', '19'] as const;
type Version = (typeof VERSIONS)[number];

// ---------------------------------------------------------------- expected

/** The active internal users, default options: each one's employee in their own company. */
const USERS: Record<string, string> = {
  admin: 'admin\tMitchell Admin\tadmin@example.com\tManagement\tParis HQ\t0410000002\t\t\t\t\t2002',
  JSmith: 'JSmith\tJohn Smith\tjohn.smith@lumen.example\tSales\tParis HQ\t0410000006\t\t\t\t\t0606',
  // Default company 2: her employee there, not the one in company 1.
  'Marie.Curie@example.fr':
    'Marie.Curie@example.fr\tMarie Skłodowska-Curie\tmarie.curie@example.fr\tOsaka Lab\tOsaka Office\t0420000007\t\t\t\t\t1903',
  // Her only employee is archived.
  yamada: 'yamada\t山田 太郎\tyamada@lumen.example.jp',
  // An employee with no department, location, badge or PIN.
  zoe: 'zoe\tZoë Ångström\tzoe@lumen.example',
  'b.martin': 'b.martin\tBruno Martin',
  kiosk: 'kiosk\tKiosk Terminal',
};

/** Never listed: the superuser (OdooBot), the public user, the templates, an archived user, a portal user. */
const NOT_USERS = ['__system__', 'public', 'default', 'portaltemplate', 'old.timer', 'paula@customer.example'];

/** Every group, as Odoo shows it, and its effective members among the listed users. */
const GROUPS: Record<string, string[]> = {
  'User types / Internal User': ['admin', 'JSmith', 'Marie.Curie@example.fr', 'yamada', 'zoe', 'b.martin', 'kiosk'],
  'User types / Portal': [],
  'User types / Public': [],
  'Sales / User: Own Documents Only': ['admin', 'JSmith', 'yamada'],
  'Sales / User: All Documents': ['admin', 'JSmith'],
  'Sales / Administrator': ['admin'],
  'Employees / Officer: Manage all employees': ['admin', 'Marie.Curie@example.fr'],
  'Employees / Administrator': ['admin'],
  'Administration / Access Rights': ['admin'],
  'Administration / Settings': ['admin'],
  'Technical Features': ['admin'],
  'Print Room': ['JSmith', 'zoe', 'b.martin'],
  'Inventory / User': ['Marie.Curie@example.fr'],
  'Inventory / Administrator': [],
};

/** lang=fr_FR, company=1: the users allowed in company 1, their employee there;
 * department names are translated from 17.0 on (a plain column in 16.0). */
const USERS_FR_COMPANY_1 = (version: Version): Record<string, string> => {
  const fr = version !== '16';
  return {
    admin: `admin\tMitchell Admin\tadmin@example.com\t${fr ? 'Direction' : 'Management'}\tParis HQ\t0410000002\t\t\t\t\t2002`,
    JSmith: `JSmith\tJohn Smith\tjohn.smith@lumen.example\t${fr ? 'Ventes' : 'Sales'}\tParis HQ\t0410000006\t\t\t\t\t0606`,
    'Marie.Curie@example.fr': `Marie.Curie@example.fr\tMarie Skłodowska-Curie\tmarie.curie@example.fr\t${
      fr ? 'Recherche et développement' : 'Research & Development'
    }\tHome\t0410000107\t\t\t\t\t1867`,
    zoe: 'zoe\tZoë Ångström\tzoe@lumen.example',
    'b.martin': 'b.martin\tBruno Martin',
  };
};

/** lang=fr_FR: names without a French translation stay in en_US (Inventory, Print Room). */
const GROUPS_FR: Record<string, string[]> = {
  "Types d'utilisateurs / Utilisateur interne": ['admin', 'JSmith', 'Marie.Curie@example.fr', 'zoe', 'b.martin'],
  "Types d'utilisateurs / Portail": [],
  "Types d'utilisateurs / Public": [],
  'Ventes / Utilisateur : propres documents uniquement': ['admin', 'JSmith'],
  'Ventes / Utilisateur : tous les documents': ['admin', 'JSmith'],
  'Ventes / Administrateur': ['admin'],
  'Employés / Responsable : gérer tous les employés': ['admin', 'Marie.Curie@example.fr'],
  'Employés / Administrateur': ['admin'],
  "Administration / Droits d'accès": ['admin'],
  'Administration / Paramètres': ['admin'],
  'Fonctionnalités techniques': ['admin'],
  'Print Room': ['JSmith', 'zoe', 'b.martin'],
  'Inventory / Utilisateur': ['Marie.Curie@example.fr'],
  'Inventory / Administrateur': [],
};

/** Without the Employees app: name and email only. */
const USERS_WITHOUT_HR = [
  'admin\tMitchell Admin\tadmin@example.com',
  'JSmith\tJohn Smith\tjohn.smith@lumen.example',
  'Marie.Curie@example.fr\tMarie Skłodowska-Curie\tmarie.curie@example.fr',
  'yamada\t山田 太郎\tyamada@lumen.example.jp',
  'zoe\tZoë Ångström\tzoe@lumen.example',
  'b.martin\tBruno Martin',
  'kiosk\tKiosk Terminal',
];

/** The passwords generate.py hashed (zoe's is stored in clear, as Odoo accepts it). */
const PASSWORD = {
  admin: 'Mitchell#2024', // $pbkdf2-sha512$600000$
  JSmith: 'correct horse battery staple',
  'Marie.Curie@example.fr': 'Radium-1898',
  yamada: 'さくら2024', // $pbkdf2-sha512$25000$, from Odoo 13 to 15
  zoe: 'Tr0ub4dor&3', // plaintext
  'old.timer': 'Retired-2019', // archived
  'paula@customer.example': 'Customer#1', // portal
};

// ---------------------------------------------------------------- helpers

const logIn = (db: PackDatabase, user: string, password: string, env: Record<string, string> = {}) =>
  db.call([], login(user, password), env);
const expectLogin = (result: CallResult, expected: string) => {
  expect(stdoutAndStatus(result)).toEqual({ stdout: expected, status: 0 });
};
/** A list in the database's order; an empty one is no output at all. */
const expectList = (stdout: string, items: readonly string[]) =>
  items.length ? expectSameLines(stdout, lines(items)) : expect(stdout).toBe('');
const expectUnknown = (result: CallResult, what: RegExp) => expectFailure(result, 67, what);

/** The calls that read users, groups and memberships, against the expected tables. */
function checkDirectory(db: () => PackDatabase, users: Record<string, string>, groups: Record<string, string[]>) {
  it('lists every listed user once, and every group', async () => {
    expectSameLines((await db().call(['-', 'all-users'])).stdout, lines(Object.values(users)));
    expectSameLines((await db().call(['-', 'all-groups'])).stdout, lines(Object.keys(groups)));
  });

  it('gives each user by name, whatever its case', async () => {
    const names = Object.keys(users);
    const answers = await Promise.all(
      names.map((name) => db().call(['-', 'get-user-details'], `${name.toLowerCase()}\n`)),
    );
    expect(answers.map((answer) => answer.stdout)).toEqual(names.map((name) => `${users[name]}\n`));
  });

  it('lists the effective members of each group, implied groups included', async () => {
    const names = Object.keys(groups);
    const answers = await Promise.all(names.map((group) => db().call(['-', 'group-member-names', group])));
    names.forEach((group, index) => {
      expect(answers[index]!.status).toBe(0);
      expectList(answers[index]!.stdout, groups[group]!);
    });
  });

  it('gives each member of a group as a user line', async () => {
    const names = Object.keys(groups);
    const answers = await Promise.all(names.map((group) => db().call(['-', 'group-members', group])));
    names.forEach((group, index) => {
      expectList(
        answers[index]!.stdout,
        groups[group]!.map((member) => users[member]!),
      );
    });
  });

  // The first member is often one through implied groups only (admin, three levels down in Sales).
  it('answers is-user-in-group with a member and a non-member of each group', async () => {
    const pairs = Object.entries(groups).flatMap(([group, members]) => {
      const outsider = Object.keys(users).find((user) => !members.includes(user));
      return [
        ...(members.length ? [[group, members[0]!, 'Y\n']] : []),
        ...(outsider ? [[group, outsider, 'N\n']] : []),
      ];
    });
    const answers = await Promise.all(
      pairs.map(([group, user]) => db().call(['-', 'is-user-in-group', group!, user!.toLowerCase()])),
    );
    expect(pairs.map(([group, user], index) => [group, user, answers[index]!.stdout])).toEqual(pairs);
  });

  it('refuses an unknown group', async () => {
    expectUnknown(await db().call(['-', 'group-member-names', 'Sales']), /group 'Sales' is not in papercut_groups/);
  });
}

// ---------------------------------------------------------------- tests

forEachDialect(['pg'], (dialect) => {
  for (const version of VERSIONS) {
    describe(`Odoo ${version === '18' ? '17.0/18.0' : `${version}.0`}`, () => {
      const db = usePackDatabase('odoo', dialect, { fixture: [fixture(version)] });

      it('is valid', async () => {
        expect((await db.call(['-', 'is-valid'])).stdout).toBe('Y\n');
      });

      checkDirectory(() => db, USERS, GROUPS);

      it('never lists service accounts, templates, archived or portal users', async () => {
        for (const name of NOT_USERS) {
          expectUnknown(
            await db.call(['-', 'get-user-details'], `${name}\n`),
            new RegExp(`user '${name.replace(/\./g, '\\.')}' is not in papercut_users`),
          );
          expect((await db.call(['-', 'is-user-in-group', 'User types / Internal User', name])).stdout).toBe('N\n');
        }
      });

      it('logs in with an Odoo hash of each round count, by any case of the login', async () => {
        expectLogin(await logIn(db, 'admin', PASSWORD.admin), 'OK\nadmin\n');
        expectLogin(await logIn(db, 'jsmith', PASSWORD.JSmith), 'OK\nJSmith\n');
        expectLogin(
          await logIn(db, 'marie.curie@example.fr', PASSWORD['Marie.Curie@example.fr']),
          'OK\nMarie.Curie@example.fr\n',
        );
        expectLogin(await logIn(db, 'yamada', PASSWORD.yamada), 'OK\nyamada\n');
      });

      it('refuses a wrong password, and users who may not log in', async () => {
        expectLogin(await logIn(db, 'admin', 'mitchell#2024'), 'ERROR\n');
        expectLogin(await logIn(db, 'yamada', 'さくら2025'), 'ERROR\n');
        expectLogin(await logIn(db, 'old.timer', PASSWORD['old.timer']), 'ERROR\n');
        expectLogin(await logIn(db, 'paula@customer.example', PASSWORD['paula@customer.example']), 'ERROR\n');
        // No password (NULL), an empty one, and the public user's empty one.
        expectLogin(await logIn(db, 'b.martin', ''), 'ERROR\n');
        expectLogin(await logIn(db, 'kiosk', ''), 'ERROR\n');
        expectLogin(await logIn(db, 'public', ''), 'ERROR\n');
      });

      it('refuses a password Odoo keeps in clear, unless weak hashes are allowed', async () => {
        expectLogin(await logIn(db, 'zoe', PASSWORD.zoe), 'ERROR\n');
        const weak = { BRIDGE_ALLOW_WEAK_HASHES: '1' };
        expectLogin(await logIn(db, 'zoe', PASSWORD.zoe, weak), 'OK\nzoe\n');
        expectLogin(await logIn(db, 'zoe', 'tr0ub4dor&3', weak), 'ERROR\n');
      });
    });

    describe(`Odoo ${version === '18' ? '17.0/18.0' : `${version}.0`}, lang=fr_FR company=1`, () => {
      const db = usePackDatabase('odoo', dialect, {
        fixture: [fixture(version)],
        options: ['lang=fr_FR', 'company=1'],
      });

      checkDirectory(() => db, USERS_FR_COMPANY_1(version), GROUPS_FR);

      it('leaves out the users not allowed in the company', async () => {
        for (const name of ['yamada', 'kiosk']) {
          expectUnknown(await db.call(['-', 'get-user-details'], `${name}\n`), /is not in papercut_users/);
        }
      });
    });
  }

  describe('Odoo 17.0/18.0 without the Employees app', () => {
    const db = usePackDatabase('odoo', dialect, {
      fixture: [fixture('18'), join(FIXTURES, 'without-hr.sql')],
    });

    it('maps names and emails alone', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, lines(USERS_WITHOUT_HR));
      expect((await db.call(['-', 'get-user-details'], 'admin\n')).stdout).toBe(
        'admin\tMitchell Admin\tadmin@example.com\n',
      );
      expectLogin(await logIn(db, 'JSmith', PASSWORD.JSmith), 'OK\nJSmith\n');
    });
  });

  describe('a database of another version', () => {
    // Odoo before 9.0 had no res_users.share.
    const db = usePackDatabase('odoo', dialect, {
      apply: false,
      fixture: [fixture('18'), join(FIXTURES, 'without-share.sql')],
    });

    it('fails to migrate, names what is missing and the versions covered, and stays pending', async () => {
      await expectNotCovered(db, 'odoo', {
        lacks: 'res_users.share',
        covers: 'Odoo 16.0, 17.0, 18.0 and 19.0 on PostgreSQL',
      });
    });
  });

  describe('doctor', () => {
    for (const version of VERSIONS) {
      const db = usePackDatabase('odoo', dialect, { fixture: [fixture(version)] });

      it(`names the pack and finds no error on Odoo ${version}`, async () => {
        const result = await db.call(['doctor', '--json']);
        const report = JSON.parse(result.stdout) as { findings: { check: string; level: string; message: string }[] };
        const mapping = report.findings.find((item) => item.check === 'views.mapping');
        expect(mapping?.message).toMatch(
          /^the views come from pack odoo 1\.0\.0 \(migration \d+_papercut_views; company=\(empty\), lang=en_US\)$/,
        );
        // zoe's password is kept in clear on purpose: a warning, not an error.
        expect(report.findings.filter((item) => item.level === 'error')).toEqual([]);
        expect(report.findings.find((item) => item.check === 'credentials.weak')).toMatchObject({
          level: 'warning',
          examples: ['zoe'],
        });
      });
    }
  });
});
