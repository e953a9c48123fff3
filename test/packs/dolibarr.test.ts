// The dolibarr pack on two sites whose tables follow Dolibarr's own install and
// migration scripts (test/fixtures/packs/dolibarr, see its README): a Dolibarr
// 17 site with two companies and the hashes of three eras, and a Dolibarr 24
// site with another table prefix and parent groups. Every PaperCut call and
// login through the built program, compared with answers written out by hand
// from the rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../bridge/admin/doctor/findings';
import type { Dialect } from '../../bridge/db/dialect';
import { expectFailure, expectSameLines } from '../conformance/spawn-bridge';
import { forEachDialect } from '../support/databases';
import { usePackDatabase, lines, login, stdoutAndStatus, expectNotCovered } from '../support/packs';

const FIXTURE = join(__dirname, '..', 'fixtures', 'packs', 'dolibarr');
const COVERS = 'Dolibarr 17.0 to 24.0';

// ---- Site A: Dolibarr 17, prefix llx_, entities 1 and 2 (<dialect>/dolibarr17.sql) -------

/** The user line of each user who can log in to entity 1: first name then
 * last name, email; no department, office or card by default. */
const USER = {
  admin: 'admin\tSuperAdmin',
  jdupont: 'jdupont\tJean Dupont\tjean.dupont@atelier-nord.example',
  MMartin: 'MMartin\tMarie Martin\tmarie.martin@atelier-nord.example',
  'p.lefevre': 'p.lefevre\tPierre Lefèvre\tpierre.lefevre@atelier-nord.example',
  nroux: 'nroux\tNicolas Roux\tnicolas.roux@atelier-nord.example',
  'wang.wei': 'wang.wei\t伟 王\twang.wei@atelier-nord.example',
  zoe: 'zoe\tZoé Åström\tzoe.astrom@atelier-nord.example',
  vieux: 'vieux\tVictor Vieux',
  hpetit: 'hpetit\tHugo Petit',
  cblanc: 'cblanc\tClaire Blanc\tclaire.blanc@atelier-nord.example',
  support: 'support\tService Informatique\tsupport@ateliers.example',
  dlambert: 'dlambert\tDavid Lambert\tdavid.lambert@atelier-nord.example',
};
const ALL_USERS = lines(Object.values(USER));

/** Left out of entity 1's papercut_users, with the reason. */
const NOT_USERS: [why: string, user: string][] = [
  ['a disabled user (statut 0)', 'lbernard'],
  ['a user whose validity ended', 'tmoreau'],
  ['a user whose validity has not begun', 'agarcia'],
  ["an external user (a third party's contact)", 'contact.acme'],
  ["entity 2's own user", 'kmuller'],
];

/** Entity 1's groups and entity 0's, in code-point order. */
const ALL_GROUPS = ["Bureau d'études", 'Clients', 'Comptabilité', 'Direction', 'Imprimante couleur', 'Tous', 'Ventes'];

/** Each group's members who can log in to entity 1, in code-point order. */
const MEMBERS: Record<string, string[]> = {
  "Bureau d'études": ['p.lefevre', 'wang.wei', 'zoe'], // and agarcia, not started yet
  Clients: [], // contact.acme, external
  Comptabilité: ['MMartin', 'jdupont'], // and lbernard, disabled
  Direction: ['admin', 'dlambert'], // and tmoreau, expired; admin is entity 0's
  'Imprimante couleur': [],
  Tous: ['MMartin', 'nroux'], // entity 0's group; kmuller is its member in entity 2
  Ventes: ['support'], // entity 0's group, its entity-1 membership
};

