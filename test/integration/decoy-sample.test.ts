// Every login reads a few stored hashes to time an unknown user's login
// against (chooseDecoy). Where most users have no hash, as in a directory
// whose users log in elsewhere, looking for them must not read the whole
// credentials view: the view here counts the rows it reads, through a
// function SQLite calls for each.
import { beforeAll, expect, it } from 'vitest';
import { addBulkUsers } from '../../seeds/data/bulk-users';
import { rowCounter, useDemoKnex, type RowCounter } from '../support/databases';

const demo = useDemoKnex('sqlite');
let reads: RowCounter;

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
