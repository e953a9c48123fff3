import { createHash } from 'node:crypto';
import { pbkdf2Cost } from './cost';
import { fromAb64 } from './encoding';
import type { PasswordScheme } from './scheme';
import { pbkdf2Outcome } from './pbkdf2';

// Frappe's frappe_legacy hashes, checked by Frappe 10 to 14 (frappe/utils/password.py,
// LegacyPassword; Frappe 15 dropped it). When Frappe moved to passlib, a patch wrapped
// each stored MySQL PASSWORD(CONCAT(password, salt)) in passlib's PBKDF2-SHA256, with
// the user's old salt as the PBKDF2 salt:
//   $frappel$<rounds>$<adapted-base64 salt>$<adapted-base64 key>
//   inner = '*' + upper-case hex of SHA1(SHA1(UTF-8 of the password followed by the salt as text))
//   key   = PBKDF2-HMAC-SHA256(inner, salt, rounds, 32 bytes)
// Frappe reads the salt as UTF-8 text; a salt that is not is no hash Frappe can check.
// Frappe also takes a typed value that is itself a '*' + 40 hex digits MySQL hash as
// the inner value, so that anyone holding the pre-passlib hash could log in with it;
// the bridge hashes whatever is typed.
const FORM = /^\$frappel\$([1-9]\d{0,9})\$([./A-Za-z0-9]+)\$([./A-Za-z0-9]+)$/;
const KEY_BYTES = 32;

function parse(hash: string) {
  const match = FORM.exec(hash);
  if (!match) return undefined;
  const salt = fromAb64(match[2]!);
  const key = fromAb64(match[3]!);
  if (!salt || !key || key.length !== KEY_BYTES) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(salt);
  } catch {
    return undefined;
  }
  return { rounds: Number(match[1]), salt, key };
}

/** MySQL 4.1's PASSWORD() of the password followed by the salt's text. */
function mysql41(password: string, salt: Buffer): Buffer {
  const once = createHash('sha1').update(Buffer.from(password, 'utf8')).update(salt).digest();
  const twice = createHash('sha1').update(once).digest('hex').toUpperCase();
  return Buffer.from(`*${twice}`, 'ascii');
}

export const frappeLegacy: PasswordScheme = {
  name: 'frappe-legacy',
  byForm: true,
  recognises: (hash) => hash.startsWith('$frappel$'),
  isWeak: () => false,
  describe(hash) {
    const parsed = parse(hash);
    return parsed && { digest: 'sha256', rounds: parsed.rounds, salt_bytes: parsed.salt.length };
  },
  cost: pbkdf2Cost,
  async verify(password, hash) {
    const parsed = parse(hash);
    if (!parsed) return 'malformed';
    return pbkdf2Outcome(mysql41(password, parsed.salt), parsed.salt, parsed.rounds, 'sha256', parsed.key);
  },
};
