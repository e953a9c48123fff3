import { timingSafeEqual } from 'node:crypto';

/** Compares in constant time; unequal lengths still cost a comparison. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Standard base64 with its padding, as .NET, Django and OpenLDAP write it; undefined for anything else. */
export function fromBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

/** Base64 without padding, as PHC strings (Argon2) write it. */
export function fromUnpaddedBase64(text: string): Buffer | undefined {
  if (text.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

/** passlib's adapted base64: `.` for `+`, padding optional (OpenLDAP writes none but accepts it). */
export function fromAb64(text: string): Buffer | undefined {
  return /^[A-Za-z0-9./]*={0,2}$/.test(text)
    ? fromUnpaddedBase64(text.replace(/=+$/, '').replace(/\./g, '+'))
    : undefined;
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
