import { createHash } from 'node:crypto';
import { CRYPT64, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { DIGESTS_PER_SLICE, phpassCost, yieldToEventLoop } from './cost';

// The portable phpass hash (WordPress up to 6.7, phpBB: $P$ and $H$, MD5) and
// Drupal 7's variant ($S$, SHA-512, cut to 55 characters): 2^count rounds of
// H(previous ‖ password) over H(salt ‖ password).

/** phpass's own base64 of the digest. */
function encode64(input: Buffer): string {
  let out = '';
  for (let i = 0; i < input.length;) {
    let value = input[i++]!;
    out += CRYPT64[value & 0x3f];
    if (i < input.length) value |= input[i]! << 8;
    out += CRYPT64[(value >> 6) & 0x3f];
    if (i++ >= input.length) break;
    if (i < input.length) value |= input[i]! << 16;
    out += CRYPT64[(value >> 12) & 0x3f];
    if (i++ >= input.length) break;
    out += CRYPT64[(value >> 18) & 0x3f];
  }
  return out;
}

interface Variant {
  name: string;
  prefixes: string[];
  algorithm: 'md5' | 'sha512';
  /** Characters after the 12-character setting. */
  checksumLength: number;
  maxLog2: number;
}

const PHPASS: Variant = { name: 'phpass', prefixes: ['$P$', '$H$'], algorithm: 'md5', checksumLength: 22, maxLog2: 30 };
const DRUPAL7: Variant = { name: 'drupal7', prefixes: ['$S$'], algorithm: 'sha512', checksumLength: 43, maxLog2: 30 };

function parse(variant: Variant, hash: string) {
  if (!variant.prefixes.includes(hash.slice(0, 3))) return undefined;
  if (hash.length !== 12 + variant.checksumLength || !/^[./0-9A-Za-z]+$/.test(hash.slice(3))) return undefined;
  const log2 = CRYPT64.indexOf(hash[3]!);
  if (log2 < 7 || log2 > variant.maxLog2) return undefined;
  return { log2, salt: hash.slice(4, 12), checksum: hash.slice(12) };
}

async function phpassChecksum(variant: Variant, password: string, salt: string, log2: number): Promise<string> {
  const secret = Buffer.from(password, 'utf8');
  let digest = createHash(variant.algorithm).update(salt).update(secret).digest();
  for (let i = 1 << log2; i > 0; i--) {
    if (i % DIGESTS_PER_SLICE === 0) await yieldToEventLoop();
    digest = createHash(variant.algorithm).update(digest).update(secret).digest();
  }
  return encode64(digest).slice(0, variant.checksumLength);
}

function scheme(variant: Variant): PasswordScheme {
  return {
    name: variant.name,
    byForm: true,
    recognises: (hash) => variant.prefixes.some((prefix) => hash.startsWith(prefix)),
    isWeak: () => false,
    describe(hash) {
      const parsed = parse(variant, hash);
      return parsed && { rounds: 2 ** parsed.log2 };
    },
    cost: phpassCost,
    async verify(password, hash) {
      const parsed = parse(variant, hash);
      if (!parsed) return 'malformed';
      const computed = await phpassChecksum(variant, password, parsed.salt, parsed.log2);
      return outcome(sameBytes(Buffer.from(computed), Buffer.from(parsed.checksum)));
    },
  };
}

export const phpass = scheme(PHPASS);
export const drupal7 = scheme(DRUPAL7);
