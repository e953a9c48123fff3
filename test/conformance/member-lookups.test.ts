// A membership view as a DBA first writes it (views/README.md): nested roles
// expanded with WITH RECURSIVE, duplicates removed with DISTINCT. The calls
// answer through it as through the demo's; what each lookup costs there is
// test/integration/member-lookups.test.ts's.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dbaMembershipView } from '../../scripts/bench-dba-views';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
let env: Record<string, string>;

beforeAll(async () => {
  env = await freshDemoDatabase(scratch.dir);
  const db = new Database(env.BRIDGE_DB_URL!);
  db.exec(`DROP VIEW papercut_group_members; ${dbaMembershipView('papercut_group_members')}`);
  db.close();
});
afterAll(() => scratch.remove());

const call = (args: string[]) => callBridge(args, { env, cwd: scratch.dir });

it('answers through a recursive, DISTINCT membership view as through the demo one', async () => {
  // bodegard holds cfo-office, inside finance-managers, inside finance: two levels down.
  expect((await call(['-', 'is-user-in-group', 'finance', 'bodegard'])).stdout).toBe('Y\n');
  expect((await call(['-', 'is-user-in-group', 'Finance', 'BODEGARD'])).stdout).toBe('Y\n');
  // wzhang's 1e3 is inside engineering, not finance.
  expect((await call(['-', 'is-user-in-group', 'finance', 'wzhang'])).stdout).toBe('N\n');
  expect((await call(['-', 'is-user-in-group', 'engineering', 'wzhang'])).stdout).toBe('Y\n');
});
