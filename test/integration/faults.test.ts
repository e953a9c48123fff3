// Fail closed: whatever breaks mid-call, the answer is an empty stdout, one
// line on stderr and a non-zero exit, never a short user list.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readViewStatements } from '../../bridge/db/view-sql';
import { callBridge, expectFailure, PROGRAM, scratchDir } from '../conformance/spawn-bridge';
import { addBulkUsers } from '../../seeds/data/bulk-users';
import { createDemoDatabase, forEachDialect, type TestDatabase } from '../support/databases';

const BULK_USERS = 300_000;

interface ServerFaults {
  /** The server's id of the connection running the all-users query, if one is. */
  findQuery(db: Knex): Promise<number | undefined>;
  kill(db: Knex, id: number): Promise<unknown>;
  /** Statements that make papercut_users fail on one row deep in its result. */
  failDeep: string[];
}

const usersView = (dialect: 'pg' | 'mysql') =>
  readViewStatements(dialect).find((v) => v.view === 'papercut_users')!.sql;

const FAULTS: Record<'pg' | 'mysql', ServerFaults> = {
  pg: {
    findQuery: async (db) =>
      (
        await db.raw(`select pid from pg_stat_activity where datname = current_database()
          and pid <> pg_backend_pid() and state <> 'idle'
          and (query like '%papercut_users%' or query like '%papercut_bridge_rows%')`)
      ).rows[0]?.pid,
    kill: (db, id) => db.raw('select pg_terminate_backend(?)', [id]),
    failDeep: [
      `create function fail_deep(login text, pin integer) returns text language plpgsql as $$
       begin if login = 'bulk150000' then raise exception 'broken row'; end if; return cast(pin as text); end $$`,
      usersView('pg')
        .replace('CAST(e.print_pin AS text) AS pin', 'fail_deep(e.login_name, e.print_pin) AS pin')
        .replace(/^CREATE VIEW/, 'CREATE OR REPLACE VIEW'),
    ],
  },
  mysql: {
    findQuery: async (db) =>
      (
        await db.raw(`select id from information_schema.processlist where db = database()
          and id <> connection_id() and info like '%papercut_users%'`)
      )[0][0]?.id,
    kill: (db, id) => db.raw(`kill ${Number(id)}`),
    failDeep: [
      `create function fail_deep(login varchar(100), pin integer) returns varchar(11) deterministic
       begin if login = 'bulk150000' then signal sqlstate '45000' set message_text = 'broken row'; end if; return cast(pin as char); end`,
      usersView('mysql')
        .replace('CAST(e.print_pin AS CHAR) AS pin', 'fail_deep(e.login_name, e.print_pin) AS pin')
        .replace(/^CREATE VIEW/, 'CREATE OR REPLACE VIEW'),
    ],
  },
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  const faults = FAULTS[dialect as 'pg' | 'mysql'];
  const scratch = scratchDir();
  let database: TestDatabase;
  let admin: Knex;

  beforeAll(async () => {
    database = await createDemoDatabase(dialect, scratch.dir);
    admin = database.connect();
    await addBulkUsers(admin, dialect, BULK_USERS);
  }, 300_000);
  afterAll(async () => {
    await admin?.destroy();
    await database?.drop();
    scratch.remove();
  });

  const env = () => ({ ...database.env, BRIDGE_STATE_DIR: join(scratch.dir, 'state') });

  it(`the connection killed while all-users reads ${BULK_USERS} users`, async () => {
    const child = spawn(PROGRAM, ['-', 'all-users'], { env: { PATH: process.env.PATH ?? '', ...env() } });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    let killed = false;
    for (let tries = 0; tries < 500 && child.exitCode === null && !killed; tries++) {
      const id = await faults.findQuery(admin);
      if (id !== undefined) killed = Boolean(await faults.kill(admin, id));
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const status = await exited;
    expect(killed).toBe(true);
    expect(stderr).toMatch(/^papercut-bridge: unavailable: /);
    expectFailure({ stdout: Buffer.concat(stdout).toString(), stderr, status }, 69, /^papercut-bridge: unavailable: /);
  });

  it('a view that fails on one row deep in its result', async () => {
    for (const sql of faults.failDeep) await admin.raw(sql);
    expectFailure(await callBridge(['-', 'all-users'], { env: env() }), 70, /^papercut-bridge: software: .*broken row/);
    expectFailure(await callBridge(['-', 'group-members', 'sales'], { env: env() }), 70, /broken row/);
  });
});

forEachDialect(undefined, (dialect) => {
  const scratch = scratchDir();
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createDemoDatabase(dialect, scratch.dir);
    const db = database.connect();
    await addBulkUsers(db, dialect, 5_000).finally(() => db.destroy());
  });
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });

  it('a full disk under the state directory fails all-users instead of answering what fitted', async () => {
    // A 64 KiB file system of its own, in a private mount namespace: the
    // answer (about 120 KB) fills it, and whichever write comes next fails.
    const state = join(scratch.dir, 'tiny-state');
    const settings = Object.entries({ ...database.env, BRIDGE_STATE_DIR: state })
      .map(([key, value]) => `${key}='${value}'`)
      .join(' ');
    const script = `mkdir -p ${state} && mount -t tmpfs -o size=64k tmpfs ${state} && exec env -i PATH="$PATH" ${settings} ${PROGRAM} - all-users`;
    const result = await callBridge(['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
      program: 'unshare',
    });
    expectFailure(
      result,
      74,
      /^papercut-bridge: io: cannot write the (answer to the state directory|PIN fingerprint key \S+) \(ENOSPC\)$/,
    );
  });
});
