import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { sameBytes } from './encoding';
import { COST_CAPS } from './cost';
import { outcome, type SchemeOutcome } from './scheme';

export type Digest = 'sha1' | 'sha256' | 'sha512';
export const DIGEST_BYTES: Record<Digest, number> = { sha1: 20, sha256: 32, sha512: 64 };
/** A login must not take minutes: more iterations than the cap is not a real hash. */
const MAX_ITERATIONS = COST_CAPS.pbkdf2Iterations;

const derive = promisify(pbkdf2);

/** PBKDF2 of the password, compared in constant time with the stored key. */
export async function pbkdf2Outcome(
  password: string | Buffer,
  salt: Buffer,
  iterations: number,
  digest: Digest,
  expected: Buffer,
): Promise<SchemeOutcome> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS || expected.length < 16) {
    return 'malformed';
  }
  return outcome(sameBytes(await derive(password, salt, iterations, expected.length, digest), expected));
}
