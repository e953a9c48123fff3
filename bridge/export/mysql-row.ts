/**
 * A row of MySQL's text protocol (a result row packet's payload): each value
 * is its bytes in the connection's character set (utf8mb4 here) after a
 * length-encoded integer, or the single byte 0xFB for NULL. Values are not
 * escaped, so a clean row's values pass to the user line as they are.
 */
import { NAMELESS, NEEDS_DECODING, trimWouldChange, cleanUtf8, type RawRowFormat } from './raw-row';

const TAB = 0x09;
const SPACE = 0x20;
const DEL = 0x7f;
const NULL = 0xfb;

/** Where the value at `at` (its length-encoded length first) begins: one
 * byte on for a value under 251 bytes, the common case. -1 for NULL. */
function valueStart(source: Buffer, at: number): number {
  const first = source[at]!;
  if (first < NULL) return at + 1;
  if (first === NULL) return -1;
  return at + (first === 0xfc ? 3 : first === 0xfd ? 4 : 9);
}

/** The length of the value at `at`, 0 for NULL. Lengths of 2^53 and more
 * cannot occur in one packet. */
function valueLength(source: Buffer, at: number): number {
  const first = source[at]!;
  if (first < NULL) return first;
  if (first === NULL) return 0;
  if (first === 0xfc) return source.readUInt16LE(at + 1);
  if (first === 0xfd) return source.readUIntLE(at + 1, 3);
  return Number(source.readBigUInt64LE(at + 1));
}

/** RawRowFormat's userLine for a MySQL text row. */
export function userLineFromMysqlRow(source: Buffer, start: number, end: number, target: Buffer, at: number): number {
  let out = at;
  // Where the line's last non-empty field ends: trailing empty fields are left out.
  let content = at;
  let beyondAscii = false;
  for (let field = 0, next = start; next < end; field++) {
    if (field > 0) target[out++] = TAB;
    const length = valueLength(source, next);
    const from = valueStart(source, next);
    if (length === 0) {
      if (field === 0) return NAMELESS;
      next = from < 0 ? next + 1 : from;
      continue;
    }
    next = from + length;
    for (let i = from; i < next; i++) {
      const byte = source[i]!;
      if (byte < SPACE || byte === DEL) return NEEDS_DECODING;
      if (byte > DEL) {
        if (field === 0) return NEEDS_DECODING;
        beyondAscii = true;
      }
      target[out++] = byte;
    }
    if (trimWouldChange(source, from, next)) return NEEDS_DECODING;
    content = out;
  }
  return beyondAscii && !cleanUtf8(source, start, end) ? NEEDS_DECODING : content;
}

/** The row's values, NULL as null, each decoded as UTF-8 as mysql2 does. */
export function mysqlRowValues(source: Buffer, start: number, end: number): (string | null)[] {
  const values: (string | null)[] = [];
  for (let next = start; next < end;) {
    const from = valueStart(source, next);
    if (from < 0) {
      values.push(null);
      next++;
      continue;
    }
    next = from + valueLength(source, next);
    values.push(source.toString('utf8', from, next));
  }
  return values;
}

export const MYSQL_ROW: RawRowFormat = { userLine: userLineFromMysqlRow, values: mysqlRowValues };
