import { createHash } from 'node:crypto';
import { cryptEncode, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';

// Poul-Henning Kamp's md5-crypt ($1$), and Apache's variant ($apr1$) that
// differs only in its magic string. 1000 rounds of MD5: weak.
const GROUPS = [[0, 6, 12], [1, 7, 13], [2, 8, 14], [3, 9, 15], [4, 10, 5], [11]];
const FORM = /^(\$1\$|\$apr1\$)([^$]{0,8})\$([./0-9A-Za-z]{22})$/;

function md5Crypt(magic: string, passwordText: string, saltText: string): string {
  const md5 = () => createHash('md5');
  const password = Buffer.from(passwordText, 'utf8');
  const salt = Buffer.from(saltText, 'utf8');

  let final = md5().update(password).update(salt).update(password).digest();
  const ctx = md5().update(password).update(magic).update(salt);
  for (let left = password.length; left > 0; left -= 16) ctx.update(final.subarray(0, Math.min(left, 16)));
  for (let n = password.length; n; n >>= 1) ctx.update(n & 1 ? Buffer.of(0) : password.subarray(0, 1));
  final = ctx.digest();

  for (let i = 0; i < 1000; i++) {
    const round = md5().update(i & 1 ? password : final);
    if (i % 3) round.update(salt);
    if (i % 7) round.update(password);
    final = round.update(i & 1 ? final : password).digest();
  }
  return cryptEncode(final, GROUPS);
}

export const md5CryptScheme: PasswordScheme = {
  name: 'md5-crypt',
  byForm: true,
  recognises: (hash) => hash.startsWith('$1$') || hash.startsWith('$apr1$'),
  isWeak: () => true,
  describe(hash) {
    const match = FORM.exec(hash);
    return match ? { variant: match[1] === '$1$' ? 'md5-crypt' : 'apr1', salt_length: match[2]!.length } : undefined;
  },
  async verify(password, hash) {
    const match = FORM.exec(hash);
    if (!match) return 'malformed';
    const computed = md5Crypt(match[1]!, password, match[2]!);
    return outcome(sameBytes(Buffer.from(computed), Buffer.from(match[3]!)));
  },
};
