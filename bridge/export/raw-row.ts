import { isUtf8 } from 'node:buffer';

/**
 * A database's own encoding of a row, which all-users can turn into a user
 * line without making a string of any value: PostgreSQL's COPY text
 * (copy-text.ts), MySQL's text-protocol row (mysql-row.ts).
 */
export interface RawRowFormat {
  /**
   * The user line of the row in `source` from `start` to `end`, byte for byte
   * what `userLineOf` makes of the same values, written into `target` from
   * `at` (which has room for `end - start` bytes). Returns where the line
   * ends (its username ends at the first TAB); NAMELESS for a row without a
   * username; NEEDS_DECODING for one it cannot vouch for (a control
   * character (C0, DEL, C1, U+2028/U+2029), a value that `trim` would
   * change, a username outside ASCII, bytes that are not UTF-8), which the caller reads with `values`.
   */
  userLine(source: Buffer, start: number, end: number, target: Buffer, at: number): number;
  /** The row's values, NULL as null, decoded as the driver would. */
  values(source: Buffer, start: number, end: number): (string | null)[];
}

export const NAMELESS = -1;
export const NEEDS_DECODING = -2;

const SPACE = 0x20;

/** Whether `trim` would change the non-empty value in `source` from `start`
 * to `end`: an ASCII space at an end, or, only possible when an end is
 * outside ASCII, a Unicode one (NBSP, U+2000…, BOM). */
export function trimWouldChange(source: Buffer, start: number, end: number): boolean {
  if (source[start] === SPACE || source[end - 1] === SPACE) return true;
  if (source[start]! < 0x80 && source[end - 1]! < 0x80) return false;
  const text = source.toString('utf8', start, end);
  return text.trim() !== text;
}

/** For a row with bytes outside ASCII: whether they are UTF-8 with nothing
 * that sanitize changes. Invalid bytes become U+FFFD when decoded, as the
 * driver does, so such a row is decoded, and so is one holding a C1 control
 * (C2 80–9F) or U+2028/U+2029 (E2 80 A8/A9). */
export function cleanUtf8(source: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) {
    const byte = source[i]!;
    if (byte === 0xc2 && source[i + 1]! <= 0x9f && source[i + 1]! >= 0x80) return false;
    if (byte === 0xe2 && source[i + 1] === 0x80 && (source[i + 2] === 0xa8 || source[i + 2] === 0xa9)) return false;
  }
  return isUtf8(source.subarray(start, end));
}
