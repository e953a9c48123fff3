// The migration a pack makes: options checked before they reach SQL, the
// tables checked before anything changes, optional parts found when it runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../bridge/packs/manifest';
import { packMigration } from '../../bridge/packs/scaffold';
import { render } from '../../bridge/packs/template';
import { callBridge, expectFailure, scratchDir } from '../conformance/spawn-bridge';
import { createDatabase, forEachDialect, type TestDatabase } from '../support/databases';

const PACKS = join(__dirname, '..', 'fixtures', 'pack-mechanism');
const staff = loadPack('staff', PACKS);
const scratch = scratchDir();
afterAll(() => scratch.remove());

describe('templates', () => {
  const input = { values: { p: 'x_' }, conditions: { p: 'x_', on: true, off: false, kind: 'a' } };
  it('keep or drop sections, innermost first, and fill in values', () => {
    expect(render('{{#on}}A{{^off}}B{{/off}}{{/on}}{{^on}}C{{/on}}', input, 't')).toBe('AB');
    expect(render('{{#kind=a}}1{{/kind}}{{^kind=a}}2{{/kind}}{{#kind=b}}3{{/kind}} {{p}}t', input, 't')).toBe('1 x_t');
  });
  it('refuse a name that is no option, and a section left open', () => {
    expect(() => render('{{#nope}}x{{/nope}}', input, 't')).toThrow(/names no option or feature/);
    expect(() => render('{{#on}}x', input, 't')).toThrow(/section left open/);
    expect(() => render('{{nope}}', input, 't')).toThrow(/names no option/);
  });
});

describe('options', () => {
  const make = (options: string[]) => packMigration(staff, 'sqlite', options);
  it('refuse unknown options and values that are not of their type', () => {
    expect(() => make(['colour=red'])).toThrow(/has no option 'colour'.*prefix, team, card, salt/);
    expect(() => make(['prefix'])).toThrow(/has no option 'prefix'/);
    expect(() => make(['prefix=hr_; drop table x'])).toThrow(/option prefix must be letters, digits and _/);
    expect(() => make(['card=barcode'])).toThrow(/option card must be one of none, badge/);
    expect(() => make(['team=R&D\n'])).toThrow(/option team must be printable ASCII/);
  });
  it('take a secret only from a file, and mask it in what the migration says of itself', () => {
    expect(() => make(['salt=s3cret'])).toThrow(/salt is a secret: give it as salt=@FILE/);
    const file = join(scratch.dir, 'salt.txt');
    writeFileSync(file, "it's\\a salt\n");
    const text = make([`salt=@${file}`]);
    expect(text).toContain(`'it''s\\\\a salt' AS password_salt`);
    expect(text).toMatch(/"salt": "\*\*\*"/);
    expect(
      text
        .split('\n')
        .filter((line) => line.startsWith('//'))
        .join('\n'),
    ).not.toContain("it's");
  });
  it('refuse an empty value for a required option', () => {
    const required = {
      ...staff,
      options: { ...staff.options, team: { ...staff.options.team!, required: true, default: 'R&D' } },
    };
    expect(() => packMigration(required, 'sqlite', ['team='])).toThrow(/option team cannot be empty/);
    expect(packMigration(required, 'sqlite', ['team=Sales'])).toContain("'Sales'");
  });

  it('refuse a dialect the pack has no views for', () => {
    expect(() => packMigration(staff, 'mssql', [])).toThrow(
      /pack staff has no views for mssql \(it covers sqlite, pg, mysql\)/,
    );
  });
});

