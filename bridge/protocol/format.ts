import { USER_COLUMNS, type UserRow, type UserValues } from '../core/contract';
import { nameKey, usableName } from './usernames';

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Makes any value safe for one protocol field: each run of TAB/CR/LF (and
 * U+2028/U+2029, which some readers take for line breaks) becomes one space,
 * other control characters (C0, DEL, C1) go, the ends are trimmed, NULL is empty. */
export function sanitize(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  // Nearly every value is clean: one test is cheaper than two replaces (all-users runs this 11 million times).
  return (CONTROLS.test(text) ? text.replace(OTHER_CONTROLS, '').replace(LINE_BREAKS, ' ') : text).trim();
}

/** Code-unit order, the order of every answer the bridge sorts (not the locale's). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A user line: the 11 fields in protocol order, tab-separated, trailing
 * empty fields omitted, for the user named `username` (see usableName);
 * undefined for a row without a usable username. */
export function userLine(row: UserRow, username = usableName(row.username) ?? ''): string | undefined {
  return userLineOf(
    USER_COLUMNS.map((column) => row[column]),
    username,
  );
}

/** userLine for a row given as its values in USER_COLUMNS order. */
export function userLineOf(values: UserValues, username: string): string | undefined {
  if (username === '') return undefined;
  let line = username;
  let emptyFields = '';
  for (let i = 1; i < values.length; i++) {
    const field = sanitize(values[i]);
    emptyFields += '\t';
    if (field === '') continue;
    line += emptyFields + field;
    emptyFields = '';
  }
  return line;
}

/** Keeps one item per name as PaperCut sees it (case-insensitively): the one
 * whose name sorts first in code-unit order, so that every call picks the same
 * spelling. Items keep the order in which their name first appeared. */
export function onePerName<T>(items: Iterable<T>, nameOf: (item: T) => string): { kept: T[]; dropped: number } {
  const chosen = new Map<string, T>();
  let dropped = 0;
  for (const item of items) {
    const key = nameKey(nameOf(item));
    const previous = chosen.get(key);
    if (previous === undefined) chosen.set(key, item);
    else {
      dropped++;
      if (nameOf(item) < nameOf(previous)) chosen.set(key, item);
    }
  }
  return { kept: [...chosen.values()], dropped };
}
