// mysql2 escapes values on the client, with backslashes. On a server whose
// sql_mode has NO_BACKSLASH_ESCAPES, such escaping would let a login name run
// SQL: the bridge takes the mode out of its sessions. And database errors
// never quote a row's values on stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWith } from '../support/databases';
import { startPrivateMariaDb, type PrivateMariaDb } from '../support/private-mariadb';
import { callBridge, scratchDir } from '../conformance/spawn-bridge';

const scratch = scratchDir();
let server: PrivateMariaDb;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startPrivateMariaDb(['--sql-mode=NO_BACKSLASH_ESCAPES']);
  env = { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: server.url, BRIDGE_STATE_DIR: join(scratch.dir, 'state') };
  const demo = await callBridge(['demo'], { env, cwd: scratch.dir });
  expect(demo.status).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  scratch.remove();
});

const call = (args: string[], stdin?: string) => callBridge(args, { env, stdin, cwd: scratch.dir });

const SLEEP = "' OR (select sleep(3)) -- ";
const EXTRACT = "x' AND extractvalue(1, concat(0x7e, (select password_hash from papercut_credentials limit 1))) -- ";
const STORED_HASH = /\$2[aby]\$/;

describe('a server with NO_BACKSLASH_ESCAPES', () => {
  it('is what the test means: the server default has the mode', () => {
    expect(globalSqlMode()).toMatch(/NO_BACKSLASH_ESCAPES/);
  });

  it("leaves the bridge's sessions without it", async () => {
    const db = connectWith(env);
    try {
      const [rows] = await db.raw('select @@session.sql_mode as mode');
      expect(String(rows[0].mode)).not.toMatch(/NO_BACKSLASH_ESCAPES/);
    } finally {
      await db.destroy();
    }
  });

  it('never runs a login name as SQL', async () => {
    for (const name of [SLEEP, EXTRACT]) {
      const started = performance.now();
      const login = await call([], `${name}\npassword\n`);
      expect(login.stdout).toBe('ERROR\n');
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(login.stderr).not.toMatch(STORED_HASH);
      const details = await call(['-', 'get-user-details'], `${name}\n`);
      expect({ status: details.status, stdout: details.stdout }).toEqual({ status: 67, stdout: '' });
      expect(details.stderr).not.toMatch(STORED_HASH);
      const member = await call(['-', 'is-user-in-group', 'finance', name]);
      expect(member.stdout).toBe('N\n');
    }
    expect((await call([], 'jsmith\npapercut-demo\n')).stdout).toBe('OK\nJSmith\n');
  });

  it("never quotes a row's value in a database error", async () => {
    const db = connectWith(env);
    try {
      await db.raw('create table leaky (login varchar(50), secret varchar(100))');
      await db.raw("insert into leaky values ('jsmith', '$2b$10$abcdefghijklmnopqrstuv')");
      await db.raw('create database leaky_erp');
      // A view whose function fails on a row and says what it met, as conversion errors do.
      await db.raw(
        "create function leaky_erp.checked(value varchar(100)) returns varchar(100) deterministic begin declare message varchar(200) default concat('unexpected value ''', value, ''''); if value like '$%' then signal sqlstate '45000' set message_text = message; end if; return value; end",
      );
      await db.raw(
        'create view leaky_erp.papercut_users as select login as username, leaky_erp.checked(secret) as full_name, null as email, null as department, null as office, null as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from erp.leaky',
      );
    } finally {
      await db.destroy();
    }
    const result = await callBridge(['-', 'all-users'], {
      env: { ...env, BRIDGE_DB_SCHEMA: 'leaky_erp' },
      cwd: scratch.dir,
    });
    expect(result.status).toBe(70);
    expect(result.stderr).toMatch(/unexpected value '…'/);
    expect(result.stderr).not.toMatch(/abcdefghij|\$2b\$/);
  });
});

/** The server's own default sql_mode, read with the mariadb client (not the bridge's session). */
function globalSqlMode(): string {
  const url = new URL(server.url);
  const args = ['-h', url.hostname, '-P', url.port, '-u', 'root', '-N', '-e', 'select @@global.sql_mode'];
  return spawnSync('mariadb', args, { encoding: 'utf8' }).stdout;
}