forEachDialect(['sqlite', 'pg', 'mysql'], (dialect) => {
  let database: TestDatabase;
  const dir = join(scratch.dir, dialect);
  const env = () => ({ ...database.env, BRIDGE_MIGRATIONS_DIR: join(dir, 'mapping') });
  const call = (args: string[], stdin = '') => callBridge(args, { env: env(), cwd: dir, stdin });
  const details = (user: string) => call(['-', 'get-user-details'], `${user}\n`);
  const sql = async (...statements: string[]) => {
    const db = database.connect();
    try {
      for (const statement of statements) await db.raw(statement);
    } finally {
      await db.destroy();
    }
  };
  let made = 0;
  const makeMigration = (options: string[] = []) => {
    mkdirSync(join(dir, 'mapping'), { recursive: true });
    writeFileSync(
      join(dir, 'mapping', `2026120500000${made++}_papercut_views.js`),
      packMigration(staff, dialect, options),
    );
  };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    database = await createDatabase(dialect, dir);
    // Version 0 of the register: no badge column yet.
    await sql(
      'create table hr_staff (login varchar(40), name varchar(80), team varchar(40), active int, secret varchar(200))',
      "insert into hr_staff values ('ann', 'Ann Lee', 'R&D', 1, null), ('bob', 'Bob Ray', 'Sales', 1, null), ('cy', 'Cy Old', 'Sales', 0, null)",
    );
  });
  afterAll(() => database?.drop());

  it('fails on a database without the tables and columns it needs, and changes nothing', async () => {
    makeMigration();
    expectFailure(
      await call(['migrate', 'latest']),
      70,
      /migration failed, nothing of it applied: pack staff 0\.1\.0 cannot map this database: it lacks hr_staff\.badge; the pack covers staff register 1 and 2$/,
    );
    expect((await call(['migrate', 'status'])).stdout).toBe('pending  20261205000000_papercut_views\n');
    expect((await call(['-', 'is-valid'])).stdout).toBe('N\n');
  });

  it('maps the database once it has them, with the optional parts it finds', async () => {
    await sql('alter table hr_staff add badge varchar(20)', "update hr_staff set badge = '0417' where login = 'ann'");
    expect((await call(['migrate', 'latest'])).status).toBe(0);
    expect((await details('ann')).stdout).toBe('ann\tAnn Lee\t\tR&D\n');

    await sql(
      'create table hr_desks (login varchar(40), office varchar(40))',
      "insert into hr_desks values ('ann', 'B2')",
    );
    makeMigration(['card=badge', 'team=R&D']);
    expect((await call(['migrate', 'latest'])).status).toBe(0);
    // The desks table is found, and only R&D is mapped.
    expect((await details('ann')).stdout).toBe('ann\tAnn Lee\t\tR&D\tB2\t0417\n');
    expect((await details('bob')).status).toBe(67);
  });

  it('reads a text option as a value, never as SQL', async () => {
    makeMigration(['card=badge', "team=R&D' OR 'x'='x"]);
    expect((await call(['migrate', 'latest'])).status).toBe(0);
    for (const user of ['ann', 'bob']) expect((await details(user)).status).toBe(67);
  });

  it('is named by doctor, whose card check reads columns of different collations', async () => {
    makeMigration(['card=badge']);
    expect((await call(['migrate', 'latest'])).status).toBe(0);
    await sql("update hr_staff set badge = '0417' where login = 'bob'");
    const report = JSON.parse((await call(['doctor', '--json'])).stdout);
    const check = (name: string) => report.findings.find((item: { check: string }) => item.check === name);
    expect(check('views.mapping').message).toBe(
      'the views come from pack staff 0.1.0 (migration 20261205000003_papercut_views; prefix=hr_, team=(empty), card=badge, salt=(empty))',
    );
    expect(check('data.aggregates')).toBeUndefined();
    expect(check('data.cards.duplicates')).toMatchObject({ level: 'error', count: 1, examples: ['ann', 'bob'] });
  });

  it('matches a text option holding ? and \\ exactly', async () => {
    const team = 'Q?A \\ desk';
    const db = database.connect();
    await db('hr_staff')
      .insert({ login: 'dee', name: 'Dee Fox', team, active: 1, badge: '77' })
      .finally(() => db.destroy());
    makeMigration(['card=badge', `team=${team}`]);
    expect((await call(['migrate', 'latest'])).status).toBe(0);
    expect((await details('dee')).stdout).toBe(`dee\tDee Fox\t\t${team}\t\t77\n`);
    expect((await details('ann')).status).toBe(67);
  });
});
