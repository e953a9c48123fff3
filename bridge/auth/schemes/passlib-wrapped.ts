import { createHash, createHmac } from 'node:crypto';
import { fromUnpaddedBase64 } from './encoding';
import { outcome, type PasswordScheme, type SchemeOutcome } from './scheme';
import { bcryptCost, scryptCost } from './cost';
import { bcryptMatches } from './bcrypt';
import { scryptOutcome, scryptParamsValid } from './scrypt';

// passlib's own forms around bcrypt and scrypt, which a passlib CryptContext
// (Tryton's [password] passlib, Odoo, Frappe) may be configured to write.

// $bcrypt-sha256$v=2,t=2b,r=<cost>$<22 salt>$<31 digest>: bcrypt over the
// base64 of HMAC-SHA256 keyed with the salt's 22 characters (passlib ≥ 1.7.3);
// $bcrypt-sha256$2a,<cost>$… or 2b: bcrypt over the base64 of SHA-256 (v1).
// The cost is written without a leading zero; the salt's last character
// carries no stray bits (passlib refuses the others).
const BCRYPT_SHA256 =
  /^\$bcrypt-sha256\$(?:v=2,t=2b,r=([1-9]\d?)|(2[ab]),([1-9]\d?))\$([./A-Za-z0-9]{21}[.Oeu])\$([./A-Za-z0-9]{31})$/;

function parseBcryptSha256(hash: string) {
  const match = BCRYPT_SHA256.exec(hash);
  if (!match) return undefined;
  const version = match[1] ? 2 : 1;
  const cost = Number(match[1] ?? match[3]);
  if (cost < 4 || cost > 31) return undefined;
  const variant = version === 2 ? '2b' : match[2]!;
  const salt = match[4]!;
  return { version, variant, cost, salt, bcrypt: `$${variant}$${String(cost).padStart(2, '0')}$${salt}${match[5]}` };
}

export const passlibBcryptSha256: PasswordScheme = {
  name: 'passlib-bcrypt-sha256',
  byForm: true,
  recognises: (hash) => hash.startsWith('$bcrypt-sha256$'),
  isWeak: () => false,
  describe(hash) {
    const parsed = parseBcryptSha256(hash);
    return parsed && { version: parsed.version, variant: parsed.variant, cost: parsed.cost };
  },
  cost: bcryptCost,
  async verify(password, hash): Promise<SchemeOutcome> {
    const parsed = parseBcryptSha256(hash);
    if (!parsed) return 'malformed';
    const digest =
      parsed.version === 2
        ? createHmac('sha256', parsed.salt).update(password, 'utf8').digest()
        : createHash('sha256').update(password, 'utf8').digest();
    const matches = await bcryptMatches(digest.toString('base64'), parsed.bcrypt);
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};

// $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key of 32 bytes>, salt and key in
// base64 without padding.
const SCRYPT = /^\$scrypt\$ln=([1-9]\d?),r=([1-9]\d{0,3}),p=([1-9]\d?)\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]+)$/;

function parseScrypt(hash: string) {
  const match = SCRYPT.exec(hash);
  if (!match) return undefined;
  const params = { n: 2 ** Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const salt = fromUnpaddedBase64(match[4]!);
  const key = fromUnpaddedBase64(match[5]!);
  if (!scryptParamsValid(params) || !salt || key?.length !== 32) return undefined;
  return { params, salt, key };
}

export const passlibScrypt: PasswordScheme = {
  name: 'passlib-scrypt',
  byForm: true,
  recognises: (hash) => hash.startsWith('$scrypt$'),
  isWeak: () => false,
  describe(hash) {
    const parsed = parseScrypt(hash);
    return parsed && { N: parsed.params.n, r: parsed.params.r, p: parsed.params.p };
  },
  cost: scryptCost,
  async verify(password, hash): Promise<SchemeOutcome> {
    const parsed = parseScrypt(hash);
    return parsed ? scryptOutcome(password, parsed.salt, parsed.params, parsed.key) : 'malformed';
  },
};
