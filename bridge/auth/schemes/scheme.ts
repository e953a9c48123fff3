/** What a scheme says of a password against a stored hash: an answer, never an exception. */
export type SchemeOutcome = 'match' | 'mismatch' | 'malformed';

/** What checking a stored hash costs (cost.ts computes it per family). */
export interface Cost {
  /** Roughly what one check takes, in milliseconds on one core of this
   * project's machine (measured once per family; see cost.ts).
   * Used to choose a decoy that costs what a typical check costs. */
  ms: number;
  /** Why the hash is over its cap; undefined when it is not. */
  overCap?: string;
}

/** A hash's parameters, as `papercut-bridge hash identify` shows them. */
export type SchemeParams = Readonly<Record<string, string | number>>;

/** One kind of stored password hash. */
export interface PasswordScheme {
  /** The name a view may give in `password_scheme`. */
  readonly name: string;
  /** True when the scheme is recognised from the hash's own form; false when
   * the view must name it (bare hex, base64 blobs). */
  readonly byForm: boolean;
  /** True when a stored hash has this scheme's own form (a cheap prefix test). */
  recognises(hash: string): boolean;
  /** Too weak to trust unless the operator allows weak hashes. */
  isWeak(hash: string): boolean;
  /** The hash's parameters; undefined when it is malformed. */
  describe(hash: string, salt: string | null): SchemeParams | undefined;
  /** What a check of a hash with these parameters costs, and whether it is
   * over its cap (cost.ts); absent for schemes whose cost is fixed and small. */
  cost?(params: SchemeParams): Cost;
  verify(password: string, hash: string, salt: string | null): Promise<SchemeOutcome>;
}

/** Builds the three answers from a comparison. */
export const outcome = (matches: boolean): SchemeOutcome => (matches ? 'match' : 'mismatch');
