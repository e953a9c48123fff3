// BRIDGE_DB_SCHEMA: the views live somewhere other than the connection's default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, expectSameLines, scratchDir } from '../conformance/spawn-bridge';
import { createDatabase, createDemoDatabase, dialectsUnderTest, type TestDatabase } from '../support/databases';

const expectedAllUsers = readFileSync(join(__dirname, '..', 'conformance', 'expected', 'all-users.txt'), 'utf8');

describe.skipIf(dialectsUnderTest(['pg'])[0]?.skip)('pg: the views in a schema of their own', () => {
  const scratch = scratchDir();
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createDatabase('pg', scratch.dir);
    const db = database.connect();
    await db.raw('create schema papercut').finally(() => db.destroy());
    env = { ...database.env, BRIDGE_DB_SCHEMA: 'papercut' };
    expect((await callBridge(['demo'], { env })).status).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });

  it('puts the demo ERP and its bookkeeping into that schema', async () => {
    const db = database.connect();
    try {
      const rows = await db('information_schema.tables').select('table_schema').where('table_name', 'papercut_users');
      expect(rows).toEqual([{ table_schema: 'papercut' }]);
      expect(await db('papercut.papercut_bridge_migrations').count({ n: '*' })).toEqual([{ n: '2' }]);
    } finally {
      await db.destroy();
    }
  });

  it('answers from that schema, and only there', async () => {
    expect(await callBridge(['-', 'is-valid'], { env })).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    expectSameLines((await callBridge(['-', 'all-users'], { env })).stdout, expectedAllUsers);
    expect((await callBridge(['-', 'is-user-in-group', 'finance', 'jsmith'], { env })).stdout).toBe('Y\n');
    const elsewhere = await callBridge(['-', 'is-valid'], { env: database.env });
    expect(elsewhere.stdout).toBe('N\n');
    expect(elsewhere.stderr).toMatch(/papercut_users/);
  });
});

describe.skipIf(dialectsUnderTest(['mysql'])[0]?.skip)('mysql: the views in another database', () => {
  const scratch = scratchDir();
  let views: TestDatabase;
  let home: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    views = await createDemoDatabase('mysql', scratch.dir);
    home = await createDatabase('mysql', scratch.dir);
    const viewsDatabase = new URL(views.env.BRIDGE_DB_URL!).pathname.slice(1);
    env = { ...home.env, BRIDGE_DB_SCHEMA: viewsDatabase };
  });
  afterAll(async () => {
    await views?.drop();
    await home?.drop();
    scratch.remove();
  });

  it('answers from the database BRIDGE_DB_SCHEMA names', async () => {
    expect(await callBridge(['-', 'is-valid'], { env })).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    expectSameLines((await callBridge(['-', 'all-users'], { env })).stdout, expectedAllUsers);
    expect((await callBridge(['-', 'get-user-details'], { env, stdin: 'jsmith\n' })).stdout).toMatch(/^JSmith\t/);
    expect((await callBridge(['-', 'is-valid'], { env: home.env })).stdout).toBe('N\n');
  });
});
