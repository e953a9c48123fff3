/**
 * PostgreSQL's COPY text format, as `COPY … TO STDOUT` writes it: one row per
 * line, fields separated by TAB, NULL written `\N`, and a backslash before
 * backslash, BS, FF, LF, CR, TAB and VT. Other bytes come as they are.
 */

import { NAMELESS, NEEDS_DECODING, trimWouldChange, cleanUtf8, type RawRowFormat } from './raw-row';

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

/** RawRowFormat's userLine for a COPY line (without its LF); an escape also
 * needs decoding. */
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
        if (trimWouldChange(source, fieldStart, i)) return NEEDS_DECODING;
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
  // A SQL_ASCII database may send bytes that are not UTF-8.
  return beyondAscii && !cleanUtf8(source, start, end) ? NEEDS_DECODING : content;
}

export const COPY_TEXT: RawRowFormat = {
  userLine: userLineFromCopy,
  values: (source, start, end) => copyValues(source.toString('utf8', start, end)),
};
