/**
 * Who a stored username is. Every call answers through these rules, so that
 * all-users, the lookups and the auth program always agree on which row a
 * name belongs to, and no ERP row can be listed, found or logged in under
 * another row's name.
 *
 * - Trailing ASCII spaces are CHAR padding: `bob   ` is `bob` (up to
 *   MAX_PADDING of them, as far as the lookups can find them by index).
 * - A name that would need any other cleaning is unusable and left out of
 *   every call: leading spaces, Unicode spaces (U+00A0, U+3000), line and
 *   paragraph separators, control and format characters (C0, C1, BOM,
 *   bidirectional marks), and the two letters whose lower case changes
 *   length or leaves ASCII (U+0130 İ → i̇, U+212A KELVIN SIGN → k), which
 *   databases and Java fold differently.
 * - Names are the same name when their `nameKey`s are equal; of such rows the
 *   one whose stored name sorts first in code-unit order is the user, the
 *   others never appear and never log in.
 */

export const MAX_PADDING = 255;

const UNUSABLE = /[\p{C}\p{Zl}\p{Zp}\u0130\u212a]|(?! )\p{Zs}/u;
const SPACE = 0x20;

/** A view value as the text the bridge compares ('' for NULL). */
export function storedName(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
}

/** A stored name without its trailing ASCII spaces. */
function withoutPadding(stored: string): string {
  let end = stored.length;
  while (end > 0 && stored.charCodeAt(end - 1) === SPACE) end--;
  return end === stored.length ? stored : stored.slice(0, end);
}

/** The name a stored username stands for, or undefined when it has none
 * that every call could agree on. */
export function usableName(value: unknown): string | undefined {
  const stored = storedName(value);
  const name = withoutPadding(stored);
  if (name === '' || stored.length - name.length > MAX_PADDING || name.charCodeAt(0) === SPACE) return undefined;
  // Printable ASCII is usable as it is, and far quicker to tell.
  return isAsciiName(name) || !UNUSABLE.test(name) ? name : undefined;
}

/** Whether a stored username is a usable name with `key`. */
export function isNameOf(value: unknown, key: string): boolean {
  const name = usableName(value);
  return name !== undefined && nameKey(name) === key;
}

/** The key under which PaperCut treats two names as the same: it lower-cases
 * them in Java, which for every usable name agrees with JavaScript's
 * `toLowerCase` character by character (final sigma included), keeps the
 * length and never maps a letter into or out of ASCII. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The key of a stored name that may carry CHAR padding (a usable name never ends in a space). */
export function storedKey(stored: string): string {
  return nameKey(withoutPadding(stored));
}

export const isAsciiName = (name: string): boolean => /^[\x20-\x7e]*$/.test(name);

/** A LIKE pattern (escape character `!`) that every stored spelling of
 * `name` matches, case aside, whatever the database's case folding: the
 * ASCII characters as they are, each run of others (whose case only Java's
 * rules decide) as `%`, and `%` at the end for padding. The database's
 * ASCII-only case-insensitivity is enough; the caller keeps the exact matches. */
export function likeAnyCase(name: string): string {
  return likeEscaped(name).replace(/[^\x20-\x7e]+/g, '%') + '%';
}

/** Text made literal in a LIKE pattern with escape character `!`. */
export const likeEscaped = (text: string): string => text.replace(/[!%_[\]]/g, '!$&');

/** Of rows, the one per name that every call picks, by the name's key: its
 * stored username sorts first. That is the name first, then the least
 * padding, since names of one key have the same length. Rows without a
 * usable name are left out. */
export function userPerName<T>(rows: Iterable<T>, storedOf: (row: T) => unknown): Map<string, T> {
  const chosen = new Map<string, { row: T; stored: string }>();
  for (const row of rows) {
    const name = usableName(storedOf(row));
    if (name === undefined) continue;
    const stored = storedName(storedOf(row));
    const key = nameKey(name);
    const previous = chosen.get(key);
    if (previous === undefined || stored < previous.stored) chosen.set(key, { row, stored });
  }
  return new Map([...chosen].map(([key, { row }]) => [key, row]));
}

/** The user a name is: its row's stored username, the name, and every
 * stored spelling of that name in papercut_users (the user's and the rows it beat). */
export interface NameOwner {
  stored: string;
  name: string;
  spellings: readonly string[];
}

/** Whether a row of another view (a credential, a membership), stored under
 * `stored`, belongs to `owner`: it does when it is stored under the owner's
 * own spelling, or under no papercut_users spelling at all (views that pad
 * differently) and is the owner's name, exactly or (`sameKey`) case aside.
 * A row stored under a losing spelling belongs to the losing row. */
export function belongsTo(stored: string, owner: NameOwner, sameKey = false): boolean {
  if (stored === owner.stored) return true;
  if (owner.spellings.includes(stored)) return false;
  const name = usableName(stored);
  return name !== undefined && (sameKey ? nameKey(name) === nameKey(owner.name) : name === owner.name);
}
