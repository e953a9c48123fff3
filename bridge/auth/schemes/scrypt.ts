import { scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { sameBytes } from './encoding';
import { outcome, type SchemeOutcome } from './scheme';

// scrypt as Django and passlib store it; each parses its own form.

export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

const derive = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** N a power of two, at most 1 GiB of memory (128·N·r bytes) and p ≤ 16:
 * anything else is no real hash. The cost cap (cost.ts) is lower still. */
export function scryptParamsValid({ n, r, p }: ScryptParams): boolean {
  return n >= 2 && (n & (n - 1)) === 0 && r >= 1 && p >= 1 && p <= 16 && 128 * n * r <= 2 ** 30;
}

/** The scrypt key of the password, compared in constant time with the stored one. */
export async function scryptOutcome(
  password: string,
  salt: Buffer,
  { n, r, p }: ScryptParams,
  expected: Buffer,
): Promise<SchemeOutcome> {
  const derived = await derive(password, salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 2 ** 20 });
  return outcome(sameBytes(derived, expected));
}
