import { BridgeError } from '../errors';
import { userLine } from '../protocol/format';
import { withDirectory, type CallContext } from './context';
import { distinctUsers } from './users';

/** `- all-users`: every user, one user line each. */
export async function allUsers(ctx: CallContext): Promise<void> {
  const rows = await withDirectory(ctx, (directory) => directory.allUsers());
  const { users, nameless, collisions } = distinctUsers(rows);
  if (nameless) ctx.log.warn(`skipped ${nameless} row(s) of papercut_users with an empty username`);
  if (collisions)
    ctx.log.warn(`${collisions} username(s) collide case-insensitively with another; each name is listed once`);
  // An empty list would make PaperCut delete every synced account.
  if (users.length === 0) {
    throw new BridgeError('software', 'papercut_users returned no users; refusing to answer with an empty user list');
  }
  for (const row of users) ctx.out.line(userLine(row)!);
}
