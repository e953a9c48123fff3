import { timingSafeEqual } from 'node:crypto';

/** Compares in constant time; unequal lengths still cost a comparison. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Standard base64, padding optional; undefined for anything else. */
export function fromBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  if (text.includes('=') && text.length % 4 !== 0) return undefined;
  return Buffer.from(unpadded, 'base64');
}

/** passlib's adapted base64: `.` for `+`, no padding. */
export function fromAb64(text: string): Buffer | undefined {
  return /^[A-Za-z0-9./]*$/.test(text) ? fromBase64(text.replace(/\./g, '+')) : undefined;
}

export function fromHex(text: string): Buffer | undefined {
  return /^([0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** The crypt alphabet of the md5-crypt, sha-crypt and phpass families. */
export const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** crypt's base64 of 3-byte groups, least significant 6 bits first: each
 * group lists the byte indexes taken as (high, middle, low); a group with
 * fewer bytes yields fewer characters. */
export function cryptEncode(bytes: Buffer, groups: readonly (readonly number[])[]): string {
  let out = '';
  for (const group of groups) {
    let value = 0;
    for (const index of group) value = (value << 8) | bytes[index]!;
    for (let i = 0; i < group.length + 1; i++) {
      out += CRYPT64[value & 0x3f];
      value >>= 6;
    }
  }
  return out;
}
