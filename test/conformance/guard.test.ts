// The mass-deletion guard: a user list that fell too far is refused, never answered.
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { createDemoDatabase, forEachDialect } from '../support/databases';
import { callBridge, expectFailure, scratchDir } from './spawn-bridge';

/** A fresh demo ERP of the dialect with a state directory of its own. */
async function setUp(dialect: Dialect) {
  const { dir, remove } = scratchDir();
  const database = await createDemoDatabase(dialect, dir);
  const stateDir = join(dir, 'state');
  const env: Record<string, string> = {
    ...database.env,
    BRIDGE_STATE_DIR: stateDir,
    BRIDGE_LOG_FILE: join(dir, 'audit.log'),
  };
  const call = (args: string[], extra: Record<string, string> = {}) =>
    callBridge(args, { env: { ...env, ...extra }, cwd: dir });
  /** Terminates the first `count` active employees (in id order). */
  const deactivate = async (count: number) => {
    const db = database.connect();
    try {
      const ids = await db('hr_employees')
        .where('status', 'ACTIVE')
        .whereNot('login_name', '')
        .orderBy('id')
        .limit(count)
        .pluck('id');
      await db('hr_employees').whereIn('id', ids).update({ status: 'TERMINATED' });
    } finally {
      await db.destroy();
    }
  };
  const tearDown = async () => {
    await database.drop();
    remove();
  };
  return { dir, env, call, deactivate, tearDown, stateDir, connect: () => database.connect() };
}

const userCount = (stdout: string) => stdout.split('\n').length - 1;

/** The one database's record in a state directory. */
const recordFile = (stateDir: string) => readdirSync(stateDir).find((file) => /^[0-9a-f]{16}\.json$/.test(file))!;

/** The same database, spelt another way: a symlink to the SQLite file, or the other name of the loopback host. */
function otherSpelling(url: string, dir: string): string {
  if (!/^[a-z]+:\/\//.test(url)) {
    const link = join(dir, 'the-same-erp.sqlite');
    symlinkSync(url, link);
    return link;
  }
  const parsed = new URL(url);
  parsed.hostname = parsed.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return parsed.toString();
}

