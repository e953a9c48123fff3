// The audit log and the state files after a run with known secrets hold none of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import hashes from '../../seeds/data/demo-password-hashes.json';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
const log = join(scratch.dir, 'audit.log');
const DB_PASSWORD = 'Db-S3cret-Pw';
let env: Record<string, string>;

beforeAll(async () => {
  env = {
    ...(await freshDemoDatabase(scratch.dir)),
    BRIDGE_LOG_FILE: log,
    BRIDGE_STATE_DIR: join(scratch.dir, 'state'),
  };
});
afterAll(() => scratch.remove());

it('leaves no password, hash, PIN or database credential in the log or the state files', async () => {
  const call = (args: string[], stdin = '', extra: Record<string, string> = {}) =>
    callBridge(args, { env: { ...env, ...extra }, stdin });
  const allUsers = (await call(['-', 'all-users'])).stdout;
  await call(['-', 'get-user-details'], 'jsmith\n');
  await call(['-', 'group-members', 'finance']);
  await call([], 'jsmith\npapercut-demo\n');
  await call([], 'jsmith\nmy-wrong-Passw0rd\n');
  await call([], 'nobody\nanother-Passw0rd\n');
  await call([], 'ahernandez\n two  spaces \n');
  const unreachable = { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: `postgres://bridge:${DB_PASSWORD}@127.0.0.1:1/erp` };
  await call(['-', 'all-users'], '', unreachable);
  await call([], 'jsmith\npapercut-demo\n', unreachable);

  const stateFiles = readdirSync(join(scratch.dir, 'state'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  // The logins remembered whose hash times a refused one: by name only.
  expect(stateFiles.some((file) => file.endsWith('.decoy-owner.json'))).toBe(true);
  const state = stateFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
  for (const secret of [
    'papercut-demo',
    'my-wrong-Passw0rd',
    'another-Passw0rd',
    DB_PASSWORD,
    ...Object.values(hashes),
  ]) {
    expect(state).not.toContain(secret);
  }

  const text = readFileSync(log, 'utf8');
  expect(text.trim().split('\n')).toHaveLength(9);
  const pins = allUsers
    .split('\n')
    .flatMap((line) => line.split('\t')[10] ?? [])
    .filter(Boolean);
  expect(pins.length).toBeGreaterThan(30);
  for (const secret of [
    'papercut-demo',
    'my-wrong-Passw0rd',
    'another-Passw0rd',
    'two  spaces',
    DB_PASSWORD,
    ...Object.values(hashes),
    ...pins.map((pin) => `"${pin}"`),
  ]) {
    expect(text).not.toContain(secret);
  }
});
