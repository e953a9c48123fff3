// iDempiere 12's hashes (bridge/auth/schemes/idempiere.ts) against the vectors
// made by the JDK and BouncyCastle as iDempiere calls them, checked by Python
// and PHP (test/fixtures/hash-vectors/generate-idempiere12.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identify } from '../../bridge/auth/registry';
import { verifyPassword } from '../../bridge/auth/verify';
import type { HashVector } from '../support/hash-vectors';

const file = join(__dirname, '..', 'fixtures', 'hash-vectors', 'idempiere12.json');
const vectors = (JSON.parse(readFileSync(file, 'utf8')) as { vectors: HashVector[] }).vectors;
const SCHEMES = ['idempiere-sha512', 'idempiere-pbkdf2', 'idempiere-argon2'];
const first = (scheme: string) => vectors.find((v) => v.scheme === scheme && v.expect === 'match')!;

describe('iDempiere 12 password hashes', () => {
  it('has a right, a wrong and a malformed vector for each rule, each named by the view', () => {
    for (const scheme of SCHEMES) {
      const mine = vectors.filter((v) => v.scheme === scheme);
      expect(new Set(mine.map((v) => v.expect)), scheme).toEqual(new Set(['match', 'mismatch', 'malformed']));
      for (const v of mine) expect(v.password_scheme).toBe(scheme);
    }
  });

  it.each(vectors)('$scheme $expect: $note', async (vector) => {
    const stored = { hash: vector.hash, salt: vector.salt, scheme: vector.password_scheme };
    // None of them is weak: they pass without BRIDGE_ALLOW_WEAK_HASHES.
    const { outcome, scheme } = await verifyPassword(vector.password, stored, { allowWeak: false });
    expect(outcome).toBe(vector.expect);
    expect(scheme).toBe(vector.scheme);
  });

  it('tells its parameters and cost, fixed by iDempiere, none over a cap', () => {
    const described = Object.fromEntries(
      SCHEMES.map((scheme) => {
        const { hash, salt } = first(scheme);
        const found = identify({ hash, salt, scheme })!;
        expect(found.weak).toBe(false);
        expect(found.cost.overCap).toBeUndefined();
        expect(found.cost.ms).toBeGreaterThan(20);
        return [scheme, found.params];
      }),
    );
    expect(described).toEqual({
      'idempiere-sha512': { iterations: 310_001 },
      'idempiere-pbkdf2': { digest: 'sha256', iterations: 600_000, key_bytes: 16 },
      'idempiere-argon2': { variant: 'argon2id', version: 19, m: 66_536, t: 2, p: 1 },
    });
  });

  it('is never recognised from the form: a classic iDempiere row stays the view’s to name', () => {
    for (const scheme of SCHEMES) {
      const { hash, salt } = first(scheme);
      expect(identify({ hash, salt, scheme: null })).toBeUndefined();
    }
  });

  it('refuses one rule’s hash under another rule’s name', async () => {
    const sha = first('idempiere-sha512');
    const argon = first('idempiere-argon2');
    // Same length (64 bytes) under the classic rule: a wrong password, not a crash.
    await expect(
      verifyPassword(sha.password, { hash: sha.hash, salt: sha.salt, scheme: 'idempiere' }, { allowWeak: false }),
    ).resolves.toMatchObject({ outcome: 'mismatch' });
    // A 32-byte Argon2 output is no SHA-512 hash.
    await expect(
      verifyPassword(
        argon.password,
        { hash: argon.hash, salt: argon.salt, scheme: 'idempiere-sha512' },
        { allowWeak: false },
      ),
    ).resolves.toMatchObject({ outcome: 'malformed' });
  });
});
