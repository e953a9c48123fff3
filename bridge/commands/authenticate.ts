import { performance } from 'node:perf_hooks';
import { writeAudit } from '../core/audit-log';
import { spendCheckTime, verifyPassword, type VerifyOutcome } from '../auth/verify';
import { BridgeError } from '../core/errors';
import { readStdinLines } from '../core/io';
import { withDirectory, type CallContext } from './context';
import { loginDecoy, toStored } from './login-decoy';
import { DecoyOwner } from '../state/decoy-owner';
import { STDIN_TIMEOUT_MS } from './get-user-details';

const MAX_PASSWORD_BYTES = 4096;
/** The one line every refused login gets: it never tells whether the user exists. */
export const AUTH_FAILED = 'invalid username or password';

/** Why a login was refused: for the audit log only, never for stderr. */
const REFUSALS: Record<Exclude<VerifyOutcome, 'match'>, string> = {
  mismatch: 'wrong-password',
  malformed: 'malformed-hash',
  'unknown-scheme': 'unknown-scheme',
  'weak-refused': 'weak-scheme-refused (set BRIDGE_ALLOW_WEAK_HASHES=1 to accept)',
  'over-cap': 'cost-over-cap (the hash asks for more work than any real one; see papercut-bridge doctor)',
  'library-unavailable': "library-unavailable (the scheme's library cannot be loaded here; see the README)",
};

interface LoginResult {
  /** The username as the view spells it, when the password verified. */
  username?: string;
  reason?: string;
  user?: string;
  scheme?: string;
}

/** What a login came to, for run() to report: refused, or stopped by a
 * failure, and whether work is left that nobody waits for (the deadline passed). */
export interface AuthOutcome {
  refused: boolean;
  failure?: unknown;
  abandoned: boolean;
}

/** The auth program (no arguments): `username\npassword\n` on stdin; answers
 * `OK\n<username>\n` or `ERROR\n`. Never throws; the caller always exits 0. */
export async function authenticate(ctx: CallContext): Promise<AuthOutcome> {
  const started = performance.now();
  let result: LoginResult;
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<LoginResult>((resolve) => {
    timer = setTimeout(() => resolve({ reason: 'deadline' }), ctx.config.authTimeoutMs);
  });
  try {
    result = await Promise.race([checkLogin(ctx), deadline]);
  } catch (error) {
    // What stopped the check (no database, bad input) reveals nothing about the user.
    failure = error;
    result = { reason: error instanceof BridgeError ? error.code : 'software' };
  }
  clearTimeout(timer);
  if (result.username) {
    ctx.out.line('OK');
    ctx.out.line(result.username);
  } else {
    ctx.out.line('ERROR');
  }
  writeAudit(ctx.config.logFile, {
    call: 'auth',
    outcome: result.username ? 'ok' : failure !== undefined ? 'error' : 'refused',
    reason: result.reason,
    user: result.user,
    scheme: result.scheme,
    durationMs: Math.round(performance.now() - started),
  });
  return { refused: !result.username && failure === undefined, failure, abandoned: result.reason === 'deadline' };
}

async function checkLogin(ctx: CallContext): Promise<LoginResult> {
  const [login = '', password = ''] = await readStdinLines(ctx.io.stdin, {
    lines: 2,
    maxBytes: 2 * MAX_PASSWORD_BYTES,
    timeoutMs: STDIN_TIMEOUT_MS,
  });
  if (login === '' || password === '' || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    return { reason: 'empty-or-oversized-input' };
  }

  // Every login runs the same queries, known user or not, so that neither
  // their time nor a broken view tells whether the user exists. The answer
  // names the user exactly as all-users lists it, and only a credential
  // stored under that very name is checked (see usernames.ts).
  const { user, credentials, decoy } = await withDirectory(ctx, async (directory) => {
    const byName = await directory.findUser(login);
    const byAlias = ctx.config.aliasLogin ? await directory.findUsersByAlias(login) : [];
    const found = byName ?? (byAlias.length === 1 ? byAlias[0] : undefined);
    return {
      user: found,
      credentials: await directory.credentials(found ?? { stored: login, name: login, spellings: [] }),
      decoy: await loginDecoy(directory, new DecoyOwner(ctx.config), (message) => ctx.log.warn(message)),
    };
  });
  if (!user) {
    await spendCheckTime(password, decoy);
    return { reason: 'unknown-user' };
  }
  const name = user.name;
  const stored = toStored(credentials.length === 1 ? credentials[0] : undefined);
  if (!stored) {
    await spendCheckTime(password, decoy);
    return { reason: credentials.length > 1 ? 'several-credentials' : 'no-credential', user: name };
  }

  const result = await verifyPassword(password, stored, { allowWeak: ctx.config.allowWeakHashes });
  if (result.outcome === 'match') return { username: name, user: name, scheme: result.scheme };
  if (result.outcome !== 'mismatch') await spendCheckTime(password, decoy);
  return { reason: REFUSALS[result.outcome], user: name, scheme: result.scheme };
}
