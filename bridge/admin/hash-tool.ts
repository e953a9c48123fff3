import { identify } from '../auth/registry';
import { verifyPassword } from '../auth/verify';
import { BridgeError, inputError } from '../core/errors';
import { readStdinLines, type Io } from '../core/io';

// `papercut-bridge hash identify|verify`: for operators checking what a view
// delivers. Hashes, salts and passwords come on stdin, never on the command line.

const STDIN = { maxBytes: 64 * 1024, timeoutMs: 60_000 };
const WEAK_NOTE = 'weak: refused at login unless BRIDGE_ALLOW_WEAK_HASHES=1';

/** stdin: the stored hash, then optionally its separate salt. */
export async function identifyHash(io: Io, scheme: string | undefined): Promise<string[]> {
  const [hash = '', salt = ''] = await readStdinLines(io.stdin, { lines: 2, ...STDIN });
  const found = identify({ hash, salt: salt || null, scheme: scheme ?? null });
  if (!found) throw inputError(scheme ? `unknown scheme '${scheme}'` : 'no known scheme has this form');
  if (!found.params) throw inputError(`malformed ${found.scheme.name} hash`);
  const params = Object.entries(found.params).map(([key, value]) => `${key}=${value}`);
  const overCap = found.cost.overCap ? [`${found.cost.overCap}: refused at login`] : [];
  return [[found.scheme.name, ...params].join(' '), ...(found.weak ? [WEAK_NOTE] : []), ...overCap];
}

/** stdin: the stored hash, the password, then optionally the separate salt.
 * Exit 0 when they match, 1 when they do not. */
export async function verifyHash(io: Io, scheme: string | undefined): Promise<{ lines: string[]; status: number }> {
  const [hash = '', password = '', salt = ''] = await readStdinLines(io.stdin, { lines: 3, ...STDIN });
  const stored = { hash, salt: salt || null, scheme: scheme ?? null };
  const { outcome, scheme: used } = await verifyPassword(password, stored, { allowWeak: true });
  if (outcome === 'unknown-scheme')
    throw inputError(scheme ? `unknown scheme '${scheme}'` : 'no known scheme has this form');
  if (outcome === 'malformed') throw new BridgeError('input', `malformed ${used} hash`);
  if (outcome === 'over-cap') throw new BridgeError('input', `${identify(stored)?.cost.overCap}: refused at login`);
  if (outcome === 'library-unavailable') throw new BridgeError('software', `the ${used} library cannot be loaded here`);
  const weak = identify(stored)?.weak ? [WEAK_NOTE] : [];
  return { lines: [`${outcome} (${used})`, ...weak], status: outcome === 'match' ? 0 : 1 };
}
