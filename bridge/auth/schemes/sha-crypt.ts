import { createHash } from 'node:crypto';
import { cryptEncode, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { DIGESTS_PER_SLICE, shaCryptCost, yieldToEventLoop } from './cost';

// Ulrich Drepper's SHA-crypt ($5$ SHA-256, $6$ SHA-512), as glibc's crypt(3).
const DEFAULT_ROUNDS = 5000;
const MIN_ROUNDS = 1000;
/** The spec allows 999 999 999; a login must not take minutes. */
const MAX_ROUNDS = 10_000_000;

interface Variant {
  prefix: string;
  algorithm: 'sha256' | 'sha512';
  /** Output byte order of the final digest, in crypt64 groups. */
  groups: number[][];
}

const triples = (rows: number[]) => {
  const groups: number[][] = [];
  for (let i = 0; i < rows.length; i += 3) groups.push(rows.slice(i, i + 3));
  return groups;
};

const SHA256: Variant = {
  prefix: '$5$',
  algorithm: 'sha256',
  groups: [
    ...triples([
      0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6, 16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29,
    ]),
    [31, 30],
  ],
};

const SHA512: Variant = {
  prefix: '$6$',
  algorithm: 'sha512',
  groups: [
    ...triples([
      0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6, 27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51, 31,
      52, 10, 53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36, 57, 37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61,
      19, 62, 20, 41,
    ]),
    [63],
  ],
};

interface Parsed {
  rounds: number;
  explicitRounds: boolean;
  salt: string;
  checksum: string;
}

function parse(variant: Variant, hash: string): Parsed | undefined {
  const length = variant.algorithm === 'sha256' ? 43 : 86;
  const match = new RegExp(
    `^\\${variant.prefix.slice(0, 2)}\\$(?:rounds=([1-9]\\d{0,9})\\$)?([^$:\\n]{0,16})\\$([./0-9A-Za-z]{${length}})$`,
  ).exec(hash);
  if (!match) return undefined;
  const rounds = match[1] === undefined ? DEFAULT_ROUNDS : Number(match[1]);
  if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) return undefined;
  return { rounds, explicitRounds: match[1] !== undefined, salt: match[2]!, checksum: match[3]! };
}

/** `length` bytes of `block` repeated. */
function repeatTo(block: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += block.length) block.copy(out, i, 0, Math.min(block.length, length - i));
  return out;
}

async function shaCrypt(variant: Variant, passwordText: string, saltText: string, rounds: number): Promise<string> {
  const hash = () => createHash(variant.algorithm);
  const password = Buffer.from(passwordText, 'utf8');
  const salt = Buffer.from(saltText, 'utf8');

  const b = hash().update(password).update(salt).update(password).digest();
  const a = hash().update(password).update(salt).update(repeatTo(b, password.length));
  for (let n = password.length; n > 0; n >>= 1) a.update(n & 1 ? b : password);
  let c = a.digest();

  const dp = hash();
  for (let i = 0; i < password.length; i++) dp.update(password);
  const p = repeatTo(dp.digest(), password.length);
  const ds = hash();
  for (let i = 0; i < 16 + c[0]!; i++) ds.update(salt);
  const s = repeatTo(ds.digest(), salt.length);

  for (let i = 0; i < rounds; i++) {
    if (i % DIGESTS_PER_SLICE === DIGESTS_PER_SLICE - 1) await yieldToEventLoop();
    const round = hash().update(i & 1 ? p : c);
    if (i % 3) round.update(s);
    if (i % 7) round.update(p);
    c = round.update(i & 1 ? c : p).digest();
  }
  return cryptEncode(c, variant.groups);
}

function scheme(name: string, variant: Variant): PasswordScheme {
  return {
    name,
    byForm: true,
    recognises: (hash) => hash.startsWith(variant.prefix),
    isWeak: () => false,
    describe(hash) {
      const parsed = parse(variant, hash);
      return parsed && { rounds: parsed.rounds, salt_length: parsed.salt.length };
    },
    cost: shaCryptCost,
    async verify(password, hash) {
      const parsed = parse(variant, hash);
      if (!parsed) return 'malformed';
      const computed = await shaCrypt(variant, password, parsed.salt, parsed.rounds);
      return outcome(sameBytes(Buffer.from(computed), Buffer.from(parsed.checksum)));
    },
  };
}

export const sha256Crypt = scheme('sha256-crypt', SHA256);
export const sha512Crypt = scheme('sha512-crypt', SHA512);
