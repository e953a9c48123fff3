import { createHash } from 'node:crypto';
import { fromHex, sameBytes } from './encoding';
import { argon2Cost, DIGESTS_PER_SLICE, iteratedDigestCost, pbkdf2Cost, yieldToEventLoop } from './cost';
import { outcome, type PasswordScheme, type SchemeOutcome } from './scheme';
import { argon2Matches } from './argon2';
import { pbkdf2Outcome } from './pbkdf2';

// iDempiere 12's password hashes (IDEMPIERE-6712): AD_User.PasswordHashAlgorithm
// names the rule of each row, AD_User.Salt holds 16 random bytes in hex, and
// AD_User.Password the result in lower-case hex (java.util.HexFormat). Rows
// whose algorithm is NULL are the classic rule, the `idempiere` scheme of
// digests.ts. Nothing in the stored text tells the rules apart: the view names them.
//
//   SHA-512  SHA-512(salt ‖ UTF-8 password), then 310 000 more rounds
//   PBKDF2   PBKDF2-HMAC-SHA256(UTF-8 password, salt, 600 000 iterations), 16 bytes
//   Argon2   Argon2id v1.3, t=2, m=66 536 KiB, p=1, 32 bytes (BouncyCastle)
//
// iDempiere compares the hex it computes with the stored text as strings, so
// a hash stored in upper case never matches: malformed here. The salt is
// parsed as hex in either case; an empty or odd-length one fails in iDempiere.

const SHA512_ROUNDS = 310_000;
const PBKDF2_ITERATIONS = 600_000;
const PBKDF2_BYTES = 16;
const ARGON2 = { m: 66_536, t: 2, p: 1, bytes: 32 } as const;
/** Argon2 itself allows no shorter salt; iDempiere writes 16 bytes. */
const ARGON2_MIN_SALT = 8;

/** The stored hash as bytes when it is lower-case hex of the right length. */
function storedBytes(hash: string, length: number): Buffer | undefined {
  return /^[0-9a-f]*$/.test(hash) && hash.length === 2 * length ? Buffer.from(hash, 'hex') : undefined;
}

function saltBytes(salt: string | null, minimum = 1): Buffer | undefined {
  const bytes = salt === null ? undefined : fromHex(salt);
  return bytes && bytes.length >= minimum ? bytes : undefined;
}

/** AD_User.PasswordHashAlgorithm 'SHA-512'. */
export const idempiereSha512: PasswordScheme = {
  name: 'idempiere-sha512',
  byForm: false,
  recognises: () => false,
  isWeak: () => false,
  describe: (hash, salt) => (storedBytes(hash, 64) && saltBytes(salt) ? { iterations: SHA512_ROUNDS + 1 } : undefined),
  cost: iteratedDigestCost,
  async verify(password, hash, salt): Promise<SchemeOutcome> {
    const stored = storedBytes(hash, 64);
    const saltValue = saltBytes(salt);
    if (!stored || !saltValue) return 'malformed';
    let digest = createHash('sha512').update(saltValue).update(password, 'utf8').digest();
    for (let i = 0; i < SHA512_ROUNDS; i++) {
      if (i % DIGESTS_PER_SLICE === DIGESTS_PER_SLICE - 1) await yieldToEventLoop();
      digest = createHash('sha512').update(digest).digest();
    }
    return outcome(sameBytes(digest, stored));
  },
};

/** AD_User.PasswordHashAlgorithm 'PBKDF2' (Java's PBKDF2WithHmacSHA256, a 128-bit key). */
export const idempierePbkdf2: PasswordScheme = {
  name: 'idempiere-pbkdf2',
  byForm: false,
  recognises: () => false,
  isWeak: () => false,
  describe: (hash, salt) =>
    storedBytes(hash, PBKDF2_BYTES) && saltBytes(salt)
      ? { digest: 'sha256', iterations: PBKDF2_ITERATIONS, key_bytes: PBKDF2_BYTES }
      : undefined,
  cost: pbkdf2Cost,
  async verify(password, hash, salt) {
    const stored = storedBytes(hash, PBKDF2_BYTES);
    const saltValue = saltBytes(salt);
    if (!stored || !saltValue) return 'malformed';
    return pbkdf2Outcome(Buffer.from(password, 'utf8'), saltValue, PBKDF2_ITERATIONS, 'sha256', stored);
  },
};

/** AD_User.PasswordHashAlgorithm 'Argon2': raw Argon2id output, checked as the PHC string it amounts to. */
export const idempiereArgon2: PasswordScheme = {
  name: 'idempiere-argon2',
  byForm: false,
  recognises: () => false,
  isWeak: () => false,
  describe: (hash, salt) =>
    storedBytes(hash, ARGON2.bytes) && saltBytes(salt, ARGON2_MIN_SALT)
      ? { variant: 'argon2id', version: 19, m: ARGON2.m, t: ARGON2.t, p: ARGON2.p }
      : undefined,
  cost: argon2Cost,
  async verify(password, hash, salt) {
    const stored = storedBytes(hash, ARGON2.bytes);
    const saltValue = saltBytes(salt, ARGON2_MIN_SALT);
    if (!stored || !saltValue) return 'malformed';
    const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
    const phc = `$argon2id$v=19$m=${ARGON2.m},t=${ARGON2.t},p=${ARGON2.p}$${b64(saltValue)}$${b64(stored)}`;
    const matches = await argon2Matches(password, phc);
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};
