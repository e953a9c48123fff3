// The mass-deletion guard: a user list that fell too far is refused, never answered.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { createDemoDatabase, forEachDialect } from '../support/databases';
import { callBridge, expectFailure, scratchDir } from './spawn-bridge';

/** A fresh demo ERP of the dialect with a state directory of its own. */
async function setUp(dialect: Dialect) {
  const { dir, remove } = scratchDir();
  const database = await createDemoDatabase(dialect, dir);
  const env = { ...database.env, BRIDGE_STATE_DIR: join(dir, 'state'), BRIDGE_LOG_FILE: join(dir, 'audit.log') };
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
  return { dir, env, call, deactivate, tearDown, stateDir: env.BRIDGE_STATE_DIR };
}

const userCount = (stdout: string) => stdout.split('\n').length - 1;

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
      expect(files).toHaveLength(3); // the record, the snapshot, the (empty) spool folder
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      const snapshot = files.find((file) => file.endsWith('.all-users.tsv'))!;
      expect(readFileSync(join(t.stateDir, snapshot), 'utf8')).toBe(answer.stdout);
      const record = JSON.parse(
        readFileSync(
          join(
            t.stateDir,
            files.find((f) => f.endsWith('.json'))!,
          ),
          'utf8',
        ),
      );
      expect(record).toMatchObject({ database: expect.stringContaining(dialect), allUsers: { count: 44 } });
      expect(readdirSync(join(t.stateDir, 'spool'))).toEqual([]);
    });

    it('reports a corrupt record instead of starting afresh', async () => {
      await t.call(['-', 'all-users']);
      const record = readdirSync(t.stateDir).find((file) => file.endsWith('.json'))!;
      writeFileSync(join(t.stateDir, record), '{"allUsers": {"count": 4');
      const result = await t.call(['-', 'all-users']);
      expectFailure(result, 74, /^papercut-bridge: io: the state file .* is corrupt .* move it aside/);
      expect(readFileSync(join(t.stateDir, record), 'utf8')).toBe('{"allUsers": {"count": 4');
    });

    it('keeps one record per database', async () => {
      await t.call(['-', 'all-users']);
      const other = await setUp(dialect);
      other.deactivate(30);
      // Another database, the same state directory: no comparison with the first one's 44.
      const result = await other.call(['-', 'all-users'], { BRIDGE_STATE_DIR: t.stateDir });
      expect(result.status).toBe(0);
      expect(userCount(result.stdout)).toBeLessThan(20);
      await other.tearDown();
      expect(readdirSync(t.stateDir).filter((file) => file.endsWith('.json'))).toHaveLength(2);
    });
  });

  describe('group-members', () => {
    it('refuses a group that lost more than 10% of its members', async () => {
      expect(userCount((await t.call(['-', 'group-members', 'all-staff'])).stdout)).toBe(43);
      await t.deactivate(10);
      expectFailure(
        await t.call(['-', 'group-members', 'all-staff']),
        75,
        /group-members all-staff .* fewer than the 43/,
      );
      // Other groups and group-member-names are not affected.
      expect((await t.call(['-', 'group-member-names', 'all-staff'])).status).toBe(0);
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
      const lines = readFileSync(t.env.BRIDGE_LOG_FILE, 'utf8')
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