/** is-user-in-group GROUP USER. */
const IN_GROUP: [group: string, user: string, answer: 'Y' | 'N'][] = [
  ['Comptabilité', 'MMartin', 'Y'],
  ['comptabilité', 'mmartin', 'Y'],
  ['Comptabilité', 'lbernard', 'N'], // disabled
  ['Direction', 'admin', 'Y'],
  ['Direction', 'tmoreau', 'N'], // expired
  ['Tous', 'nroux', 'Y'],
  ['Tous', 'kmuller', 'N'], // entity 2
  ["Bureau d'études", 'wang.wei', 'Y'],
  ["Bureau d'études", 'agarcia', 'N'], // not started
  ['Clients', 'contact.acme', 'N'], // external
];

/** A right password for each hash site A holds, read as MAIN_SECURITY_HASH_ALGO=password_hash reads them. */
const LOGINS: [hash: string, user: string, password: string][] = [
  ['bcrypt $2y$ (password_hash) of the entity-0 superadmin', 'admin', 'Adm1n!Nord'],
  ['bcrypt $2y$', 'jdupont', 'Jean-2023!'],
  ['bcrypt $2y$, CJK password', 'wang.wei', '王伟-密码'],
  ['bcrypt $2y$, accented password', 'zoe', 'Zoé-pässwort'],
  ['bcrypt $2y$ of a user inside his validity dates', 'dlambert', 'David-Dir1'],
  ['bcrypt $2y$ of a second entity-0 superadmin', 'support', 'Supp0rt!'],
];

/** Weak: refused unless BRIDGE_ALLOW_WEAK_HASHES=1. */
const WEAK_LOGINS: [hash: string, user: string, password: string][] = [
  ['40 hex digits: sha1(md5(salt . password)), dolibarr-sha1md5', 'MMartin', 'marie-legacy'],
  ['32 hex digits: md5(salt . password)', 'p.lefevre', 'pierre-md5'],
];

/** Logins that fail whatever BRIDGE_ALLOW_WEAK_HASHES says. */
const REFUSED: [why: string, user: string, password: string][] = [
  ['a wrong password', 'jdupont', 'Jean-2024!'],
  ['a disabled user', 'lbernard', 'louise-pw'],
  ['a user whose validity ended', 'tmoreau', 'thomas-pw'],
  ['a user whose validity has not begun', 'agarcia', 'ana-pw'],
  ['an external user', 'contact.acme', 'acme-pw'],
  ['an LDAP user (no pass_crypted)', 'nroux', 'nroux'],
  ['a clear-text password (llx_user.pass is never read)', 'vieux', 'clair123'],
  ["an MD5 made without the site's salt", 'hpetit', 'hugo-md5'],
  ['a plain SHA-1, which password_hash reads as sha1md5', 'cblanc', 'claire-sha1'],
  ["entity 2's user", 'kmuller', 'karl-pw'],
  ["entity 2's jdupont's password", 'jdupont', 'Julie-Sud1'],
];

/** With external_users=yes, card=barcode, department=job (entity 1). */
const USER_WITH_OPTIONS = {
  ...USER,
  jdupont: 'jdupont\tJean Dupont\tjean.dupont@atelier-nord.example\tComptable\t\t2000000000012',
  MMartin: 'MMartin\tMarie Martin\tmarie.martin@atelier-nord.example\tResponsable achats\t\t2000000000029',
  'p.lefevre': 'p.lefevre\tPierre Lefèvre\tpierre.lefevre@atelier-nord.example\tTechnicien',
  zoe: 'zoe\tZoé Åström\tzoe.astrom@atelier-nord.example\tIngénieure',
  dlambert: 'dlambert\tDavid Lambert\tdavid.lambert@atelier-nord.example\tDirecteur',
  'contact.acme': 'contact.acme\tPaul Durand\tpaul.durand@acme.example',
};

