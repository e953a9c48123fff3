// SASLprep (RFC 4013, the stringprep profile of RFC 3454) as PostgreSQL
// applies it to a password before SCRAM: non-ASCII spaces become SPACE,
// characters "commonly mapped to nothing" go, then NFKC. A password holding
// a prohibited character, or breaking the bidirectional rule, is used as it
// is, as PostgreSQL does (src/common/saslprep.c).

/** RFC 3454 C.1.2: non-ASCII space characters. */
const NON_ASCII_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]/gu;
/** RFC 3454 B.1: commonly mapped to nothing. */
// eslint-disable-next-line no-misleading-character-class -- code points by number, combining ones among them
const MAPPED_TO_NOTHING = /[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/gu;
/** RFC 3454 C.1.2 and C.2–C.9: prohibited in the output. */
const PROHIBITED =
  // eslint-disable-next-line no-misleading-character-class -- code points by number, combining ones among them
  /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\u0000-\u001f\u007f-\u009f\u06dd\u070f\u180e\u200c\u200d\u2028\u2029\u2060-\u2063\u206a-\u206f\ufeff\ufff9-\ufffc\u{1d173}-\u{1d17a}\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff\ufff9-\ufffd\u2ff0-\u2ffb\u0340\u0341\u200e\u200f\u202a-\u202e\u{e0001}\u{e0020}-\u{e007f}]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u;
/** RandALCat (RFC 3454 D.1): right-to-left scripts' letters, approximated by script. */
const RAND_AL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** LCat (D.2): letters of left-to-right scripts. */
const L_CAT = /(?![\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

/** The password as PostgreSQL hashes it for SCRAM. */
export function saslprep(password: string): string {
  const prepared = password.replace(NON_ASCII_SPACE, ' ').replace(MAPPED_TO_NOTHING, '').normalize('NFKC');
  if (PROHIBITED.test(prepared)) return password;
  if (RAND_AL.test(prepared)) {
    const chars = [...prepared];
    if (L_CAT.test(prepared) || !RAND_AL.test(chars[0]!) || !RAND_AL.test(chars.at(-1)!)) return password;
  }
  return prepared;
}
