import type { PasswordScheme, VerifyOutcome } from './scheme';
import { bcrypt } from './schemes/bcrypt';

/** Known schemes, in the order in which a hash's form is tried. */
const SCHEMES: readonly PasswordScheme[] = Object.freeze([bcrypt]);

export interface StoredCredential {
  hash: string;
  salt: string | null;
  /** NULL: recognise the scheme from the hash's form. */
  scheme: string | null;
}

export function findScheme(stored: StoredCredential): PasswordScheme | undefined {
  const named = stored.scheme?.trim().toLowerCase();
  if (named) return SCHEMES.find((scheme) => scheme.name === named);
  return SCHEMES.find((scheme) => scheme.recognises(stored.hash));
}

export async function verifyPassword(password: string, stored: StoredCredential): Promise<VerifyOutcome> {
  const scheme = findScheme(stored);
  if (!scheme) return 'unknown-scheme';
  return scheme.verify(password, stored.hash, stored.salt);
}

// A bcrypt hash of the same cost as the demo's, checked when there is no real
// one, so that an unknown user takes about as long as a wrong password.
const DUMMY_BCRYPT = '$2b$10$AAvV4fSCGUqWvcacb5I77.26SLu1ks/4CLMsfXKDSRGRhBRts0NT.';

export async function verifyDummy(password: string): Promise<void> {
  await bcrypt.verify(password, DUMMY_BCRYPT, null);
}