/** Entity 2 (entity=2): its own jdupont and admin (which hides entity 0's admin), entity 0's support. */
const USER_ENTITY2 = {
  support: 'support\tService Informatique\tsupport@ateliers.example',
  jdupont: 'jdupont\tJulie Dupont\tjulie.dupont@atelier-sud.example',
  kmuller: 'kmuller\tKarl Müller\tkarl.muller@atelier-sud.example',
  admin: 'admin\tAdmin Sud',
};
const GROUPS_ENTITY2 = ['Direction', 'Tous', 'Ventes'];
const MEMBERS_ENTITY2: Record<string, string[]> = {
  Direction: ['admin'],
  Tous: ['kmuller'],
  Ventes: ['admin', 'jdupont', 'kmuller', 'support'], // entity 2's Ventes hides entity 0's
};

// ---- Site B: Dolibarr 24, prefix erp_, parent groups (<dialect>/dolibarr24.sql) -----------

/** With prefix=erp_, card=ref_employee, name_order=last_first, email_alias=yes. */
const SITE_B = ['prefix=erp_', 'card=ref_employee', 'name_order=last_first', 'email_alias=yes'];
const USER_B = {
  admin: 'admin\tSuperAdmin',
  'Sophie.Girard':
    'Sophie.Girard\tGirard Sophie\tsophie.girard@menuiserie-girard.example\t\t\tEMP-0042\t\t\tsophie.girard@menuiserie-girard.example',
  mlopez:
    'mlopez\tLópez Miguel\tmiguel.lopez@menuiserie-girard.example\t\t\tEMP-0043\t\t\tmiguel.lopez@menuiserie-girard.example',
  ykim: 'ykim\t김 유나\tyuna.kim@menuiserie-girard.example\t\t\tEMP-0051\t\t\tyuna.kim@menuiserie-girard.example',
  rbonnet:
    'rbonnet\tBonnet Rémi\tremi.bonnet@menuiserie-girard.example\t\t\tEMP-0057\t\t\tremi.bonnet@menuiserie-girard.example',
  'api.sync': 'api.sync\tAPI Sync',
};
const GROUPS_B = ['Atelier', 'Commerciaux', 'Comptables', 'Direction', 'Projet X', 'Projet Y', 'Salariés'];
/** Members of a group and of every group below it (fk_parent), in code-point order. */
const MEMBERS_B: Record<string, string[]> = {
  Salariés: ['Sophie.Girard', 'admin', 'mlopez', 'rbonnet', 'ykim'], // via Commerciaux, Direction and Atelier
  Commerciaux: ['Sophie.Girard', 'admin', 'ykim'], // via Direction
  Direction: ['Sophie.Girard', 'admin'], // and ofournier, disabled
  Atelier: ['rbonnet'],
  Comptables: ['mlopez'],
  'Projet X': ['rbonnet', 'ykim'], // each the other's parent: a loop
  'Projet Y': ['rbonnet', 'ykim'],
};

// ---- Helpers ----------------------------------------------------------------------------

const fixture = (dialect: Dialect, site: string) =>
  dialect === 'pg'
    ? [join(FIXTURE, 'pg', `${site}.sql`), join(FIXTURE, 'pg', `${site}-dba.sql`)]
    : [join(FIXTURE, dialect, `${site}.sql`)];
const WEAK = { BRIDGE_ALLOW_WEAK_HASHES: '1' };

// ---- The checks -------------------------------------------------------------------------

