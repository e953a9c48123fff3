import { identify, type StoredCredential } from './registry';
import type { SchemeOutcome } from './scheme';
import { bcrypt } from './schemes/bcrypt';

export type VerifyOutcome = SchemeOutcome | 'unknown-scheme' | 'weak-refused';

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
  if (identified.weak && !allowWeak) return { outcome: 'weak-refused', scheme };
  try {
    return { outcome: await identified.scheme.verify(password, stored.hash, stored.salt), scheme };
  } catch {
    return { outcome: 'malformed', scheme };
  }
}

// Used when there is no real hash to spend the time on: bcrypt at cost 10.
const FALLBACK_DECOY = '$2b$10$AAvV4fSCGUqWvcacb5I77.26SLu1ks/4CLMsfXKDSRGRhBRts0NT.';

/** Spends the time a real check would: against a real stored hash (another
 * user's, of the same scheme and cost as the database holds), whose result is
 * thrown away; against bcrypt at cost 10 if that is not usable. */
export async function spendCheckTime(password: string, decoy: StoredCredential | undefined): Promise<void> {
  const result = decoy && (await verifyPassword(password, decoy, { allowWeak: true }));
  if (result?.outcome !== 'match' && result?.outcome !== 'mismatch')
    await bcrypt.verify(password, FALLBACK_DECOY, null);
}
