import type { Cost, SchemeParams } from './scheme';

/**
 * What checking a stored hash costs. A hash names its own cost, and the row
 * it sits in is writable by many people: a hash over its cap is refused like
 * a malformed one, so that no row can stall a login. The caps are realistic
 * maxima, well above what the systems write by default (bcrypt 10–12,
 * passlib's sha512-crypt 656 000 rounds, Django's PBKDF2 1 000 000
 * iterations, Argon2 at 64 MiB).
 */
export const COST_CAPS = Object.freeze({
  bcryptCost: 15,
  phpassLog2: 18,
  /** sha-crypt, and the other iterated digests computed here (SAP's iSSHA). */
  digestRounds: 1_000_000,
  pbkdf2Iterations: 10_000_000,
  argon2MemoryKiB: 256 * 1024,
  argon2Passes: 10,
  scryptMemoryBytes: 256 * 1024 * 1024,
});

/** Milliseconds per unit of work, measured on this project's 2-core machine. */
const MS = {
  bcryptAt10: 60,
  /** One round of sha-crypt as computed here; of phpass and SAP's digests: one digest. */
  shaCryptRound: 0.0031,
  digestRound: 0.002,
  pbkdf2Iteration: { sha1: 0.0003, sha256: 0.00033, sha512: 0.00085 } as Record<string, number>,
  argon2KiBPass: 0.00032,
  scryptMiB: 2.9,
};

const over = (what: string, value: number, cap: number): string | undefined =>
  value > cap ? `${what} ${value} is over the cap of ${cap}` : undefined;

const number = (params: SchemeParams, key: string): number => Number(params[key] ?? 0);

export const bcryptCost = (params: SchemeParams): Cost => {
  const cost = number(params, 'cost');
  return { ms: MS.bcryptAt10 * 2 ** (cost - 10), overCap: over('bcrypt cost', cost, COST_CAPS.bcryptCost) };
};

export const shaCryptCost = (params: SchemeParams): Cost => {
  const rounds = number(params, 'rounds');
  return { ms: MS.shaCryptRound * rounds, overCap: over('rounds', rounds, COST_CAPS.digestRounds) };
};

/** phpass and Drupal 7: `rounds` is 2^log2. */
export const phpassCost = (params: SchemeParams): Cost => {
  const rounds = number(params, 'rounds');
  const log2 = Math.log2(rounds);
  return { ms: MS.digestRound * rounds, overCap: over('log2 rounds', log2, COST_CAPS.phpassLog2) };
};

export const iteratedDigestCost = (params: SchemeParams): Cost => {
  const iterations = number(params, 'iterations');
  return { ms: MS.digestRound * iterations, overCap: over('iterations', iterations, COST_CAPS.digestRounds) };
};

/** PBKDF2 in any of its dresses: `iterations` or `rounds`, and `digest` (sha1, sha256, sha512). */
export const pbkdf2Cost = (params: SchemeParams): Cost => {
  const iterations = number(params, params.iterations === undefined ? 'rounds' : 'iterations');
  const perIteration = MS.pbkdf2Iteration[String(params.digest)] ?? MS.pbkdf2Iteration.sha512!;
  return { ms: perIteration * iterations, overCap: over('iterations', iterations, COST_CAPS.pbkdf2Iterations) };
};

/** Argon2: `m` KiB of memory, `t` passes. */
export const argon2Cost = (params: SchemeParams): Cost => {
  const memory = number(params, 'm');
  const passes = number(params, 't');
  return {
    ms: MS.argon2KiBPass * memory * passes,
    overCap: over('memory (KiB)', memory, COST_CAPS.argon2MemoryKiB) ?? over('passes', passes, COST_CAPS.argon2Passes),
  };
};

/** scrypt: 128·N·r bytes of memory, p times. */
export const scryptCost = (params: SchemeParams): Cost => {
  const memory = 128 * number(params, 'N') * number(params, 'r');
  return {
    ms: ((MS.scryptMiB * memory) / 2 ** 20) * number(params, 'p'),
    overCap: over('memory (bytes)', memory, COST_CAPS.scryptMemoryBytes),
  };
};

/** Digests computed here between two yields to the event loop (about 30 ms of
 * work): a long check must let the auth call's deadline fire. */
export const DIGESTS_PER_SLICE = 16_384;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
