import { createHash } from 'node:crypto';
import { fromBase64, sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';
import { DIGESTS_PER_SLICE, iteratedDigestCost, yieldToEventLoop } from './cost';

// SAP ABAP's salted, iterated hashes (CODVN H/I, PWDSALTEDHASH):
// {x-issha, N}base64(h ‖ salt), where h = salt, then N times h = H(password ‖ h).
const FORM = /^\{x-is(sha|sha256|sha512), ?([1-9]\d{0,9})\}([A-Za-z0-9+/]+={0,2})$/i;
const ALGORITHMS = { sha: ['sha1', 20], sha256: ['sha256', 32], sha512: ['sha512', 64] } as const;

function parse(hash: string) {
  const match = FORM.exec(hash);
  if (!match) return undefined;
  const [algorithm, length] = ALGORITHMS[match[1]!.toLowerCase() as keyof typeof ALGORITHMS];
  const iterations = Number(match[2]);
  const bytes = fromBase64(match[3]!);
  if (!bytes || bytes.length <= length) return undefined;
  return { algorithm, iterations, digest: bytes.subarray(0, length), salt: bytes.subarray(length) };
}

export const sapIssha: PasswordScheme = {
  name: 'sap-issha',
  byForm: true,
  recognises: (hash) => /^\{x-is(sha|sha256|sha512),/i.test(hash),
  isWeak: () => false,
  describe(hash) {
    const parsed = parse(hash);
    return parsed
      ? { algorithm: parsed.algorithm, iterations: parsed.iterations, salt_bytes: parsed.salt.length }
      : undefined;
  },
  cost: iteratedDigestCost,
  async verify(password, hash) {
    const parsed = parse(hash);
    if (!parsed) return 'malformed';
    const secret = Buffer.from(password, 'utf8');
    let h: Buffer = parsed.salt;
    for (let i = 0; i < parsed.iterations; i++) {
      if (i % DIGESTS_PER_SLICE === DIGESTS_PER_SLICE - 1) await yieldToEventLoop();
      h = createHash(parsed.algorithm).update(secret).update(h).digest();
    }
    return outcome(sameBytes(h, parsed.digest));
  },
};
