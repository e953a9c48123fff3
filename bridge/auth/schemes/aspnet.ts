import { createHash } from 'node:crypto';
import { fromBase64, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { pbkdf2Outcome, type Digest } from './pbkdf2';
import { pbkdf2Cost } from './cost';

// ASP.NET (Core) Identity's PasswordHash, base64:
// V2: 0x00 ‖ salt(16) ‖ PBKDF2-HMAC-SHA1(password, salt, 1000, 32)
// V3: 0x01 ‖ prf u32be ‖ iterations u32be ‖ salt length u32be ‖ salt ‖ subkey
const V3_PRF: Record<number, Digest> = { 0: 'sha1', 1: 'sha256', 2: 'sha512' };

function parseIdentity(hash: string) {
  const bytes = fromBase64(hash);
  if (!bytes || bytes.length === 0) return undefined;
  if (bytes[0] === 0x00) {
    if (bytes.length !== 1 + 16 + 32) return undefined;
    return {
      version: 2,
      digest: 'sha1' as Digest,
      iterations: 1000,
      salt: bytes.subarray(1, 17),
      key: bytes.subarray(17),
    };
  }
  if (bytes[0] !== 0x01 || bytes.length < 13) return undefined;
  const digest = V3_PRF[bytes.readUInt32BE(1)];
  const iterations = bytes.readUInt32BE(5);
  const saltLength = bytes.readUInt32BE(9);
  const salt = bytes.subarray(13, 13 + saltLength);
  const key = bytes.subarray(13 + saltLength);
  if (!digest || saltLength < 16 || salt.length !== saltLength || key.length < 16) return undefined;
  return { version: 3, digest, iterations, salt, key };
}

export const aspnetIdentity: PasswordScheme = {
  name: 'aspnet-identity',
  byForm: false,
  recognises: () => false,
  isWeak: () => false,
  describe(hash) {
    const parsed = parseIdentity(hash);
    return parsed ? { version: parsed.version, digest: parsed.digest, iterations: parsed.iterations } : undefined;
  },
  cost: pbkdf2Cost,
  async verify(password, hash) {
    const parsed = parseIdentity(hash);
    if (!parsed) return 'malformed';
    return pbkdf2Outcome(password, parsed.salt, parsed.iterations, parsed.digest, parsed.key);
  },
};

// ASP.NET Membership (SQL provider, hashed format): base64(SHA1(salt ‖ UTF-16LE password)),
// the salt base64 in its own column. A single SHA-1: weak.
export const aspnetMembership: PasswordScheme = {
  name: 'aspnet-membership',
  byForm: false,
  recognises: () => false,
  isWeak: () => true,
  describe: (hash, salt) => (fromBase64(hash)?.length === 20 && salt && fromBase64(salt) ? {} : undefined),
  async verify(password, hash, salt) {
    const stored = fromBase64(hash);
    const saltBytes = salt === null ? undefined : fromBase64(salt);
    if (!stored || stored.length !== 20 || !saltBytes) return 'malformed';
    const computed = createHash('sha1').update(saltBytes).update(Buffer.from(password, 'utf16le')).digest();
    return outcome(sameBytes(computed, stored));
  },
};
