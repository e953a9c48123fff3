// all-users reads papercut_users in the database's own order. Names that
// collide case-insensitively may come in any order, and the answer must still
// list only the spelling every other call picks: the first in code-unit order.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, expectSameLines, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
const erpFile = join(scratch.dir, 'erp.sqlite');
const env = { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: erpFile, BRIDGE_STATE_DIR: join(scratch.dir, 'state') };

/** Rows in the order the view returns them (the table's rowid order). */
const ROWS: [string, string][] = [
  ['mbrown', 'first, loses to MBrown'],
  ...Array.from({ length: 60_000 }, (_, i): [string, string] => [`user${String(i).padStart(5, '0')}`, `User ${i}`]),
  ['MBrown', 'replaces mbrown, loses to MBROWN'],
  ['USER00007', 'replaces user00007, 60 000 lines back'],
  ['mBrown', 'loses to MBrown'],
  ['MBROWN', 'the winner'],
  ['user59999', 'the same spelling again'],
];

/** The expected answer, worked out independently: per lower-cased name, the
 * spelling that sorts first, listed once. */
function expectedAnswer(): string {
  const chosen = new Map<string, [string, string]>();
  for (const row of ROWS) {
    const key = row[0].toLowerCase();
    const previous = chosen.get(key);
    if (!previous || row[0] < previous[0]) chosen.set(key, row);
  }
  return [...chosen.values()].map(([name, fullName]) => `${name}\t${fullName}\n`).join('');
}

beforeAll(() => {
  const db = new Database(erpFile);
  db.exec(`
    CREATE TABLE people (login TEXT, name TEXT);
    CREATE VIEW papercut_users AS
      SELECT login AS username, name AS full_name, NULL AS email, NULL AS department, NULL AS office,
             NULL AS card_number, NULL AS other_emails, NULL AS card_number2, NULL AS alias,
             NULL AS home_directory, NULL AS pin
      FROM people;
  `);
  const insert = db.prepare('INSERT INTO people VALUES (?, ?)');
  db.transaction(() => ROWS.forEach((row) => insert.run(...row)))();
  db.close();
});
afterAll(() => scratch.remove());

describe('all-users in the database’s order', () => {
  it('keeps the spelling every call picks, whichever comes first, and drops lines given earlier', async () => {
    const result = await callBridge(['-', 'all-users'], { env, cwd: scratch.dir });
    expect(result.status).toBe(0);
    expectSameLines(result.stdout, expectedAnswer());
    expect(result.stdout.split('\n')).toHaveLength(60_002);
    expect(result.stderr).toBe(
      'papercut-bridge: warning: 5 username(s) collide case-insensitively with another; each name is listed once\n',
    );
  });

  it('picks the same spelling as get-user-details', async () => {
    const details = await callBridge(['-', 'get-user-details'], { env, cwd: scratch.dir, stdin: 'mbrown\n' });
    expect(details.stdout).toBe('MBROWN\tthe winner\n');
  });
});
