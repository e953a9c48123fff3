import { fromAb64 } from './encoding';
import type { PasswordScheme } from './scheme';
import { DIGEST_BYTES, pbkdf2Outcome, type Digest } from './pbkdf2';
import { pbkdf2Cost } from './cost';

// passlib's $pbkdf2$ (SHA-1), $pbkdf2-sha256$, $pbkdf2-sha512$ (Odoo 12+, Frappe):
// $<prefix>$<rounds>$<adapted-base64 salt>$<adapted-base64 key>
const FORM = /^\$pbkdf2(?:-(sha256|sha512))?\$([1-9]\d{0,9})\$([./A-Za-z0-9]+)\$([./A-Za-z0-9]+)$/;

function parse(hash: string) {
  const match = FORM.exec(hash);
  if (!match) return undefined;
  const digest = (match[1] ?? 'sha1') as Digest;
  const salt = fromAb64(match[3]!);
  const key = fromAb64(match[4]!);
  if (!salt || !key || key.length !== DIGEST_BYTES[digest]) return undefined;
  return { digest, rounds: Number(match[2]), salt, key };
}

export const passlibPbkdf2: PasswordScheme = {
  name: 'passlib-pbkdf2',
  byForm: true,
  recognises: (hash) => /^\$pbkdf2(-sha256|-sha512)?\$/.test(hash),
  isWeak: () => false,
  describe(hash) {
    const parsed = parse(hash);
    return parsed && { digest: parsed.digest, rounds: parsed.rounds, salt_bytes: parsed.salt.length };
  },
  cost: pbkdf2Cost,
  async verify(password, hash) {
    const parsed = parse(hash);
    if (!parsed) return 'malformed';
    return pbkdf2Outcome(password, parsed.salt, parsed.rounds, parsed.digest, parsed.key);
  },
};