forEachDialect(['pg', 'mysql'], (dialect) => {
  describe('site A: Dolibarr 17, entity 1, default options', () => {
    const db = usePackDatabase('dolibarr', dialect, { fixture: fixture(dialect, 'dolibarr17') });

    it('is valid and lists every user who can log in to entity 1, once', async () => {
      expect(stdoutAndStatus(await db.call(['-', 'is-valid']))).toEqual({ stdout: 'Y\n', status: 0 });
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, ALL_USERS);
    });

    it("gives one user's details, whatever the case of the name asked for", async () => {
      for (const [asked, line] of [
        ['jdupont', USER.jdupont],
        ['MMartin', USER.MMartin],
        ['mmartin', USER.MMartin],
        ['ADMIN', USER.admin],
        ['wang.wei', USER['wang.wei']],
        ['ZOE', USER.zoe],
        ['support', USER.support],
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

    it("lists entity 1's groups and entity 0's, empty ones too", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(ALL_GROUPS), status: 0 });
    });

    it("lists each group's members who can log in", async () => {
      for (const [group, members] of Object.entries(MEMBERS)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect(stdoutAndStatus(await db.call(['-', 'group-members', 'Direction']))).toEqual({
        stdout: lines([USER.admin, USER.dlambert]),
        status: 0,
      });
      expectFailure(await db.call(['-', 'group-member-names', 'Salariés']), 67, /is not in papercut_groups/);
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
      expect(stdoutAndStatus(await db.call([], login('JDUPONT', 'Jean-2023!')))).toEqual({
        stdout: 'OK\njdupont\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('mmartin', 'marie-legacy'), WEAK))).toEqual({
        stdout: 'OK\nMMartin\n',
        status: 0,
      });
    });

    it.each(WEAK_LOGINS)('refuses a weak %s unless weak hashes are allowed', async (_hash, user, password) => {
      expect(stdoutAndStatus(await db.call([], login(user, password)))).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(stdoutAndStatus(await db.call([], login(user, password), WEAK))).toEqual({
        stdout: `OK\n${user}\n`,
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login(user, `${password}x`), WEAK))).toEqual({
        stdout: 'ERROR\n',
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

    it("gives credentials from pass_crypted, read as the site's MAIN_SECURITY_HASH_ALGO says, with its salt", async () => {
      const knex = db.database().connect();
      try {
        const rows: { username: string; password_salt: string | null; password_scheme: string | null }[] = await knex(
          'papercut_credentials',
        ).select('username', 'password_salt', 'password_scheme');
        const byName = Object.fromEntries(rows.map((row) => [row.username, [row.password_scheme, row.password_salt]]));
        expect(byName).toEqual({
          admin: [null, null],
          jdupont: [null, null],
          MMartin: ['dolibarr-sha1md5', '20170914093012'],
          'p.lefevre': ['md5', '20170914093012'],
          'wang.wei': [null, null],
          zoe: [null, null],
          hpetit: ['md5', '20170914093012'],
          cblanc: ['dolibarr-sha1md5', '20170914093012'],
          support: [null, null],
          dlambert: [null, null],
        });
      } finally {
        await knex.destroy();
      }
    });

    it('is named by doctor, which finds no error', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack dolibarr 1\.0\.0 \(migration \d+_papercut_views; prefix=llx_, entity=1, external_users=no, card=none, department=none, name_order=first_last, email_alias=no\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(result.status).toBe(0);
      // Every lookup is an index search (PostgreSQL: the README's indexes).
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
    });
  });

  describe('site A, entity 1, with external_users=yes, card=barcode, department=job', () => {
    const db = usePackDatabase('dolibarr', dialect, {
      fixture: fixture(dialect, 'dolibarr17'),
      options: ['external_users=yes', 'card=barcode', 'department=job'],
    });

    it('lists external users too, with the barcode as card number and the job as department', async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, lines(Object.values(USER_WITH_OPTIONS)));
      expect(stdoutAndStatus(await db.call(['-', 'group-member-names', 'Clients']))).toEqual({
        stdout: 'contact.acme\n',
        status: 0,
      });
      expect(stdoutAndStatus(await db.call([], login('contact.acme', 'acme-pw')))).toEqual({
        stdout: 'OK\ncontact.acme\n',
        status: 0,
      });
    });
  });

  describe('site A, entity 2', () => {
    const db = usePackDatabase('dolibarr', dialect, { fixture: fixture(dialect, 'dolibarr17'), options: ['entity=2'] });

    it("lists entity 2's users and entity 0's, its own admin hiding entity 0's", async () => {
      expectSameLines((await db.call(['-', 'all-users'])).stdout, lines(Object.values(USER_ENTITY2)));
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'admin\n'))).toEqual({
        stdout: `${USER_ENTITY2.admin}\n`,
        status: 0,
      });
    });

    it("lists entity 2's groups and entity 0's, its own Ventes hiding entity 0's", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(GROUPS_ENTITY2), status: 0 });
      for (const [group, members] of Object.entries(MEMBERS_ENTITY2)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect((await db.call(['-', 'is-user-in-group', 'Tous', 'MMartin'])).stdout).toBe('N\n');
    });

    it("logs in entity 2's users with their own passwords", async () => {
      for (const [user, password] of [
        ['admin', 'admin-sud'],
        ['jdupont', 'Julie-Sud1'],
        ['kmuller', 'karl-pw'],
        ['support', 'Supp0rt!'],
      ]) {
        expect(stdoutAndStatus(await db.call([], login(user!, password!))), user).toEqual({
          stdout: `OK\n${user}\n`,
          status: 0,
        });
      }
      for (const [user, password] of [
        ['admin', 'Adm1n!Nord'],
        ['jdupont', 'Jean-2023!'],
      ]) {
        expect(stdoutAndStatus(await db.call([], login(user!, password!))), user).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });
  });

  describe('site A under the other settings of MAIN_SECURITY_HASH_ALGO', () => {
    const sha1 = usePackDatabase('dolibarr', dialect, {
      fixture: () => fixture(dialect, 'dolibarr17'),
      statements: ["UPDATE llx_const SET value = 'sha1' WHERE name = 'MAIN_SECURITY_HASH_ALGO'"],
    });
    const unset = usePackDatabase('dolibarr', dialect, {
      fixture: () => fixture(dialect, 'dolibarr17'),
      statements: ["DELETE FROM llx_const WHERE name = 'MAIN_SECURITY_HASH_ALGO'"],
    });

    it('sha1: only 40 hex digits, read as sha1(salt . password)', async () => {
      expect(stdoutAndStatus(await sha1.call([], login('cblanc', 'claire-sha1')))).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
      expect(stdoutAndStatus(await sha1.call([], login('cblanc', 'claire-sha1'), WEAK))).toEqual({
        stdout: 'OK\ncblanc\n',
        status: 0,
      });
      for (const [user, password] of [
        ['MMartin', 'marie-legacy'],
        ['p.lefevre', 'pierre-md5'],
        ['jdupont', 'Jean-2023!'],
      ]) {
        expect(stdoutAndStatus(await sha1.call([], login(user!, password!), WEAK)), user).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('unset: only 32 hex digits, read as md5(salt . password)', async () => {
      expect(stdoutAndStatus(await unset.call([], login('p.lefevre', 'pierre-md5'), WEAK))).toEqual({
        stdout: 'OK\np.lefevre\n',
        status: 0,
      });
      for (const [user, password] of [
        ['MMartin', 'marie-legacy'],
        ['cblanc', 'claire-sha1'],
        ['jdupont', 'Jean-2023!'],
        ['hpetit', 'hugo-md5'],
      ]) {
        expect(stdoutAndStatus(await unset.call([], login(user!, password!), WEAK)), user).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });
  });

  describe('site B: Dolibarr 24 with prefix erp_, card=ref_employee, name_order=last_first, email_alias=yes', () => {
    const db = usePackDatabase('dolibarr', dialect, { fixture: fixture(dialect, 'dolibarr24'), options: SITE_B });

    it('reads the erp_ tables: last name first, the employee reference as card, the email as alias', async () => {
      const all = await db.call(['-', 'all-users']);
      expect(all.status).toBe(0);
      expectSameLines(all.stdout, lines(Object.values(USER_B)));
      expect(stdoutAndStatus(await db.call(['-', 'get-user-details'], 'sophie.girard\n'))).toEqual({
        stdout: `${USER_B['Sophie.Girard']}\n`,
        status: 0,
      });
      expectFailure(await db.call(['-', 'get-user-details'], 'ofournier\n'), 67, /is not in papercut_users/);
    });

    it("counts a group's members in its parent and every group above it, loops included", async () => {
      expect(stdoutAndStatus(await db.call(['-', 'all-groups']))).toEqual({ stdout: lines(GROUPS_B), status: 0 });
      for (const [group, members] of Object.entries(MEMBERS_B)) {
        expect(stdoutAndStatus(await db.call(['-', 'group-member-names', group])), group).toEqual({
          stdout: lines(members),
          status: 0,
        });
      }
      expect((await db.call(['-', 'is-user-in-group', 'Salariés', 'Sophie.Girard'])).stdout).toBe('Y\n');
      expect((await db.call(['-', 'is-user-in-group', 'Direction', 'ykim'])).stdout).toBe('N\n');
      expect((await db.call(['-', 'is-user-in-group', 'Salariés', 'ofournier'])).stdout).toBe('N\n');
    });

    it('checks sha1md5 hashes (weak) as MAIN_SECURITY_HASH_ALGO=sha1md5 does, and no bcrypt', async () => {
      for (const [user, password] of [
        ['Sophie.Girard', 'sophie-pw'],
        ['admin', 'Erp-admin-2016'],
        ['ykim', '유나-비밀'],
      ]) {
        expect(stdoutAndStatus(await db.call([], login(user!, password!))), user).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
        expect(stdoutAndStatus(await db.call([], login(user!, password!), WEAK)), user).toEqual({
          stdout: `OK\n${user}\n`,
          status: 0,
        });
      }
      for (const [user, password] of [
        ['rbonnet', 'remi-bcrypt'],
        ['ofournier', 'olivier-pw'],
        ['api.sync', 'api.sync'],
        ['mlopez', 'miguel-px'],
      ]) {
        expect(stdoutAndStatus(await db.call([], login(user!, password!), WEAK)), user).toEqual({
          stdout: 'ERROR\n',
          status: 0,
        });
      }
    });

    it('logs in by email address with BRIDGE_ALIAS_LOGIN=1, as Dolibarr does', async () => {
      const aliases = { ...WEAK, BRIDGE_ALIAS_LOGIN: '1' };
      expect(
        stdoutAndStatus(await db.call([], login('sophie.girard@menuiserie-girard.example', 'sophie-pw'), aliases)),
      ).toEqual({
        stdout: 'OK\nSophie.Girard\n',
        status: 0,
      });
      expect(
        stdoutAndStatus(await db.call([], login('sophie.girard@menuiserie-girard.example', 'sophie-pw'), WEAK)),
      ).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
    });

    it('is named by doctor, which finds no error', async () => {
      const result = await db.call(['doctor', '--json']);
      const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      expect(findings.find((item) => item.check === 'views.mapping')?.message).toMatch(
        /^the views come from pack dolibarr 1\.0\.0 \(migration \d+_papercut_views; prefix=erp_, entity=1, external_users=no, card=ref_employee, department=none, name_order=last_first, email_alias=yes\)$/,
      );
      expect(findings.filter((item) => item.level === 'error')).toEqual([]);
      expect(result.status).toBe(0);
      // The recursive expansion of parent groups too answers from the indexes.
      expect(findings.filter((item) => item.check.startsWith('indexes.') && item.level !== 'ok')).toEqual([]);
    });
  });

  describe('a database of another version', () => {
    // No llx_user.ref_employee: Dolibarr 15, which no covered version is.
    const db = usePackDatabase('dolibarr', dialect, {
      apply: false,
      fixture: () => fixture(dialect, 'dolibarr17'),
      statements: ['ALTER TABLE llx_user DROP COLUMN ref_employee'],
    });

    it('makes migrate latest fail, naming what is missing, and leaves the migration pending', async () => {
      await expectNotCovered(db, 'dolibarr', { lacks: 'llx_user.ref_employee', covers: COVERS });
    });
  });
});
