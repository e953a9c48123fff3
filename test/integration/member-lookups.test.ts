// is-user-in-group asks the membership view about one (group, user) pair. A
// view that expands nested roles with WITH RECURSIVE and removes duplicates
// with DISTINCT can only be narrowed by a filter on its own columns: with the
// user's filter on papercut_users instead, SQLite computes every membership of
// the group, at a million users a second on every call. Here the view counts
// the membership rows it reads, through a function SQLite calls for each.
import type { Knex } from 'knex';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Directory } from '../../bridge/db/queries';
import { dbaMembershipView } from '../../scripts/bench-dba-views';
import { scratchDir } from '../conformance/spawn-bridge';
import { createDemoDatabase, type TestDatabase } from '../support/databases';

const scratch = scratchDir();
let database: TestDatabase;
let db: Knex;
let reads = 0;

beforeAll(async () => {
  database = await createDemoDatabase('sqlite', scratch.dir);
  db = database.connect();
  // The pool's one connection, which the queries below use too.
  const connection = (await db.client.acquireConnection()) as Database;
  connection.function('membership_read', { deterministic: false, varargs: true }, () => {
    reads++;
    return 1;
  });
  db.client.releaseConnection(connection);
  await db.raw('DROP VIEW papercut_group_members');
  await db.raw(dbaMembershipView('papercut_group_members', '', 'membership_read(ur.employee_id)'));
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
  scratch.remove();
});

it("is-user-in-group reads the user's memberships only, even through a recursive DISTINCT view", async () => {
  const directory = new Directory(db, { dialect: 'sqlite', schema: undefined, url: database.env.BRIDGE_DB_URL! });
  reads = 0;
  const everyMembership = (await db('papercut_group_members').count({ n: '*' }))[0]!.n;
  const all = reads;
  expect(Number(everyMembership)).toBeGreaterThan(100);
  expect(all).toBeGreaterThan(100);

  const bodegard = (await directory.findUser('bodegard'))!;
  reads = 0;
  // Two levels down: cfo-office inside finance-managers inside finance.
  expect(await directory.isMember('finance', bodegard)).toBe(true);
  // bodegard holds two roles; each reached through the role tree once or twice.
  expect(reads).toBeLessThanOrEqual(10);

  const wzhang = (await directory.findUser('wzhang'))!;
  reads = 0;
  expect(await directory.isMember('finance', wzhang)).toBe(false);
  expect(reads).toBeLessThanOrEqual(10);
});
