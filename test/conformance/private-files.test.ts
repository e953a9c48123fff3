// The bridge's own files: created for its owner only, never through a
// symlink someone planted, and what a killed call left is cleared.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
let env: Record<string, string>;
beforeAll(async () => {
  env = {
    ...(await freshDemoDatabase(scratch.dir)),
    BRIDGE_STATE_DIR: join(scratch.dir, 'state'),
    BRIDGE_LOG_FILE: join(scratch.dir, 'logs', 'audit.log'),
  };
});
afterAll(() => scratch.remove());
const call = (args: string[], stdin = '') => callBridge(args, { env, stdin, cwd: scratch.dir });

it('makes the state and log folders readable by their owner only, and its files 0600', async () => {
  expect((await call(['-', 'all-users'])).status).toBe(0);
  for (const dir of ['state', 'state/spool', 'logs']) {
    expect({ dir, mode: statSync(join(scratch.dir, dir)).mode & 0o777 }).toEqual({ dir, mode: 0o700 });
  }
  expect(statSync(env.BRIDGE_LOG_FILE!).mode & 0o777).toBe(0o600);
});

it('tightens a state folder an installer left open to others', async () => {
  const open = join(scratch.dir, 'open-state');
  mkdirSync(open, { mode: 0o777 });
  expect((await callBridge(['-', 'all-users'], { env: { ...env, BRIDGE_STATE_DIR: open } })).status).toBe(0);
  expect(statSync(open).mode & 0o777).toBe(0o700);
});

it('never writes the audit log through a symlink', async () => {
  const target = join(scratch.dir, 'elsewhere.txt');
  writeFileSync(target, 'untouched\n');
  const log = join(scratch.dir, 'linked-logs', 'audit.log');
  mkdirSync(join(scratch.dir, 'linked-logs'));
  symlinkSync(target, log);
  const result = await callBridge(['-', 'is-valid'], { env: { ...env, BRIDGE_LOG_FILE: log } });
  expect(result.stdout).toBe('Y\n');
  expect(readFileSync(target, 'utf8')).toBe('untouched\n');
  expect(lstatSync(log).isSymbolicLink()).toBe(true);
});

it("replaces a symlink planted at a state file's name instead of writing through it", async () => {
  const first = await call(['-', 'all-users']);
  expect(first.status).toBe(0);
  // The link leads to a file of the same content, so that reading it goes well.
  const last = join(env.BRIDGE_STATE_DIR!, 'last-all-users.json');
  const target = join(scratch.dir, 'planted.json');
  const record = readFileSync(last, 'utf8');
  writeFileSync(target, record);
  rmSync(last);
  symlinkSync(target, last);
  expect((await call(['-', 'all-users'])).status).toBe(0);
  expect(readFileSync(target, 'utf8')).toBe(record);
  expect(lstatSync(last).isSymbolicLink()).toBe(false);
  expect(JSON.parse(readFileSync(last, 'utf8')).key).toBe(JSON.parse(record).key);
});

it('removes a spool that a killed call left behind', async () => {
  const spoolDir = join(env.BRIDGE_STATE_DIR!, 'spool');
  mkdirSync(spoolDir, { recursive: true });
  // No process has this pid: pids stay below 2^22 on Linux.
  const stale = join(spoolDir, 'answer-4194305-1700000000000.spool');
  writeFileSync(stale, 'jsmith\tJane Smith\t\t\t\t\t\t\t\t\t4242\n');
  const mine = join(spoolDir, `answer-${process.pid}-1700000000000.spool`);
  writeFileSync(mine, 'a live call of this test runner\n');
  expect((await call(['-', 'all-users'])).status).toBe(0);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(mine)).toBe(true);
});
