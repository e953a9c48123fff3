import type { UserRow } from '../db/views';
import { nameKey, sanitize, userLine } from '../protocol/format';
import { guardCount } from '../state/guard';
import { stateOf, withDirectory, type CallContext } from './context';

/** `- all-users`: every user, one user line each. Rows stream from the
 * database to the spool file, so memory stays flat whatever the count; the
 * answer is then checked by the mass-deletion guard, kept as the snapshot
 * `preview` compares with, and its count remembered for the next time. */
export async function allUsers(ctx: CallContext): Promise<void> {
  const state = stateOf(ctx);
  // Read first: a corrupt record stops the call before the database is asked.
  const record = state.read();
  // Rows come in code-point order of the username, so the first of names that
  // collide case-insensitively is the one every call picks (see onePerName).
  const seen = new Set<string>();
  let nameless = 0;
  let collisions = 0;
  await withDirectory(ctx, (directory) =>
    directory.eachUser((row: UserRow) => {
      const name = sanitize(row.username);
      if (name === '') return void nameless++;
      const key = nameKey(name);
      if (seen.has(key)) return void collisions++;
      seen.add(key);
      ctx.out.line(userLine(row)!);
    }),
  );
  guardCount({
    what: `all-users for ${state.label}`,
    count: seen.size,
    previous: record.allUsers,
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: true,
  });
  ctx.out.keepAs(state.snapshotPath);
  state.write({ ...record, database: state.label, allUsers: { count: seen.size, at: new Date().toISOString() } });
  // Only now: a failed call says one thing on stderr, what stopped it.
  if (nameless) ctx.log.warn(`skipped ${nameless} row(s) of papercut_users with an empty username`);
  if (collisions) {
    ctx.log.warn(`${collisions} username(s) collide case-insensitively with another; each name is listed once`);
  }
}