forEachDialect(undefined, (dialect) => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    t = await setUp(dialect);
  });
  afterEach(() => t.tearDown());

  describe('all-users', () => {
    it('refuses a drop of more than 10% against the last successful answer, saying how to allow it', async () => {
      const first = await t.call(['-', 'all-users']);
      expect(userCount(first.stdout)).toBe(44);
      await t.deactivate(5); // 44 → 39: 11.4% fewer
      const refused = await t.call(['-', 'all-users']);
      expectFailure(
        refused,
        75,
        /^papercut-bridge: guard: all-users .* would list 39 users, 11\.4% fewer than the 44 /,
      );
      expect(refused.stderr).toContain('BRIDGE_MAX_USER_DROP_PERCENT=100');
    });

    it('answers a drop within the limit, and then compares with the new count', async () => {
      await t.call(['-', 'all-users']);
      await t.deactivate(4); // 44 → 40: 9.1% fewer
      expect(userCount((await t.call(['-', 'all-users'])).stdout)).toBe(40);
      await t.deactivate(4); // 40 → 36: 10% fewer, at the limit
      expect(userCount((await t.call(['-', 'all-users'])).stdout)).toBe(36);
    });

    it('lets an intended drop through with BRIDGE_MAX_USER_DROP_PERCENT=100, or a higher limit', async () => {
      await t.call(['-', 'all-users']);
      await t.deactivate(20); // 44 → about 24
      expectFailure(await t.call(['-', 'all-users'], { BRIDGE_MAX_USER_DROP_PERCENT: '40' }), 75, /fewer than the 44 /);
      const allowed = await t.call(['-', 'all-users'], { BRIDGE_MAX_USER_DROP_PERCENT: '50' });
      expect(userCount(allowed.stdout)).toBeLessThan(27);
      await t.deactivate(20); // down to a handful
      const anything = await t.call(['-', 'all-users'], { BRIDGE_MAX_USER_DROP_PERCENT: '100' });
      expect({ status: anything.status, few: userCount(anything.stdout) < 8 }).toEqual({ status: 0, few: true });
    });

    it('keeps its record and the last answer atomically in the state directory', async () => {
      const answer = await t.call(['-', 'all-users']);
      const files = readdirSync(t.stateDir).sort();
      // The record, the snapshot and its PIN fingerprint key, the installation's last all-users, the (empty) spool folder.
      expect(files).toHaveLength(5);
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      const snapshot = files.find((file) => file.endsWith('.all-users.tsv'))!;
      // The answer, each PIN a fingerprint (see preview's tests), under a line naming the key.
      const [header, ...kept] = readFileSync(join(t.stateDir, snapshot), 'utf8').split('\n');
      expect(header).toMatch(/^\tpapercut-bridge all-users snapshot, PINs as fingerprints under key [\w-]{8}$/);
      const beforePin = (line: string) => line.split('\t').slice(0, 10).join('\t');
      expect(kept.map(beforePin)).toEqual(answer.stdout.split('\n').map(beforePin));
      const record = JSON.parse(readFileSync(join(t.stateDir, recordFile(t.stateDir)), 'utf8'));
      expect(record).toMatchObject({ database: expect.stringContaining(dialect), allUsers: { count: 44 } });
      const last = JSON.parse(readFileSync(join(t.stateDir, 'last-all-users.json'), 'utf8'));
      expect(last).toMatchObject({ key: recordFile(t.stateDir).slice(0, -'.json'.length), count: 44 });
      expect(readdirSync(join(t.stateDir, 'spool'))).toEqual([]);
    });

    it('reports a corrupt record instead of starting afresh', async () => {
      await t.call(['-', 'all-users']);
      const record = recordFile(t.stateDir);
      writeFileSync(join(t.stateDir, record), '{"allUsers": {"count": 4');
      const result = await t.call(['-', 'all-users']);
      expectFailure(result, 74, /^papercut-bridge: io: the state file .* is corrupt .* move it aside/);
      expect(readFileSync(join(t.stateDir, record), 'utf8')).toBe('{"allUsers": {"count": 4');
    });

    it('keeps one record per database, and refuses another database until the change is acknowledged', async () => {
      await t.call(['-', 'all-users']);
      const other = await setUp(dialect);
      try {
        await other.deactivate(30);
        const shared = { BRIDGE_STATE_DIR: t.stateDir };
        expectFailure(
          await other.call(['-', 'all-users'], shared),
          75,
          /^papercut-bridge: guard: all-users .*: the last successful all-users of this installation came from another database \(.*, 44 users at .*BRIDGE_MAX_USER_DROP_PERCENT=100$/,
        );
        // Acknowledged: no comparison with the first one's 44.
        const result = await other.call(['-', 'all-users'], { ...shared, BRIDGE_MAX_USER_DROP_PERCENT: '100' });
        expect(result.status).toBe(0);
        expect(userCount(result.stdout)).toBeLessThan(20);
        // And back again is another change.
        expectFailure(await t.call(['-', 'all-users']), 75, /came from another database/);
      } finally {
        await other.tearDown();
      }
      expect(readdirSync(t.stateDir).filter((file) => /^[0-9a-f]{16}\.json$/.test(file))).toHaveLength(2);
    });

    it('is not started afresh by spelling the same database another way', async () => {
      await t.call(['-', 'all-users']);
      await t.deactivate(5);
      const respelt = { BRIDGE_DB_URL: otherSpelling(t.env.BRIDGE_DB_URL!, t.dir) };
      expect(respelt.BRIDGE_DB_URL).not.toBe(t.env.BRIDGE_DB_URL);
      expectFailure(await t.call(['-', 'all-users'], respelt), 75, /would list 39 users, 11\.4% fewer than the 44 /);
    });
  });

  describe('group-members', () => {
    it('refuses a group that lost more than 10% of its members', async () => {
      expect(userCount((await t.call(['-', 'group-members', 'all-staff'])).stdout)).toBe(43);
      await t.deactivate(10);
      expectFailure(
        await t.call(['-', 'group-members', 'all-staff']),
        75,
        /the members of all-staff in .* fewer than the 43/,
      );
      // group-member-names is watched the same way; other groups are not affected.
      expectFailure(await t.call(['-', 'group-member-names', 'all-staff']), 75, /fewer than the 43/);
      expect((await t.call(['-', 'group-member-names', 'finance'])).status).toBe(0);
    });

    it('keeps a record for a group named like a property of every object', async () => {
      const db = t.connect();
      try {
        const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
        await db('sec_roles').insert(names.map((role_name, i) => ({ id: 9000 + i, role_name })));
      } finally {
        await db.destroy();
      }
      for (const group of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        for (const call of ['group-members', 'group-member-names', 'group-members']) {
          expect({ group, call, result: await t.call(['-', call, group]) }).toEqual({
            group,
            call,
            result: { stdout: '', stderr: '', status: 0 },
          });
        }
      }
    });

    it('answers an empty group that was always empty', async () => {
      expect(await t.call(['-', 'group-members', 'color-printing'])).toEqual({ stdout: '', stderr: '', status: 0 });
      expect(await t.call(['-', 'group-members', 'color-printing'])).toEqual({ stdout: '', stderr: '', status: 0 });
    });
  });

  describe('the audit log', () => {
    it('has one JSON line per call with time, call, duration, rows, outcome and error code', async () => {
      await t.call(['-', 'all-users']);
      await t.deactivate(10);
      await t.call(['-', 'all-users']);
      await t.call(['-', 'is-user-in-group', 'finance', 'jsmith']);
      const lines = readFileSync(t.env.BRIDGE_LOG_FILE!, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual([
        { time: expect.any(String), call: 'all-users', outcome: 'ok', rows: 44, durationMs: expect.any(Number) },
        {
          time: expect.any(String),
          call: 'all-users',
          outcome: 'error',
          code: 'guard',
          durationMs: expect.any(Number),
        },
        { time: expect.any(String), call: 'is-user-in-group', outcome: 'ok', rows: 1, durationMs: expect.any(Number) },
      ]);
    });

    it('never changes the answer when it cannot be written', async () => {
      // A file where the log's folder should be: the log cannot be created.
      writeFileSync(join(t.dir, 'not-a-folder'), '');
      const result = await t.call(['-', 'all-users'], { BRIDGE_LOG_FILE: join(t.dir, 'not-a-folder', 'audit.log') });
      expect(userCount(result.stdout)).toBe(44);
      expect(result.status).toBe(0);
    });
  });
});
