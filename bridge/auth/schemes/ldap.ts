import { createHash } from 'node:crypto';
import { fromAb64, fromBase64, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { cryptWrapper } from './crypt-wrapper';
import { DIGEST_BYTES, pbkdf2Outcome, type Digest } from './pbkdf2';
import { pbkdf2Cost } from './cost';

// The userPassword forms of LDAP directories: a {TAG} (any case) and its value.

const tagOf = (hash: string) => /^\{([A-Za-z0-9-]+)\}/.exec(hash)?.[1]?.toUpperCase();

/** {MD5} {SHA} {SHA256} {SHA512}: base64(H(password)); the S-forms add a salt:
 * base64(H(password ‖ salt) ‖ salt). A single digest: weak. */
const DIGEST_TAGS: Record<string, { algorithm: 'md5' | 'sha1' | 'sha256' | 'sha512'; salted: boolean }> = {
  MD5: { algorithm: 'md5', salted: false },
  SMD5: { algorithm: 'md5', salted: true },
  SHA: { algorithm: 'sha1', salted: false },
  SSHA: { algorithm: 'sha1', salted: true },
  SHA256: { algorithm: 'sha256', salted: false },
  SSHA256: { algorithm: 'sha256', salted: true },
  SHA512: { algorithm: 'sha512', salted: false },
  SSHA512: { algorithm: 'sha512', salted: true },
};
const DIGEST_LENGTH = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };

function parseDigest(hash: string) {
  const tag = tagOf(hash);
  const form = tag === undefined ? undefined : DIGEST_TAGS[tag];
  const bytes = form && fromBase64(hash.slice(tag!.length + 2));
  if (!form || !bytes) return undefined;
  const length = DIGEST_LENGTH[form.algorithm];
  if (form.salted ? bytes.length <= length : bytes.length !== length) return undefined;
  return { tag: tag!, ...form, digest: bytes.subarray(0, length), salt: bytes.subarray(length) };
}

export const ldapDigest: PasswordScheme = {
  name: 'ldap-digest',
  byForm: true,
  recognises: (hash) => (tagOf(hash) ?? '') in DIGEST_TAGS,
  isWeak: () => true,
  describe(hash) {
    const parsed = parseDigest(hash);
    return parsed ? { tag: parsed.tag, algorithm: parsed.algorithm, salt_bytes: parsed.salt.length } : undefined;
  },
  async verify(password, hash) {
    const parsed = parseDigest(hash);
    if (!parsed) return 'malformed';
    const computed = createHash(parsed.algorithm).update(password, 'utf8').update(parsed.salt).digest();
    return outcome(sameBytes(computed, parsed.digest));
  },
};

/** {CRYPT} followed by a crypt(3) string. */
export const ldapCrypt = cryptWrapper('ldap-crypt', (hash) =>
  tagOf(hash) === 'CRYPT' ? hash.slice('{CRYPT}'.length) : undefined,
);

/** OpenLDAP's pw-pbkdf2: {PBKDF2-SHA256}<rounds>$<adapted-base64 salt>$<adapted-base64 key>. */
const PBKDF2_TAGS: Record<string, Digest> = {
  PBKDF2: 'sha1', // OpenLDAP's alias of PBKDF2-SHA1, and what passlib writes
  'PBKDF2-SHA1': 'sha1',
  'PBKDF2-SHA256': 'sha256',
  'PBKDF2-SHA512': 'sha512',
};

function parsePbkdf2(hash: string) {
  const tag = tagOf(hash);
  const digest = tag === undefined ? undefined : PBKDF2_TAGS[tag];
  const match =
    digest && /^([1-9]\d{0,9})\$([./A-Za-z0-9]+={0,2})\$([./A-Za-z0-9]+={0,2})$/.exec(hash.slice(tag!.length + 2));
  const salt = match && fromAb64(match[2]!);
  const key = match && fromAb64(match[3]!);
  if (!digest || !match || !salt || !key || key.length !== DIGEST_BYTES[digest]) return undefined;
  return { digest, rounds: Number(match[1]), salt, key };
}

export const ldapPbkdf2: PasswordScheme = {
  name: 'ldap-pbkdf2',
  byForm: true,
  recognises: (hash) => (tagOf(hash) ?? '') in PBKDF2_TAGS,
  isWeak: () => false,
  describe(hash) {
    const parsed = parsePbkdf2(hash);
    return parsed ? { digest: parsed.digest, rounds: parsed.rounds, salt_bytes: parsed.salt.length } : undefined;
  },
  cost: pbkdf2Cost,
  async verify(password, hash) {
    const parsed = parsePbkdf2(hash);
    if (!parsed) return 'malformed';
    return pbkdf2Outcome(password, parsed.salt, parsed.rounds, parsed.digest, parsed.key);
  },
};
