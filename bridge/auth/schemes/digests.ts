import { createHash } from 'node:crypto';
import { fromHex, sameBytes } from '../encoding';
import { outcome, type PasswordScheme } from '../scheme';

// Hex digests the view must name: one hash of (salt ‖ password), iDempiere's
// iterated SHA-512, and plain text. Nothing here can be told apart by form.

const LENGTHS = { md5: 16, sha1: 20, sha256: 32, sha512: 64 } as const;
type Algorithm = keyof typeof LENGTHS;

/** md5, sha1, sha256, sha512: hex of H(password_salt ‖ password); the salt is optional. Weak. */
function singleDigest(algorithm: Algorithm): PasswordScheme {
  return {
    name: algorithm,
    byForm: false,
    recognises: () => false,
    isWeak: () => true,
    describe: (hash, salt) =>
      fromHex(hash)?.length === LENGTHS[algorithm] ? { salted: salt ? 'yes' : 'no' } : undefined,
    async verify(password, hash, salt) {
      const stored = fromHex(hash);
      if (!stored || stored.length !== LENGTHS[algorithm]) return 'malformed';
      const computed = createHash(algorithm)
        .update(salt ?? '', 'utf8')
        .update(password, 'utf8')
        .digest();
      return outcome(sameBytes(computed, stored));
    },
  };
}

export const md5 = singleDigest('md5');
export const sha1 = singleDigest('sha1');
export const sha256 = singleDigest('sha256');
export const sha512 = singleDigest('sha512');

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
