import { sameBytes } from './encoding';
import { outcome, type PasswordScheme } from './scheme';

// Traditional crypt(3): DES, 25 times over a zero block, its E table
// perturbed by a 12-bit salt; the key is the first 8 bytes of the password,
// 7 bits each. 13 characters: 2 of salt, 11 of hash. Django's
// CryptPasswordHasher and old Unix and LDAP entries write it. Weak: 8
// characters at most count. Bit-by-bit, after the FIPS 46 tables: a check is
// 25 encryptions, so speed does not matter here.

const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FORM = /^[./0-9A-Za-z]{13}$/;

const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55,
  47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30,
  40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24,
  16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31,
  23, 15, 7,
];
const FP = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21,
  61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49,
  17, 57, 25,
];
const E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19, 20, 21, 20, 21, 22,
  23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
];
const S = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8, 4, 1,
    14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5, 0, 14,
    7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1, 13, 6,
    4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9, 10, 6,
    9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6, 4, 2, 1,
    11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8, 9, 14,
    15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6, 1, 4,
    11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2, 7, 11,
    4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
  ],
];

/** The bits of `bits` picked by a 1-based table. */
const permute = (bits: readonly number[], table: readonly number[]) => table.map((position) => bits[position - 1]!);

function subkeys(password: Buffer): number[][] {
  const key: number[] = [];
  for (let i = 0; i < 8; i++) {
    const byte = password[i] ?? 0;
    for (let bit = 6; bit >= 0; bit--) key.push((byte >> bit) & 1);
    key.push(0);
  }
  let cd = permute(key, PC1);
  return SHIFTS.map((shift) => {
    const rotate = (half: number[]) => [...half.slice(shift), ...half.slice(0, shift)];
    cd = [...rotate(cd.slice(0, 28)), ...rotate(cd.slice(28))];
    return permute(cd, PC2);
  });
}

/** One DES encryption of `block` with the salted E table. */
function encrypt(block: readonly number[], keys: readonly number[][], expansion: readonly number[]): number[] {
  const bits = permute(block, IP);
  let left = bits.slice(0, 32);
  let right = bits.slice(32);
  for (const key of keys) {
    const mixed = permute(right, expansion).map((bit, i) => bit ^ key[i]!);
    const substituted: number[] = [];
    S.forEach((box, k) => {
      const six = mixed.slice(6 * k, 6 * k + 6);
      const value = box[(six[0]! << 5) | (six[5]! << 4) | (six[1]! << 3) | (six[2]! << 2) | (six[3]! << 1) | six[4]!]!;
      for (let bit = 3; bit >= 0; bit--) substituted.push((value >> bit) & 1);
    });
    const f = permute(substituted, P);
    [left, right] = [right, left.map((bit, i) => bit ^ f[i]!)];
  }
  return permute([...right, ...left], FP);
}

/** crypt(password, salt): the 13-character result, or undefined for a salt outside the alphabet. */
function desCrypt(password: Buffer, salt: string): string | undefined {
  const saltValues = [...salt.slice(0, 2)].map((char) => ALPHABET.indexOf(char));
  if (saltValues.length !== 2 || saltValues.includes(-1)) return undefined;
  // Each set salt bit swaps two entries of the E table, 24 apart.
  const expansion = [...E];
  saltValues.forEach((value, i) => {
    for (let bit = 0; bit < 6; bit++) {
      if ((value >> bit) & 1) {
        const j = 6 * i + bit;
        [expansion[j], expansion[j + 24]] = [expansion[j + 24]!, expansion[j]!];
      }
    }
  });
  const keys = subkeys(password);
  let block = new Array<number>(64).fill(0);
  for (let round = 0; round < 25; round++) block = encrypt(block, keys, expansion);
  block.push(0, 0);
  let out = salt.slice(0, 2);
  for (let i = 0; i < 11; i++) {
    let value = 0;
    for (let bit = 0; bit < 6; bit++) value = (value << 1) | block[6 * i + bit]!;
    out += ALPHABET[value];
  }
  return out;
}

export const desCryptScheme: PasswordScheme = {
  name: 'des-crypt',
  // 13 characters of the crypt alphabet are no sure sign: the view must name it.
  byForm: false,
  recognises: (hash) => FORM.test(hash),
  isWeak: () => true,
  describe: (hash) => (FORM.test(hash) ? {} : undefined),
  async verify(password, hash) {
    if (!FORM.test(hash)) return 'malformed';
    const computed = desCrypt(Buffer.from(password, 'utf8'), hash);
    return outcome(computed !== undefined && sameBytes(Buffer.from(computed), Buffer.from(hash)));
  },
};
