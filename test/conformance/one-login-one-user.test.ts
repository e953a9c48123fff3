// An ERP row can never be listed, found or logged in under another row's
// name: each attacker row below holds a password the attacker knows, beside
// the real user's row. Every call must agree with all-users about who a name
// is. PostgreSQL runs on a database with LC_CTYPE 'C', whose lower() folds
// ASCII only, while PaperCut lower-cases names in Java.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, forEachDialect, type TestDatabase } from '../support/databases';
import { callBridge, expectSameLines, scratchDir } from './spawn-bridge';

interface Vector {
  password: string;
  hash: string;
  expect: string;
}
const vectors = (
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'bcrypt-vectors.json'), 'utf8')) as { vectors: Vector[] }
).vectors.filter((vector) => vector.expect === 'match' && vector.hash.startsWith('$2b$04$'));
const vectorFor = (password: string) => vectors.find((vector) => vector.password === password)!;
/** The real users' password, and the one the attacker gave their own rows. */
const REAL = vectorFor('Secret123!');
const ATTACKER = vectorFor('pässwörd');

/** login as stored, whose password it has, and whether the row is in group Staff. */
const ROWS: [string, Vector | null, boolean][] = [
  ['bob', REAL, false],
  ['bob\u00a0', ATTACKER, true],
  ['alice', REAL, false],
  ['alice ', ATTACKER, true],
  ['\ufeffcarol', ATTACKER, true],
  ['carol', REAL, false],
  ['dave', REAL, false],
  ['dave\u3000', ATTACKER, true],
  ['erin', REAL, false],
  ['erin\u0001', ATTACKER, true],
  ['MBrown', null, false],
  ['mbrown', ATTACKER, true],
  ['kate', REAL, false],
  ['\u212aate', ATTACKER, true],
  ['i\u0307nci', REAL, false],
  ['\u0130nci', ATTACKER, true],
  ['frank   ', REAL, true],
  ['Gina  ', REAL, false],
  ['gina', ATTACKER, true],
  ['Øyvind', REAL, false],
  ['øyvind', ATTACKER, true],
];

/** Who each name is, written out by hand: the listed name and the row (its index in ROWS). */
const LISTED: [string, number][] = [
  ['bob', 0],
  ['alice', 2],
  ['carol', 5],
  ['dave', 6],
  ['erin', 8],
  ['MBrown', 10],
  ['kate', 12],
  ['i\u0307nci', 14],
  ['frank', 16],
  ['Gina', 17],
  ['Øyvind', 19],
];
/** The stored names that need cleaning, which no call answers for. */
const UNUSABLE = ['bob\u00a0', '\ufeffcarol', 'dave\u3000', 'erin\u0001', '\u212aate', '\u0130nci'];
const lineOf = (name: string, row: number) => `${name}\trow ${row}\n`;

