import { USER_COLUMNS, type UserRow } from '../db/views';

const LINE_BREAKS = /[\t\r\n]+/g;
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Makes any value safe for one protocol field: each run of TAB/CR/LF becomes
 * one space, other control characters go, the ends are trimmed, NULL is empty. */
export function sanitize(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(OTHER_CONTROLS, '').replace(LINE_BREAKS, ' ').trim();
}

/** The key under which PaperCut treats two names as the same (it lower-cases them). */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** A user line: the 11 fields in protocol order, tab-separated, trailing
 * empty fields omitted. Returns undefined for a row without a username. */
export function userLine(row: UserRow): string | undefined {
  const fields = USER_COLUMNS.map((column) => sanitize(row[column]));
  if (fields[0] === '') return undefined;
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields.join('\t');
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
