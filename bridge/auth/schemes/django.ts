import { createHash } from 'node:crypto';
import { fromBase64, fromHex, sameBytes } from './encoding';
import { outcome, type PasswordScheme, type SchemeOutcome } from './scheme';
import { argon2, parseArgon2 } from './argon2';
import { bcrypt, bcryptMatches } from './bcrypt';
import { cryptWrapper } from './crypt-wrapper';
import { DIGEST_BYTES, pbkdf2Outcome } from './pbkdf2';
import { scryptOutcome, scryptParamsValid } from './scrypt';
import { argon2Cost, bcryptCost, pbkdf2Cost, scryptCost } from './cost';

// Django's hashers: <algorithm>$<fields>. The salt of pbkdf2 and scrypt is a
// string, used as its UTF-8 bytes.

const PBKDF2 = /^pbkdf2_(sha256|sha1)\$([1-9]\d{0,9})\$([^$]+)\$([A-Za-z0-9+/]+={0,2})$/;

export const djangoPbkdf2: PasswordScheme = {
  name: 'django-pbkdf2',
  byForm: true,
  recognises: (hash) => hash.startsWith('pbkdf2_sha256$') || hash.startsWith('pbkdf2_sha1$'),
  isWeak: () => false,
  describe(hash) {
    const match = PBKDF2.exec(hash);
    return match ? { digest: match[1]!, iterations: Number(match[2]) } : undefined;
  },
  cost: pbkdf2Cost,
  async verify(password, hash) {
    const match = PBKDF2.exec(hash);
    const key = match && fromBase64(match[4]!);
    const digest = match?.[1] as 'sha256' | 'sha1' | undefined;
    if (!match || !key || !digest || key.length !== DIGEST_BYTES[digest]) return 'malformed';
    return pbkdf2Outcome(password, Buffer.from(match[3]!, 'utf8'), Number(match[2]), digest, key);
  },
};

// argon2$argon2id$v=19$m=…,t=…,p=…$salt$hash: the PHC string without its first '$'.
export const djangoArgon2: PasswordScheme = {
  name: 'django-argon2',
  byForm: true,
  recognises: (hash) => hash.startsWith('argon2$'),
  isWeak: () => false,
  describe: (hash) => parseArgon2(hash.slice('argon2'.length)),
  cost: argon2Cost,
  verify: (password, hash) => argon2.verify(password, hash.slice('argon2'.length), null),
};

// bcrypt_sha256$$2b$…: bcrypt over the lower-case hex SHA-256 of the password.
export const djangoBcryptSha256: PasswordScheme = {
  name: 'django-bcrypt-sha256',
  byForm: true,
  recognises: (hash) => hash.startsWith('bcrypt_sha256$'),
  isWeak: () => false,
  describe: (hash) => bcrypt.describe(hash.slice('bcrypt_sha256$'.length), null),
  cost: bcryptCost,
  async verify(password, hash) {
    const prehashed = createHash('sha256').update(password, 'utf8').digest('hex');
    const matches = await bcryptMatches(prehashed, hash.slice('bcrypt_sha256$'.length));
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};

// bcrypt$$2b$…: plain bcrypt.
export const djangoBcrypt: PasswordScheme = {
  name: 'django-bcrypt',
  byForm: true,
  recognises: (hash) => hash.startsWith('bcrypt$'),
  isWeak: () => false,
  describe: (hash) => bcrypt.describe(hash.slice('bcrypt$'.length), null),
  cost: bcryptCost,
  verify: (password, hash) => bcrypt.verify(password, hash.slice('bcrypt$'.length), null),
};

// scrypt$<N>$<salt>$<r>$<p>$<base64 key of 64 bytes> (Django 4.0+).
const SCRYPT = /^scrypt\$([1-9]\d{0,9})\$([^$]+)\$([1-9]\d{0,3})\$([1-9]\d{0,3})\$([A-Za-z0-9+/]+={0,2})$/;

function parseScrypt(hash: string) {
  const match = SCRYPT.exec(hash);
  if (!match) return undefined;
  const params = { n: Number(match[1]), r: Number(match[3]), p: Number(match[4]) };
  const key = fromBase64(match[5]!);
  if (!scryptParamsValid(params) || !key || key.length !== 64) return undefined;
  return { params, salt: Buffer.from(match[2]!, 'utf8'), key };
}

export const djangoScrypt: PasswordScheme = {
  name: 'django-scrypt',
  byForm: true,
  recognises: (hash) => hash.startsWith('scrypt$'),
  isWeak: () => false,
  describe(hash) {
    const parsed = parseScrypt(hash);
    return parsed ? { N: parsed.params.n, r: parsed.params.r, p: parsed.params.p } : undefined;
  },
  cost: scryptCost,
  async verify(password, hash): Promise<SchemeOutcome> {
    const parsed = parseScrypt(hash);
    return parsed ? scryptOutcome(password, parsed.salt, parsed.params, parsed.key) : 'malformed';
  },
};

// Django's old SHA-1 and MD5 hashers (the SHA-1 ones and unsalted MD5 shipped
// up to 5.0, md5$ still ships): <algorithm>$<salt>$<lower-case hex of H(salt ‖ password)>.
// An empty salt is the unsalted form (sha1$$…, md5$$…). Django compares the
// whole string, so only lower-case hex matches. Weak.
function djangoDigest(algorithm: 'sha1' | 'md5', hexDigits: number): PasswordScheme {
  const form = new RegExp(`^${algorithm}\\$([^$]*)\\$([0-9a-f]{${hexDigits}})$`);
  return {
    name: `django-${algorithm}`,
    byForm: true,
    recognises: (hash) => hash.startsWith(`${algorithm}$`),
    isWeak: () => true,
    describe(hash) {
      const match = form.exec(hash);
      return match ? { salted: match[1] ? 'yes' : 'no' } : undefined;
    },
    async verify(password, hash) {
      const match = form.exec(hash);
      if (!match) return 'malformed';
      const computed = createHash(algorithm).update(match[1]!, 'utf8').update(password, 'utf8').digest();
      return outcome(sameBytes(computed, fromHex(match[2]!)!));
    },
  };
}

export const djangoSha1 = djangoDigest('sha1', 40);
export const djangoMd5 = djangoDigest('md5', 32);

// crypt$<salt>$<crypt(3) string> (CryptPasswordHasher, up to 4.2): Django
// writes an empty salt and a DES crypt, and checks with the system's crypt,
// which reads the string's own salt.
export const djangoCrypt = cryptWrapper('django-crypt', (hash) => /^crypt\$[^$]*\$(.*)$/s.exec(hash)?.[1]);
