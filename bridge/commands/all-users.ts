import { guardCount } from '../state/guard';
import { stateOf, withDirectory, type CallContext } from './context';
import { eachUserLine } from './users';

/** `- all-users`: every user, one user line each. Rows stream from the
 * database to the spool file, so memory stays flat whatever the count; the
 * answer is then checked by the mass-deletion guard, kept as the snapshot
 * `preview` compares with, and its count remembered for the next time. */
export async function allUsers(ctx: CallContext): Promise<void> {
  const state = stateOf(ctx);
  // Read first: a corrupt record stops the call before the database is asked.
  const record = state.read();
  const { users, nameless, collisions } = await withDirectory(ctx, (directory) => eachUserLine(directory, ctx.out));
  guardCount({
    what: `all-users for ${state.label}`,
    count: users,
    previous: record.allUsers,
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: true,
  });
  ctx.out.keepAs(state.snapshotPath);
  state.write({ ...record, database: state.label, allUsers: { count: users, at: new Date().toISOString() } });
  // Only now: a failed call says one thing on stderr, what stopped it.
  if (nameless)
    ctx.log.warn(`skipped ${nameless} row(s) of papercut_users with an empty or unusable username (see doctor)`);
  if (collisions) {
    ctx.log.warn(`${collisions} username(s) collide case-insensitively with another; each name is listed once`);
  }
}
