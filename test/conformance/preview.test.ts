// `papercut-bridge preview`: what the next sync would change, before PaperCut acts.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDemoDatabase, forEachDialect, type TestDatabase } from '../support/databases';
import { PEOPLE } from '../../seeds/data/demo-people';
import { callBridge, scratchDir } from './spawn-bridge';

forEachDialect(undefined, (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let remove: () => void;
  const call = (args: string[]) => callBridge(args, { env });
  const change = async (...statements: string[]) => {
    const db = database.connect();
    try {
      for (const sql of statements) await db.raw(sql);
    } finally {
      await db.destroy();
    }
  };

  beforeEach(async () => {
    const scratch = scratchDir();
    remove = scratch.remove;
    database = await createDemoDatabase(dialect, scratch.dir);
    env = { ...database.env, BRIDGE_STATE_DIR: join(scratch.dir, 'state') };
    expect((await call(['-', 'all-users'])).status).toBe(0);
  });
  afterEach(async () => {
    await database.drop();
    remove();
  });

  it('lists the users added, removed and changed since the last all-users, in text', async () => {
    await change(
      "UPDATE hr_employees SET status = 'TERMINATED' WHERE login_name IN ('rsingh', 'hali')",
      "UPDATE hr_employees SET status = 'ACTIVE' WHERE login_name = 'rjones'",
      "UPDATE hr_employees SET badge_no = '99999', print_pin = 1111 WHERE login_name = 'JSmith'",
    );
    const result = await call(['preview']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(2, 4)).toEqual([
      'Next all-users: 43 users: 1 added, 2 removed, 1 changed',
      'The guard would let it through',
    ]);
    expect(lines).toContain('+ rjones (Robert Jones)');
    expect(lines).toContain('- hali (Hassan Ali)  (deleted in PaperCut if "Delete users that do not exist" is on)');
    expect(lines).toContain("~ JSmith: card_number: '10001' → '99999'; pin changed");
    expect(result.stdout).not.toContain('1111'); // the new PIN
    expect(result.stdout).not.toContain('4821'); // the old one
  });

  it('keeps no PIN in the state directory, and still tells a changed PIN from an unchanged one', async () => {
    const pins = PEOPLE.flatMap((person) => (person.pin === null ? [] : [String(person.pin)]));
    const stateDir = env.BRIDGE_STATE_DIR!;
    const stateFiles = () =>
      readdirSync(stateDir, { recursive: true, encoding: 'utf8' }).map((name) => join(stateDir, name));
    for (const file of stateFiles()) {
      if (!statSync(file).isFile()) continue;
      const text = readFileSync(file, 'latin1');
      // A PIN as a whole field, a line or a JSON string.
      for (const pin of pins)
        expect(text, `${file} holds a PIN`).not.toMatch(new RegExp(`(^|[\t\n"])${pin}([\t\n"]|$)`));
    }
    // The same PIN again is no change; another is.
    await change("UPDATE hr_employees SET print_pin = 4821 WHERE login_name = 'JSmith'");
    expect(JSON.parse((await call(['preview', '--json'])).stdout).changed).toEqual([]);
    await change("UPDATE hr_employees SET print_pin = 4822 WHERE login_name = 'JSmith'");
    expect(JSON.parse((await call(['preview', '--json'])).stdout).changed).toEqual([
      { username: 'JSmith', fields: { pin: { from: '***', to: '***' } } },
    ]);
  });

  it('says when PINs cannot be compared because the fingerprint key was replaced', async () => {
    rmSync(join(env.BRIDGE_STATE_DIR!, 'pin-fingerprint.key'));
    const result = await call(['preview']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'PIN changes are not shown: the last answer was kept under another PIN fingerprint key',
    );
    expect(JSON.parse((await call(['preview', '--json'])).stdout)).toMatchObject({ pinsCompared: false, changed: [] });
  });

  it('says in JSON when the guard would refuse the next sync', async () => {
    await change("UPDATE hr_employees SET status = 'SUSPENDED' WHERE id <= 20");
    const result = await call(['preview', '--json']);
    const preview = JSON.parse(result.stdout);
    expect(preview).toMatchObject({
      previous: { count: 44, at: expect.any(String) },
      guard: { refuses: true, reason: expect.stringMatching(/fewer than the 44/) },
      added: [],
    });
    expect(preview.removed.length).toBe(44 - preview.current.count);
    // preview changes nothing: the guard still compares with 44.
    expect((await call(['-', 'all-users'])).status).toBe(75);
  });

  it('shows no change right after a sync', async () => {
    const preview = JSON.parse((await call(['preview', '--json'])).stdout);
    expect([preview.added, preview.removed, preview.changed]).toEqual([[], [], []]);
  });
});
