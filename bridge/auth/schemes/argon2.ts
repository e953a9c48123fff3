import { fromUnpaddedBase64 } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { argon2Cost } from './cost';
import { loadLibrary } from './library';

// The PHC string: $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>, unpadded base64.
const FORM = /^\$(argon2(?:id|i|d))\$(?:v=(\d+)\$)?m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
/** Bounds a stored hash may not exceed: a login must not take a gigabyte or minutes. */
const MAX_MEMORY_KIB = 1024 * 1024;
const MAX_PASSES = 64;

export function parseArgon2(hash: string) {
  const match = FORM.exec(hash);
  if (!match) return undefined;
  const [, variant, version, m, t, p, salt, key] = match;
  const params = { variant: variant!, version: Number(version ?? 16), m: Number(m), t: Number(t), p: Number(p) };
  if (params.version !== 16 && params.version !== 19) return undefined;
  if (params.m < 8 * params.p || params.m > MAX_MEMORY_KIB || params.t < 1 || params.t > MAX_PASSES) return undefined;
  if (params.p < 1 || params.p > 255) return undefined;
  const saltBytes = fromUnpaddedBase64(salt!);
  const keyBytes = fromUnpaddedBase64(key!);
  if (!saltBytes || saltBytes.length < 8 || !keyBytes || keyBytes.length < 4) return undefined;
  return params;
}

/** Checks a password against a PHC Argon2 string; undefined if it is not one. */
export async function argon2Matches(password: string, hash: string): Promise<boolean | undefined> {
  if (!parseArgon2(hash)) return undefined;
  // Loaded on first use; ships its binary inside the npm package.
  const { verify } = loadLibrary(
    '@node-rs/argon2',
    () => require('@node-rs/argon2') as typeof import('@node-rs/argon2'),
  );
  try {
    return await verify(hash, password);
  } catch {
    return undefined;
  }
}

export const argon2: PasswordScheme = {
  name: 'argon2',
  byForm: true,
  recognises: (hash) => /^\$argon2(id|i|d)\$/.test(hash),
  isWeak: () => false,
  describe: (hash) => parseArgon2(hash),
  cost: argon2Cost,
  async verify(password, hash) {
    const matches = await argon2Matches(password, hash);
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};
