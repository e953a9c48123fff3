import { guardCount, guardSameDatabase } from '../state/guard';
import { PinFingerprints } from '../state/pin-fingerprints';
import { writeSnapshot } from '../state/snapshot';
import { stateOf, withDirectory, type CallContext } from './context';
import { eachUserLine } from '../export/user-lines';

/** `- all-users`: every user, one user line each. Rows stream from the
 * database to the spool file, so memory stays flat whatever the count; the
 * answer is then checked by the mass-deletion guard, kept without its PINs
 * as the snapshot `preview` compares with, and its count remembered. */
export async function allUsers(ctx: CallContext): Promise<void> {
  const { state, record, users, nameless, collisions } = await withDirectory(ctx, async (directory) => {
    const state = await stateOf(ctx.config, directory);
    // Read first: a corrupt record stops the call before the rows are read.
    const record = state.read();
    const what = `all-users for ${state.label}`;
    guardSameDatabase({
      what,
      key: state.key,
      last: state.lastAllUsers(),
      maxDropPercent: ctx.config.maxUserDropPercent,
    });
    return { state, record, ...(await eachUserLine(directory, ctx.out)) };
  });
  guardCount({
    what: `all-users for ${state.label}`,
    count: users,
    previous: record.allUsers,
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: true,
  });
  writeSnapshot(state.snapshotPath, ctx.out.chunks(), PinFingerprints.ofInstallation(state.dir));
  const counted = { count: users, at: new Date().toISOString() };
  state.write({ ...record, database: state.label, allUsers: counted });
  state.writeLastAllUsers(counted);
  // Only now: a failed call says one thing on stderr, what stopped it.
  if (nameless)
    ctx.log.warn(`skipped ${nameless} row(s) of papercut_users with an empty or unusable username (see doctor)`);
  if (collisions) {
    ctx.log.warn(`${collisions} username(s) collide case-insensitively with another; each name is listed once`);
  }
}
