import { createHash } from 'node:crypto';
import { fromHex, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';

// Dolibarr's legacy 'sha1md5' hash (htdocs/core/lib/security.lib.php, dol_hash
// type '2'): the SHA-1 of the MD5 of the site's MAIN_SECURITY_SALT followed by
// the password, each digest in lower-case hex as PHP's md5() and sha1() give
// it. Dolibarr wrote it while MAIN_SECURITY_HASH_ALGO was 'sha1md5' (its
// installers' default before password_hash) and still checks the 40-digit
// hashes left from then. Forty hex digits are also a plain SHA-1: the view
// must name the scheme.

/** Hex of SHA-1(hex of MD5(salt ‖ password)); the salt, as UTF-8 text, is optional. Weak. */
export const dolibarrSha1Md5: PasswordScheme = {
  name: 'dolibarr-sha1md5',
  byForm: false,
  recognises: () => false,
  isWeak: () => true,
  describe: (hash, salt) => (fromHex(hash)?.length === 20 ? { salted: salt ? 'yes' : 'no' } : undefined),
  async verify(password, hash, salt) {
    const stored = fromHex(hash);
    if (!stored || stored.length !== 20) return 'malformed';
    const inner = createHash('md5')
      .update(salt ?? '', 'utf8')
      .update(password, 'utf8')
      .digest('hex');
    return outcome(sameBytes(createHash('sha1').update(inner, 'ascii').digest(), stored));
  },
};
