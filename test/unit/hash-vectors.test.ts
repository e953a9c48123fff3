// Every scheme against reference vectors made by other people's code
// (test/fixtures/hash-vectors/README.md says which and how).
import { describe, expect, it } from 'vitest';
import { identify, SCHEMES } from '../../bridge/auth/registry';
import { verifyPassword } from '../../bridge/auth/verify';
import { loadHashVectors } from '../support/hash-vectors';

const vectors = loadHashVectors();

describe(`reference vectors (${vectors.length})`, () => {
  it('cover every scheme of the registry with right, wrong and malformed cases', () => {
    for (const scheme of SCHEMES) {
      const outcomes = new Set(vectors.filter((v) => v.scheme === scheme.name).map((v) => v.expect));
      expect([...outcomes].sort(), scheme.name).toEqual(['malformed', 'match', 'mismatch']);
    }
  });

  it.each(vectors)('$scheme $expect: $note', async (vector) => {
    const stored = { hash: vector.hash, salt: vector.salt, scheme: vector.password_scheme };
    const { outcome, scheme } = await verifyPassword(vector.password, stored, { allowWeak: true });
    expect(outcome).toBe(vector.expect);
    if (vector.expect !== 'malformed') expect(scheme).toBe(vector.scheme);
  });
});

describe('identify', () => {
  const recognisable = vectors.filter((v) => v.password_scheme === null && v.expect !== 'malformed');

  it.each(recognisable)('recognises $scheme from the form: $note', ({ hash, salt, scheme }) => {
    const found = identify({ hash, salt, scheme: null });
    expect(found?.scheme.name).toBe(scheme);
    // Well-formed, so its parameters are read: each a string or a number.
    expect(Object.values(found?.params ?? { none: null }).every((v) => ['string', 'number'].includes(typeof v))).toBe(
      true,
    );
  });

  it('finds no hash in what is none, without throwing, whatever it is given', () => {
    for (const hash of ['', '$', '$2y$', '{', '{SSHA}', 'argon2$', '\u0000', 'x'.repeat(100_000), '$6$rounds=$$']) {
      expect(identify({ hash, salt: null, scheme: null })?.params, JSON.stringify(hash.slice(0, 20))).toBeUndefined();
      expect(identify({ hash, salt: '%%', scheme: 'aspnet-membership' })?.params).toBeUndefined();
    }
  });
});
