import { outcome, type PasswordScheme } from './scheme';
import { bcryptCost } from './cost';
import { loadLibrary } from './library';

// $2a$ / $2b$ / $2y$ (PHP's spelling of $2b$), a two-digit cost, 22 salt and
// 31 hash characters. Only the first 72 bytes of a password count.
const FORM = /^\$2([aby])\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

/** Checks a password (text or bytes) against a bcrypt hash; false if the hash is not one. */
export async function bcryptMatches(password: string | Buffer, hash: string): Promise<boolean | undefined> {
  const match = FORM.exec(hash);
  if (!match) return undefined;
  // Loaded on first use: calls that never check a password do not pay for it.
  const { compare } = loadLibrary('bcrypt', () => require('bcrypt') as typeof import('bcrypt'));
  // The native library reads $2b$ but not PHP's identical $2y$.
  return compare(password as string, match[1] === 'y' ? `$2b$${hash.slice(4)}` : hash);
}

export const bcrypt: PasswordScheme = {
  name: 'bcrypt',
  byForm: true,
  recognises: (hash) => /^\$2[aby]\$/.test(hash),
  isWeak: () => false,
  describe(hash) {
    const match = FORM.exec(hash);
    return match ? { variant: `2${match[1]}`, cost: Number(match[2]) } : undefined;
  },
  cost: bcryptCost,
  async verify(password, hash) {
    const matches = await bcryptMatches(password, hash);
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};
