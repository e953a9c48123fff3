import { userLine } from '../protocol/format';
import { guardCount } from '../state/guard';
import { stateOf, withDirectory, type CallContext } from './context';
import { distinctUsers } from './users';

/** `- all-users`: every user, one user line each. The answer is checked by
 * the mass-deletion guard, kept as the snapshot `preview` compares with, and
 * its count remembered for the next time. */
export async function allUsers(ctx: CallContext): Promise<void> {
  const state = stateOf(ctx);
  // Read first: a corrupt record stops the call before the database is asked.
  const record = state.read();
  const rows = await withDirectory(ctx, (directory) => directory.allUsers());
  const { users, nameless, collisions } = distinctUsers(rows);
  guardCount({
    what: `all-users for ${state.label}`,
    count: users.length,
    previous: record.allUsers,
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: true,
  });
  for (const row of users) ctx.out.line(userLine(row)!);
  ctx.out.keepAs(state.snapshotPath);
  state.write({ ...record, database: state.label, allUsers: { count: users.length, at: new Date().toISOString() } });
  // Only now: a failed call says one thing on stderr, what stopped it.
  if (nameless) ctx.log.warn(`skipped ${nameless} row(s) of papercut_users with an empty username`);
  if (collisions) {
    ctx.log.warn(`${collisions} username(s) collide case-insensitively with another; each name is listed once`);
  }
}
