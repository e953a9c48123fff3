/**
 * PostgreSQL's COPY text format, as `COPY … TO STDOUT` writes it: one row per
 * line, fields separated by TAB, NULL written `\N`, and a backslash before
 * backslash, BS, FF, LF, CR, TAB and VT. Other bytes come as they are.
 */

import { isUtf8 } from 'node:buffer';

const TAB = 0x09;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const DEL = 0x7f;
const N = 0x4e;

const ESCAPED: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const ESCAPE = /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/gs;

/** The values of one line (without its LF), NULL as null. */
export function copyValues(line: string): (string | null)[] {
  return line
    .split('\t')
    .map((field) =>
      field === '\\N'
        ? null
        : field.replace(ESCAPE, (_, octal?: string, hex?: string, other?: string) =>
            octal
              ? String.fromCharCode(parseInt(octal, 8))
              : hex
                ? String.fromCharCode(parseInt(hex, 16))
                : (ESCAPED[other!] ?? other!),
          ),
    );
}

/** What `userLineFromCopy` found instead of a line. */
export const NAMELESS = -1;
export const NEEDS_DECODING = -2;

/**
 * The user line of one COPY line of papercut_users, byte for byte what
 * `userLineOf` makes of the same row, written into `target` from `at` without
 * making a string: the export's fast path. Returns where the line ends in
 * `target` (the username ends at the first TAB, or at the end); NAMELESS for
 * a row without a username; NEEDS_DECODING for a line it cannot vouch for (an
 * escape, a control character, a field that `trim` would change, a username
 * with a character outside ASCII), which the caller decodes with `copyValues`.
 * `target` must have room for `end - start` bytes.
 */
export function userLineFromCopy(source: Buffer, start: number, end: number, target: Buffer, at: number): number {
  let out = at;
  // Where the line's last non-empty field ends: trailing empty fields are left out.
  let content = at;
  let fieldStart = start;
  let nameDone = false;
  let beyondAscii = false;
  for (let i = start; i <= end; i++) {
    const byte = i < end ? source[i]! : TAB;
    if (byte === TAB) {
      if (i > fieldStart) {
        if (source[fieldStart] === SPACE || source[i - 1] === SPACE || trimWouldChange(source, fieldStart, i)) {
          return NEEDS_DECODING;
        }
        content = out;
      } else if (!nameDone) return NAMELESS;
      nameDone = true;
      if (i < end) target[out++] = TAB;
      fieldStart = i + 1;
      continue;
    }
    if (byte === BACKSLASH) {
      // Only a NULL, a whole field `\N`, is handled here: it is an empty field.
      if (i === fieldStart && source[i + 1] === N && (i + 2 === end || source[i + 2] === TAB)) {
        if (!nameDone) return NAMELESS;
        i++;
        fieldStart = i + 1;
        continue;
      }
      return NEEDS_DECODING;
    }
    if (byte < SPACE || byte === DEL) return NEEDS_DECODING;
    if (byte > DEL) {
      if (!nameDone) return NEEDS_DECODING;
      beyondAscii = true;
    }
    target[out++] = byte;
  }
  // Bytes that are not UTF-8 (a SQL_ASCII database) become U+FFFD when decoded, as the row path does.
  return beyondAscii && !isUtf8(source.subarray(start, end)) ? NEEDS_DECODING : content;
}

/** Whether `trim` would remove something from a field whose ends are not
 * ASCII space: only possible when an end is outside ASCII (NBSP, U+2000…, BOM). */
function trimWouldChange(source: Buffer, start: number, end: number): boolean {
  if (source[start]! < 0x80 && source[end - 1]! < 0x80) return false;
  const text = source.toString('utf8', start, end);
  return text.trim() !== text;
}
