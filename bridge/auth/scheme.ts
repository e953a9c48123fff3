/** The outcome of checking a password: an answer, never an exception. */
export type VerifyOutcome = 'match' | 'mismatch' | 'malformed' | 'unknown-scheme';

/** One family of stored password hashes. */
export interface PasswordScheme {
  /** The name a view may give in `password_scheme`. */
  readonly name: string;
  /** True when a stored hash has this scheme's own form. */
  recognises(hash: string): boolean;
  verify(password: string, hash: string, salt: string | null): Promise<VerifyOutcome>;
}
