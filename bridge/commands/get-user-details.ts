import { inputError, notFound } from '../core/errors';
import { readStdinLines } from '../core/io';
import { userLine } from '../protocol/format';
import { withDirectory, type CallContext } from './context';

export const STDIN_TIMEOUT_MS = 10_000;

/** `- get-user-details`: the user named on stdin's first line, as a user line. */
export async function getUserDetails(ctx: CallContext): Promise<void> {
  const [username = ''] = await readStdinLines(ctx.io.stdin, { lines: 1, maxBytes: 4096, timeoutMs: STDIN_TIMEOUT_MS });
  if (username === '') throw inputError('expected a username on the first line of stdin');
  const user = await withDirectory(ctx, (directory) => directory.findUser(username));
  if (!user) throw notFound(`user '${username}' is not in papercut_users`);
  ctx.out.line(userLine(user.row, user.name)!);
}
