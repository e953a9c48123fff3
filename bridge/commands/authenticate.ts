import { verifyDummy, verifyPassword } from '../auth/verify';
import { readStdinLines } from '../io';
import { sanitize } from '../protocol/format';
import { withDirectory, type CallContext } from './context';
import { STDIN_TIMEOUT_MS } from './get-user-details';
import { pickUser } from './users';

const MAX_PASSWORD_BYTES = 4096;
/** The one line every refused login gets: it never tells whether the user exists. */
export const AUTH_FAILED = 'invalid username or password';

/** The auth program (no arguments): `username\npassword\n` on stdin; answers
 * `OK\n<username>\n` or `ERROR\n`. Never throws; the caller always exits 0. */
export async function authenticate(ctx: CallContext): Promise<void> {
  let username: string | undefined;
  try {
    username = await checkLogin(ctx);
  } catch (error) {
    // What stopped the check (no database, bad input) reveals nothing about the user.
    ctx.log.failure(error);
    ctx.out.line('ERROR');
    return;
  }
  if (username === undefined) {
    ctx.log.error('auth', AUTH_FAILED);
    ctx.out.line('ERROR');
  } else {
    ctx.out.line('OK');
    ctx.out.line(username);
  }
}

/** The canonical username when the password verifies; undefined otherwise. */
async function checkLogin(ctx: CallContext): Promise<string | undefined> {
  const [login = '', password = ''] = await readStdinLines(ctx.io.stdin, {
    lines: 2,
    maxBytes: 2 * MAX_PASSWORD_BYTES,
    timeoutMs: STDIN_TIMEOUT_MS,
  });
  if (login === '' || password === '' || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return undefined;

  // Both queries run for every login, so that a broken view fails the same
  // way whether or not the user exists.
  const [users, credentials] = await withDirectory(ctx, async (directory) => [
    await directory.findUsers(login),
    await directory.credentials(login),
  ]);
  const user = pickUser(users);
  const username = user ? sanitize(user.username) : undefined;
  // The credential spelled exactly like the user wins; otherwise there must be just one.
  const exact = credentials.filter((row) => row.username === user?.username);
  const credential = exact.length === 1 ? exact[0] : credentials.length === 1 ? credentials[0] : undefined;

  if (!username || !credential?.password_hash) {
    await verifyDummy(password);
    return undefined;
  }
  const outcome = await verifyPassword(password, {
    hash: credential.password_hash.trim(),
    salt: credential.password_salt,
    scheme: credential.password_scheme,
  });
  if (outcome === 'malformed' || outcome === 'unknown-scheme') await verifyDummy(password);
  return outcome === 'match' ? username : undefined;
}
