// A membership view as a DBA first writes it (views/README.md): nested roles
// expanded with WITH RECURSIVE, duplicates removed with DISTINCT. The calls
// answer through it as through the demo's; what each lookup costs there is
// test/integration/member-lookups.test.ts's.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const DBA_MEMBERSHIP_VIEW = `
CREATE VIEW papercut_group_members AS
WITH RECURSIVE role_tree (ancestor_id, role_id) AS (
  SELECT r.id, r.id FROM sec_roles r
  UNION
  SELECT t.ancestor_id, i.child_role_id FROM role_tree t JOIN sec_role_includes i ON i.parent_role_id = t.role_id
)
SELECT DISTINCT r.role_name AS group_name, e.login_name AS username
FROM role_tree t
JOIN sec_roles r ON r.id = t.ancestor_id
JOIN sec_user_roles ur ON ur.role_id = t.role_id
JOIN hr_employees e ON e.id = ur.employee_id`;

const scratch = scratchDir();
let env: Record<string, string>;

beforeAll(async () => {
  env = await freshDemoDatabase(scratch.dir);
  const db = new Database(env.BRIDGE_DB_URL!);
  db.exec(`DROP VIEW papercut_group_members; ${DBA_MEMBERSHIP_VIEW}`);
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
