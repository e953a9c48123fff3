// The read-only login: every PaperCut call works through it, the ERP's tables do not.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callBridge, expectSameLines, scratchDir } from '../conformance/spawn-bridge';
import { connectWith, createDemoDatabase, forEachDialect, type TestDatabase } from '../support/databases';

const expectedAllUsers = readFileSync(join(__dirname, '..', 'conformance', 'expected', 'all-users.txt'), 'utf8');

const DROP_LOGIN: Record<string, (role: string) => string[]> = {
  pg: (role) => [`drop owned by "${role}"`, `drop role "${role}"`],
  mysql: (role) => [`drop user '${role}'@'%'`],
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  const scratch = scratchDir();
  const role = `reader_${randomBytes(4).toString('hex')}`;
  const password = `Pw-${randomBytes(9).toString('base64url')}`;
  let database: TestDatabase;
  let readerEnv: Record<string, string>;
  const call = (args: string[], stdin = '') => callBridge(args, { env: readerEnv, stdin, cwd: scratch.dir });

  beforeAll(async () => {
    database = await createDemoDatabase(dialect, scratch.dir);
    const created = await callBridge(['create-reader', role], { env: database.env, stdin: `${password}\n` });
    expect(created).toEqual({ stdout: expect.stringContaining(`created ${role}`), stderr: '', status: 0 });
    const url = new URL(database.env.BRIDGE_DB_URL!);
    url.username = role;
    url.password = encodeURIComponent(password);
    readerEnv = {
      BRIDGE_DB_CLIENT: dialect,
      BRIDGE_DB_URL: url.toString(),
      BRIDGE_STATE_DIR: database.env.BRIDGE_STATE_DIR!,
    };
  });
  afterAll(async () => {
    const admin = database.connect();
    try {
      for (const sql of DROP_LOGIN[dialect]!(role)) await admin.raw(sql);
    } finally {
      await admin.destroy();
      await database.drop();
      scratch.remove();
    }
  });

  it('answers every PaperCut call through the read-only login', async () => {
    expect(await call(['-', 'is-valid'])).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    expectSameLines((await call(['-', 'all-users'])).stdout, expectedAllUsers);
    expect((await call(['-', 'all-groups'])).stdout).toMatch(/^007\n1e3\nAccounts Payable\n/);
    expect((await call(['-', 'group-member-names', 'finance-managers'])).stdout).toBe('JSmith\nbodegard\n');
    expect((await call(['-', 'group-members', 'cfo-office'])).stdout).toMatch(/^bodegard\tBjørn Ødegård\t/);
    expect((await call(['-', 'get-user-details'], 'jsmith\n')).stdout).toMatch(/^JSmith\tJohn Smith\t/);
    expect((await call(['-', 'is-user-in-group', 'finance', 'jsmith'])).stdout).toBe('Y\n');
    expect(await call([], 'jsmith\npapercut-demo\n')).toEqual({ stdout: 'OK\nJSmith\n', stderr: '', status: 0 });
  });

  it('cannot read or change the ERP tables, nor write to the views', async () => {
    const reader = connectWith(readerEnv);
    try {
      await expect(reader.select('login_name').from('hr_employees')).rejects.toThrow(/denied/i);
      await expect(reader.select('pwd_hash').from('sec_credentials').limit(1)).rejects.toThrow();
      await expect(reader('hr_employees').update({ status: 'ACTIVE' })).rejects.toThrow(/denied|read-only/i);
      await expect(reader('papercut_users').delete()).rejects.toThrow(/denied|read-only|cannot delete/i);
      expect(await reader.select('username').from('papercut_users').limit(1)).toHaveLength(1);
    } finally {
      await reader.destroy();
    }
  });

  it('never takes the password from the command line', async () => {
    const result = await callBridge(['create-reader', `${role}_2`], { env: database.env, stdin: 'short\n' });
    expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: '', status: 64 });
    expect(result.stderr).toMatch(/at least 12 characters on stdin/);
  });
});
