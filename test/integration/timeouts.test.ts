// A database that never answers fails the call within the connect timeout;
// a statement that runs too long is cancelled. Knex's 60 s pool wait never applies.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, expectFailure, scratchDir } from '../conformance/spawn-bridge';
import { createDemoDatabase, forEachDialect, type TestDatabase } from '../support/databases';

describe('a server that accepts connections but never answers', () => {
  let server: Server;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });

  const urls = () => ({
    pg: `postgres://bridge:secret@127.0.0.1:${port}/erp`,
    mysql: `mysql://bridge:secret@127.0.0.1:${port}/erp`,
    mssql: `mssql://bridge:secret@127.0.0.1:${port}/erp?encrypt=false`,
  });

  for (const dialect of ['pg', 'mysql', 'mssql'] as const) {
    it(`${dialect}: fails within BRIDGE_CONNECT_TIMEOUT, stdout empty, no password echoed`, async () => {
      const env = { BRIDGE_DB_CLIENT: dialect, BRIDGE_DB_URL: urls()[dialect], BRIDGE_CONNECT_TIMEOUT: '1' };
      const started = Date.now();
      const result = await callBridge(['-', 'all-users'], { env });
      expect(Date.now() - started).toBeLessThan(4_000);
      expectFailure(result, 69, /^papercut-bridge: unavailable: /);
      expect(result.stderr).not.toContain('secret');
    });
  }

  it('answers N to is-valid within the default connect timeout of 5 s', async () => {
    const started = Date.now();
    const result = await callBridge(['-', 'is-valid'], { env: { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: urls().pg } });
    const elapsed = Date.now() - started;
    expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: 'N\n', status: 0 });
    expect(elapsed).toBeGreaterThan(4_500);
    expect(elapsed).toBeLessThan(9_000);
  });
});

/** A papercut_groups view that takes about 4 s, whatever the statement timeout. */
const SLOW_GROUPS: Record<string, string> = {
  pg: 'create or replace view papercut_groups as select role_name as group_name from sec_roles where pg_sleep(0.25) is not null',
  mysql:
    'create or replace view papercut_groups as select role_name as group_name from sec_roles where sleep(0.25) = 0',
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  describe('a slow statement', () => {
    const scratch = scratchDir();
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createDemoDatabase(dialect, scratch.dir);
      const db = database.connect();
      await db.raw(SLOW_GROUPS[dialect]!).finally(() => db.destroy());
    });
    afterAll(async () => {
      await database?.drop();
      scratch.remove();
    });

    it('is cancelled after BRIDGE_STATEMENT_TIMEOUT', async () => {
      const started = Date.now();
      const result = await callBridge(['-', 'all-groups'], { env: { ...database.env, BRIDGE_STATEMENT_TIMEOUT: '1' } });
      expect(Date.now() - started).toBeLessThan(3_000);
      expectFailure(result, 69, /^papercut-bridge: unavailable: .*(timeout|max_statement_time|max_execution_time)/i);
    });

    it('completes when the timeout allows it', async () => {
      const result = await callBridge(['-', 'all-groups'], {
        env: { ...database.env, BRIDGE_STATEMENT_TIMEOUT: '20' },
      });
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')).toHaveLength(19);
    });
  });
});
