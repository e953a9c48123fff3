import { createHash } from 'node:crypto';
import { fromHex, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';

// Hex digests the view must name: one hash of the salt and the password, in
// either order, iDempiere's iterated SHA-512, and plain text. Nothing here can
// be told apart by form.

const LENGTHS = { md5: 16, sha1: 20, sha256: 32, sha512: 64 } as const;
type Algorithm = keyof typeof LENGTHS;
/** Where the salt goes: before the password (most systems) or after it (Moodle's legacy MD5, Tryton's old SHA-1). */
type SaltOrder = 'salt-password' | 'password-salt';

/** Hex of H(salt ‖ password) (named `md5`, `sha1`, …) or H(password ‖ salt)
 * (named `md5-password-salt`, …); the salt, as UTF-8 text, is optional. Weak. */
function singleDigest(algorithm: Algorithm, order: SaltOrder): PasswordScheme {
  return {
    name: order === 'salt-password' ? algorithm : `${algorithm}-password-salt`,
    byForm: false,
    recognises: () => false,
    isWeak: () => true,
    describe: (hash, salt) =>
      fromHex(hash)?.length === LENGTHS[algorithm] ? { salted: salt ? 'yes' : 'no' } : undefined,
    async verify(password, hash, salt) {
      const stored = fromHex(hash);
      if (!stored || stored.length !== LENGTHS[algorithm]) return 'malformed';
      const parts = order === 'salt-password' ? [salt ?? '', password] : [password, salt ?? ''];
      const digest = createHash(algorithm);
      for (const part of parts) digest.update(part, 'utf8');
      return outcome(sameBytes(digest.digest(), stored));
    },
  };
}

export const md5 = singleDigest('md5', 'salt-password');
export const sha1 = singleDigest('sha1', 'salt-password');
export const sha256 = singleDigest('sha256', 'salt-password');
export const sha512 = singleDigest('sha512', 'salt-password');
export const md5PasswordSalt = singleDigest('md5', 'password-salt');
export const sha1PasswordSalt = singleDigest('sha1', 'password-salt');
export const sha256PasswordSalt = singleDigest('sha256', 'password-salt');
export const sha512PasswordSalt = singleDigest('sha512', 'password-salt');

/** iDempiere's AD_User.Password: SHA-512(salt bytes ‖ UTF-8 password), then
 * 1000 more rounds of SHA-512, in hex; the salt hex in AD_User.Salt. */
const IDEMPIERE_ROUNDS = 1000;

export const idempiere: PasswordScheme = {
  name: 'idempiere',
  byForm: false,
  recognises: () => false,
  isWeak: () => false,
  describe: (hash, salt) =>
    fromHex(hash)?.length === 64 && salt && fromHex(salt) ? { rounds: IDEMPIERE_ROUNDS + 1 } : undefined,
  async verify(password, hash, salt) {
    const stored = fromHex(hash);
    const saltBytes = salt === null ? undefined : fromHex(salt);
    if (!stored || stored.length !== 64 || !saltBytes) return 'malformed';
    let digest = createHash('sha512').update(saltBytes).update(password, 'utf8').digest();
    for (let i = 0; i < IDEMPIERE_ROUNDS; i++) digest = createHash('sha512').update(digest).digest();
    return outcome(sameBytes(digest, stored));
  },
};

/** Passwords stored as they are. Weak. */
export const plaintext: PasswordScheme = {
  name: 'plaintext',
  byForm: false,
  recognises: () => false,
  isWeak: () => true,
  describe: (hash) => (hash === '' ? undefined : {}),
  async verify(password, hash) {
    // An empty stored password is no password: nobody logs in with it.
    if (hash === '') return 'malformed';
    return outcome(sameBytes(Buffer.from(password, 'utf8'), Buffer.from(hash, 'utf8')));
  },
};
