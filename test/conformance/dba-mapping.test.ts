// A DBA maps their own ERP with migrations in their own folder, through the
// built program, and PaperCut's calls answer from that mapping.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoHashes from '../../seeds/data/demo-password-hashes.json';
import { callBridge, expectFailure, expectSameLines, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
const erpFile = join(scratch.dir, 'erp.sqlite');
const mappingDir = join(scratch.dir, 'our-mapping');
const env = {
  BRIDGE_DB_CLIENT: 'sqlite',
  BRIDGE_DB_URL: erpFile,
  BRIDGE_MIGRATIONS_DIR: mappingDir,
  BRIDGE_STATE_DIR: join(scratch.dir, 'state'),
};
const call = (args: string[], stdin = '') => callBridge(args, { env, stdin, cwd: scratch.dir });
// A bcrypt hash of 'papercut-demo' made by python3-bcrypt (see seeds/data/generate-demo-hashes.sh).
const HASH = (demoHashes as Record<string, string>).cdubois!;

const OUR_MAPPING = `
exports.up = async (knex) => {
  await knex.raw(\`CREATE VIEW papercut_users AS
    SELECT login AS username, name AS full_name, NULL AS email, NULL AS department, NULL AS office,
           badge AS card_number, NULL AS other_emails, NULL AS card_number2, NULL AS alias,
           NULL AS home_directory, NULL AS pin
    FROM staff WHERE active = 1\`);
  await knex.raw('CREATE VIEW papercut_groups AS SELECT DISTINCT team AS group_name FROM teams');
  await knex.raw('CREATE VIEW papercut_group_members AS SELECT team AS group_name, login AS username FROM teams');
  await knex.raw(\`CREATE VIEW papercut_credentials AS
    SELECT login AS username, secret AS password_hash, NULL AS password_salt, NULL AS password_scheme FROM staff\`);
};
exports.down = async (knex) => {
  for (const view of ['papercut_credentials', 'papercut_group_members', 'papercut_groups', 'papercut_users']) {
    await knex.schema.dropViewIfExists(view);
  }
};
`;

beforeAll(() => {
  const db = new Database(erpFile);
  db.exec(`
    CREATE TABLE staff (login TEXT COLLATE NOCASE PRIMARY KEY, name TEXT, badge TEXT, active INTEGER, secret TEXT);
    CREATE TABLE teams (team TEXT, login TEXT);
  `);
  const insert = db.prepare('INSERT INTO staff VALUES (?, ?, ?, ?, ?)');
  insert.run('Øyvind', 'Øyvind Berg', '0042', 1, HASH);
  insert.run('kari', 'Kari Nordmann', null, 1, HASH);
  insert.run('ola', 'Ola Nordmann', '0043', 0, HASH);
  db.prepare('INSERT INTO teams VALUES (?, ?)').run('Print Room', 'Øyvind');
  db.prepare('INSERT INTO teams VALUES (?, ?)').run('Print Room', 'ola');
  db.close();
});
afterAll(() => scratch.remove());

describe('migrate make', () => {
  it('scaffolds a loadable migration with the four views for the dialect', async () => {
    const result = await call(['migrate', 'make', 'map_our_erp']);
    expect(result.status).toBe(0);
    const [file] = readdirSync(mappingDir);
    expect(file).toMatch(/^\d{14}_map_our_erp\.js$/);
    expect(result.stdout).toBe(`created ${join(mappingDir, file!)}\n`);
    const scaffold = readFileSync(join(mappingDir, file!), 'utf8');
    for (const view of ['papercut_users', 'papercut_groups', 'papercut_group_members', 'papercut_credentials']) {
      expect(scaffold).toMatch(new RegExp(`CREATE VIEW ${view}\\b`, 'i'));
    }
    const loaded = require(join(mappingDir, file!)) as { up: unknown; down: unknown };
    expect([typeof loaded.up, typeof loaded.down]).toEqual(['function', 'function']);
    rmSync(join(mappingDir, file!)); // the DBA rewrites it for their tables (below)
  });

  it('takes a numeric-looking name as a string', async () => {
    const result = await call(['migrate', 'make', '007']);
    expect(result.stdout).toMatch(/_007\.js\n$/);
    for (const file of readdirSync(mappingDir)) rmSync(join(mappingDir, file));
  });

  it('refuses to scaffold for the demo database', async () => {
    const demo = await callBridge(['migrate', 'make', 'x'], { cwd: scratch.dir, env: { BRIDGE_DB_CLIENT: 'demo' } });
    expectFailure(demo, 78, /BRIDGE_DB_CLIENT and BRIDGE_DB_URL/);
    const unset = await callBridge(['migrate', 'make', 'x'], { cwd: scratch.dir });
    expectFailure(unset, 78, /nothing is configured/);
  });
});

describe('migrate latest, status and rollback', () => {
  it('applies the mapping and every call answers from it', async () => {
    writeFileSync(join(mappingDir, '20270101000000_map_our_erp.js'), OUR_MAPPING);
    expect((await call(['migrate', 'status'])).stdout).toBe('pending  20270101000000_map_our_erp\n');
    expect(await call(['migrate', 'latest'])).toEqual({
      stdout: 'applied 20270101000000_map_our_erp (batch 1)\n',
      stderr: '',
      status: 0,
    });
    expect((await call(['migrate', 'status'])).stdout).toBe('applied  20270101000000_map_our_erp\n');

    expect((await call(['-', 'is-valid'])).stdout).toBe('Y\n');
    expectSameLines((await call(['-', 'all-users'])).stdout, 'kari\tKari Nordmann\nØyvind\tØyvind Berg\t\t\t\t0042\n');
    expect((await call(['-', 'group-member-names', 'print room'])).stdout).toBe('Øyvind\n');
  });

  it('matches non-ASCII usernames case-insensitively, as PaperCut lower-cases them', async () => {
    expect((await call(['-', 'get-user-details'], 'øyvind\n')).stdout).toBe('Øyvind\tØyvind Berg\t\t\t\t0042\n');
    expect((await call(['-', 'is-user-in-group', 'Print Room', 'øyvind'])).stdout).toBe('Y\n');
    expect((await call([], 'øyvind\npapercut-demo\n')).stdout).toBe('OK\nØyvind\n');
  });

  it('never creates the demo ERP in a real database', () => {
    const db = new Database(erpFile, { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    db.close();
    expect(tables).toEqual(['papercut_bridge_migrations', 'papercut_bridge_migrations_lock', 'staff', 'teams']);
  });

  it('rolls back, after which is-valid answers N', async () => {
    expect(await call(['migrate', 'rollback'])).toEqual({
      stdout: 'rolled back 20270101000000_map_our_erp (batch 1)\n',
      stderr: '',
      status: 0,
    });
    expect((await call(['-', 'is-valid'])).stdout).toBe('N\n');
    expect(existsSync(join(mappingDir, '20270101000000_map_our_erp.js'))).toBe(true);
  });

  it('refuses an ES module migration, naming it, instead of leaving it out', async () => {
    const file = join(mappingDir, '20270102000000_note.mjs');
    writeFileSync(
      file,
      "export const up = (knex) => knex.raw('CREATE TABLE notes (n TEXT)');\nexport const down = () => {};\n",
    );
    for (const action of ['latest', 'status']) {
      expectFailure(
        await call(['migrate', action]),
        78,
        /20270102000000_note\.mjs is an ES module, which the bridge cannot load: write migrations as CommonJS/,
      );
    }
    rmSync(file);
  });

  it('refuses a migration action or command it does not know', async () => {
    expectFailure(await call(['migrate', 'sideways']), 64, /usage: .*sideways/i);
    expectFailure(await call(['frobnicate']), 64, /usage: .*frobnicate/i);
  });
});
