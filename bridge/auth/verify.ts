import { LibraryUnavailable } from './schemes/library';
import { identify, type StoredCredential } from './registry';
import type { SchemeOutcome } from './schemes/scheme';
import { bcrypt } from './schemes/bcrypt';

export type VerifyOutcome = SchemeOutcome | 'unknown-scheme' | 'weak-refused' | 'over-cap' | 'library-unavailable';

export interface VerifyResult {
  outcome: VerifyOutcome;
  /** The scheme that was used or refused, for the log. */
  scheme?: string;
}

export interface VerifyOptions {
  /** BRIDGE_ALLOW_WEAK_HASHES: plaintext, single digests, md5-crypt and the like. */
  allowWeak: boolean;
}

/** Checks a password against a stored credential; returns a result, never throws. */
export async function verifyPassword(
  password: string,
  stored: StoredCredential,
  { allowWeak }: VerifyOptions,
): Promise<VerifyResult> {
  const identified = identify(stored);
  if (!identified) return { outcome: 'unknown-scheme' };
  const scheme = identified.scheme.name;
  // Refused before any work: the row chose the cost (cost.ts).
  if (identified.cost.overCap) return { outcome: 'over-cap', scheme };
  if (identified.weak && !allowWeak) return { outcome: 'weak-refused', scheme };
  try {
    return { outcome: await identified.scheme.verify(password, stored.hash, stored.salt), scheme };
  } catch (error) {
    return { outcome: error instanceof LibraryUnavailable ? 'library-unavailable' : 'malformed', scheme };
  }
}

// Used when there is no real hash to spend the time on: bcrypt at cost 10.
const FALLBACK_DECOY = '$2b$10$AAvV4fSCGUqWvcacb5I77.26SLu1ks/4CLMsfXKDSRGRhBRts0NT.';

/** Of some stored hashes, the one a refused login is timed against: one of
 * the most common scheme and cost among them, and of those equally common the
 * costliest, so that a database mixing schemes or costs (an old sha512-crypt
 * row first, bcrypt for everyone else) does not tell unknown users by time.
 * Malformed, unknown and over-cap hashes never serve. */
export function chooseDecoy<T extends StoredCredential>(candidates: readonly T[]): T | undefined {
  const groups = new Map<string, { stored: T; count: number; ms: number }>();
  for (const stored of candidates) {
    const found = identify(stored);
    if (!found?.params || found.cost.overCap) continue;
    // Same scheme, same cost: $2a$10$ and $2b$10$ are one group.
    const key = `${found.scheme.name} ${found.cost.ms}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { stored, count: 1, ms: found.cost.ms });
  }
  let best: { stored: T; count: number; ms: number } | undefined;
  for (const group of groups.values()) {
    if (!best || group.count > best.count || (group.count === best.count && group.ms > best.ms)) best = group;
  }
  return best?.stored;
}

/** Whether a stored hash can time a refused login, as chooseDecoy would take it. */
export const servesAsDecoy = (stored: StoredCredential): boolean => chooseDecoy([stored]) !== undefined;

/** Spends the time a real check would: against a real stored hash (see
 * chooseDecoy), whose result is thrown away; against bcrypt at cost 10 if
 * that is not usable. */
export async function spendCheckTime(password: string, decoy: StoredCredential | undefined): Promise<void> {
  const result = decoy && (await verifyPassword(password, decoy, { allowWeak: true }));
  if (result?.outcome !== 'match' && result?.outcome !== 'mismatch')
    await bcrypt.verify(password, FALLBACK_DECOY, null);
}
