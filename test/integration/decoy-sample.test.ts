// Every login times a refused login against a stored hash (chooseDecoy).
// Where most users have no hash, as in a directory whose users log in
// elsewhere, finding one must not read the whole credentials view, and once
// its owner is remembered a login reads that one credential: the view here
// counts the rows it reads, through a function SQLite calls for each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginDecoy } from '../../bridge/commands/login-decoy';
import { DecoyOwner } from '../../bridge/state/decoy-owner';
import { addBulkUsers } from '../../seeds/data/bulk-users';
import { rowCounter, useDemoKnex, type RowCounter } from '../support/databases';

const demo = useDemoKnex('sqlite');
let reads: RowCounter;
const stateDir = mkdtempSync(join(tmpdir(), 'decoy-state-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const ownerIn = (dir: string) =>
  new DecoyOwner({ stateDir: dir, dialect: 'sqlite', url: 'erp.sqlite', schema: undefined });
const noWarning = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

beforeAll(async () => {
  const db = demo.db();
  reads = await rowCounter(db, 'credential_read');
  await addBulkUsers(db, 'sqlite', 5000);
  // Every employee, with or without a password, as a view over a whole user table reads.
  await db.raw('DROP VIEW papercut_credentials');
  await db.raw(`CREATE VIEW papercut_credentials AS
    SELECT e.login_name AS username, c.password_hash, c.salt AS password_salt, c.algorithm AS password_scheme
    FROM hr_employees e LEFT JOIN sec_credentials c ON c.employee_id = e.id
    WHERE credential_read(e.id)`);
});

it('reads at most the first rows of the view it is given for the sample of hashes', async () => {
  const db = demo.db();
  const directory = demo.directory();
  reads.count = 0;
  const everyRow = Number((await db('papercut_credentials').count({ n: '*' }))[0]!.n);
  expect(reads.count).toBe(everyRow);
  const hashed = Number((await db('papercut_credentials').whereNotNull('password_hash').count({ n: '*' }))[0]!.n);
  expect(hashed).toBeGreaterThan(0);
  expect(hashed).toBeLessThan(64);

  reads.count = 0;
  const sample = await directory.someCredentials(64, 1024);
  // Those of the first rows that have one: some, never a row without.
  expect(sample.length).toBeGreaterThan(0);
  expect(sample.length).toBeLessThanOrEqual(hashed);
  expect(sample.every((row) => row.password_hash !== null)).toBe(true);
  expect(everyRow).toBeGreaterThan(5000);
  expect(reads.count).toBeLessThanOrEqual(1024);
});

it('remembers whose hash it chose, and then reads that credential alone', async () => {
  const owner = ownerIn(stateDir);
  reads.count = 0;
  const chosen = await loginDecoy(demo.directory(), owner, noWarning);
  expect(chosen?.hash).toMatch(/^\$/);
  expect(reads.count).toBeLessThanOrEqual(1024);
  const name = owner.read()!;
  const [row] = await demo.db()('papercut_credentials').where({ username: name });
  expect(row.password_hash).toBe(chosen!.hash);

  reads.count = 0;
  const again = await loginDecoy(demo.directory(), owner, noWarning);
  expect(again?.hash).toBe(chosen!.hash);
  expect(reads.count).toBeLessThanOrEqual(2);
});

it('chooses again when the remembered owner has no hash that serves', async () => {
  const owner = ownerIn(stateDir);
  const hashless = await demo.db()('papercut_credentials').whereNull('password_hash').first('username');
  for (const name of [hashless.username as string, 'nobody-at-all']) {
    owner.write(name);
    reads.count = 0;
    const chosen = await loginDecoy(demo.directory(), owner, noWarning);
    expect(chosen?.hash).toMatch(/^\$/);
    expect(reads.count).toBeGreaterThan(2);
    expect(owner.read()).not.toBe(name);
  }
});

it('still finds a decoy when the state folder cannot be written, and says so', async () => {
  const file = join(stateDir, 'a-file');
  writeFileSync(file, '');
  const warnings: string[] = [];
  const chosen = await loginDecoy(demo.directory(), ownerIn(file), (message) => warnings.push(message));
  expect(chosen?.hash).toMatch(/^\$/);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(file);
  expect(warnings[0]).not.toContain(chosen!.hash);
});