forEachDialect(undefined, (dialect) => {
  const scratch = scratchDir();
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDatabase(dialect, scratch.dir, { pgCtypeC: true });
    const db = database.connect();
    try {
      await db.schema.createTable('people', (table) => {
        table.integer('id').primary();
        table.text('login');
        table.text('hash');
        table.boolean('staff');
      });
      await db.batchInsert(
        'people',
        ROWS.map(([login, vector, staff], id) => ({ id, login, hash: vector?.hash ?? null, staff })),
        50,
      );
      const row = dialect === 'mysql' ? "concat('row ', id)" : "'row ' || id";
      await db.raw(
        `create view papercut_users as select login as username, ${row} as full_name, null as email, null as department, null as office, null as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from people`,
      );
      await db.raw("create view papercut_groups as select 'Staff' as group_name");
      await db.raw(
        `create view papercut_group_members as select 'Staff' as group_name, login as username from people where staff = ${dialect === 'pg' ? 'true' : '1'}`,
      );
      await db.raw(
        'create view papercut_credentials as select login as username, hash as password_hash, null as password_salt, null as password_scheme from people where hash is not null',
      );
      if (dialect === 'pg') {
        const [ctype] = (await db.raw('select datctype from pg_database where datname = current_database()')).rows;
        expect(ctype.datctype).toBe('C');
      }
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });
  const call = (args: string[], stdin?: string) =>
    callBridge(args, {
      env: { ...database.env, BRIDGE_STATE_DIR: join(scratch.dir, 'state') },
      cwd: scratch.dir,
      stdin,
    });
  const login = async (name: string, password: string) => (await call([], `${name}\n${password}\n`)).stdout;

  it('lists each name once, from the row it is, and leaves out names that need cleaning', async () => {
    const result = await call(['-', 'all-users']);
    expect(result.status).toBe(0);
    expectSameLines(result.stdout, LISTED.map(([name, row]) => lineOf(name, row)).join(''));
  });

  describe('the auth program', () => {
    it('logs the real users in under the name all-users lists', async () => {
      for (const [name] of LISTED.filter(([name]) => name !== 'MBrown')) {
        expect(await login(name, REAL.password)).toBe(`OK\n${name}\n`);
        expect(await login(name.toUpperCase(), REAL.password)).toBe(`OK\n${name}\n`);
      }
    });

    it("never accepts a row's password for another row's name", async () => {
      for (const [stored, vector] of ROWS.filter(([, vector]) => vector === ATTACKER)) {
        for (const name of new Set([
          stored,
          stored.trim(),
          stored.toLowerCase(),
          stored.replace(/[^\x20-\x7e]/g, ''),
        ])) {
          expect({ name, answer: await login(name, vector!.password) }).toEqual({ name, answer: 'ERROR\n' });
        }
      }
      // A card-only user's name with another spelling's password.
      expect(await login('MBrown', ATTACKER.password)).toBe('ERROR\n');
    });
  });

  it('get-user-details finds each listed name, case aside, as all-users lists it, and no other row', async () => {
    for (const [name, row] of LISTED) {
      for (const asked of [name, name.toLowerCase(), name.toUpperCase()]) {
        const result = await call(['-', 'get-user-details'], `${asked}\n`);
        expect({ asked, stdout: result.stdout }).toEqual({ asked, stdout: lineOf(name, row) });
      }
    }
    // A BOM that opens stdin is taken for an encoding mark, not part of the name.
    for (const stored of UNUSABLE.filter((name) => !name.startsWith('\ufeff'))) {
      const result = await call(['-', 'get-user-details'], `${stored}\n`);
      expect({ stored, status: result.status, stdout: result.stdout }).toEqual({ stored, status: 67, stdout: '' });
    }
  });

  it('counts only memberships that belong to the row a name is', async () => {
    expect((await call(['-', 'group-member-names', 'Staff'])).stdout).toBe('frank\n');
    expect((await call(['-', 'group-members', 'Staff'])).stdout).toBe(lineOf('frank', 16));
    for (const [name] of LISTED) {
      const expected = name === 'frank' ? 'Y\n' : 'N\n';
      for (const asked of [name, name.toLowerCase()]) {
        const result = await call(['-', 'is-user-in-group', 'Staff', asked]);
        expect({ asked, stdout: result.stdout }).toEqual({ asked, stdout: expected });
      }
    }
    for (const [stored] of ROWS.filter(([, , staff]) => staff)) {
      if (stored === 'frank   ') continue;
      expect((await call(['-', 'is-user-in-group', 'Staff', stored])).stdout).toBe('N\n');
    }
  });

  it('doctor reports each name that needs cleaning as an error', async () => {
    const result = await call(['doctor', '--json']);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { check: string; level: string; count?: number }[] })
      .findings;
    expect(findings.find((item) => item.check === 'data.usernames.unclean')).toMatchObject({
      level: 'error',
      count: UNUSABLE.length,
    });
  });
});
