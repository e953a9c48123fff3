// is-user-in-group asks the membership view about one (group, user) pair. A
// view that expands nested roles with WITH RECURSIVE and removes duplicates
// with DISTINCT can only be narrowed by a filter on its own columns: with the
// user's filter on papercut_users instead, SQLite computes every membership of
// the group, at a million users a second on every call. Here the view counts
// the membership rows it reads, through a function SQLite calls for each.
// A member list, likewise, looks up its members' names in papercut_users
// through the index instead of reading every user.
import { beforeAll, expect, it } from 'vitest';
import { DirectoryQueries } from '../../bridge/db/queries';
import { dbaMembershipView } from '../../scripts/bench-dba-views';
import { rowCounter, useDemoKnex, type RowCounter } from '../support/databases';

const demo = useDemoKnex('sqlite');
let reads: RowCounter;
let userReads: RowCounter;

beforeAll(async () => {
  const db = demo.db();
  reads = await rowCounter(db, 'membership_read');
  userReads = await rowCounter(db, 'user_read');
  await db.raw('DROP VIEW papercut_group_members');
  await db.raw(dbaMembershipView('papercut_group_members', '', 'membership_read(ur.employee_id)'));
  // The demo's view, counting each employee row it reads past the index.
  const [users] = (await db.raw("select sql from sqlite_master where name = 'papercut_users'")) as { sql: string }[];
  expect(users!.sql).toMatch(/WHERE e\.status IN \('ACTIVE', 'ON_LEAVE'\);?\s*$/);
  await db.raw('DROP VIEW papercut_users');
  await db.raw(users!.sql.replace(/;?\s*$/, ' AND user_read(e.id)'));
});

it("is-user-in-group reads the user's memberships only, even through a recursive DISTINCT view", async () => {
  const db = demo.db();
  const directory = demo.directory();
  reads.count = 0;
  const everyMembership = (await db('papercut_group_members').count({ n: '*' }))[0]!.n;
  const all = reads.count;
  expect(Number(everyMembership)).toBeGreaterThan(100);
  expect(all).toBeGreaterThan(100);

  const bodegard = (await directory.findUser('bodegard'))!;
  reads.count = 0;
  // Two levels down: cfo-office inside finance-managers inside finance.
  expect(await directory.isMember('finance', bodegard)).toBe(true);
  // bodegard holds two roles; each reached through the role tree once or twice.
  expect(reads.count).toBeLessThanOrEqual(10);

  const wzhang = (await directory.findUser('wzhang'))!;
  reads.count = 0;
  expect(await directory.isMember('finance', wzhang)).toBe(false);
  expect(reads.count).toBeLessThanOrEqual(10);
});

it("group-member-names reads papercut_users for the members' names only", async () => {
  const db = demo.db();
  const directory = demo.directory();
  userReads.count = 0;
  const everyUser = Number((await db('papercut_users').count({ n: '*' }))[0]!.n);
  expect(userReads.count).toBe(everyUser);

  // What the member query reads by itself (the recursive view above is joined to users however SQLite plans it).
  userReads.count = 0;
  await new DirectoryQueries(db, { dialect: 'sqlite', schema: undefined }).members('finance', undefined, ['username']);
  const memberQueryReads = userReads.count;

  userReads.count = 0;
  const members = await directory.groupMemberNames('finance');
  expect(members.length).toBeGreaterThan(1);
  expect(everyUser).toBeGreaterThan(4 * members.length);
  // Beyond the member query, one row for each spelling of each member's name.
  expect(userReads.count - memberQueryReads).toBeLessThanOrEqual(2 * members.length);
});
