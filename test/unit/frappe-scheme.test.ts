// Frappe's frappe_legacy hashes ($frappel$) against the vectors passlib made
// (test/fixtures/hash-vectors/frappe.json, generate-frappe.sh), and the cases
// where the bridge is stricter than Frappe on purpose.
import { createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identify } from '../../bridge/auth/registry';
import { frappeLegacy } from '../../bridge/auth/schemes/frappe';
import { verifyPassword } from '../../bridge/auth/verify';
import { loadHashVectors } from '../support/hash-vectors';

const vectors = loadHashVectors().filter((vector) => vector.scheme === 'frappe-legacy');
const ab64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '').replace(/\+/g, '.');

/** A $frappel$ hash written here from the algorithm, for the cases passlib's vectors cannot hold. */
function legacyHash(inner: string, salt: Buffer, rounds = 29000): string {
  const key = pbkdf2Sync(Buffer.from(inner, 'ascii'), salt, rounds, 32, 'sha256');
  return `$frappel$${rounds}$${ab64(salt)}$${ab64(key)}`;
}
const mysql41 = (text: string) =>
  `*${createHash('sha1').update(createHash('sha1').update(text, 'utf8').digest()).digest('hex').toUpperCase()}`;

describe('frappe-legacy', () => {
  it('has right, wrong and malformed vectors', () => {
    expect(new Set(vectors.map((vector) => vector.expect))).toEqual(new Set(['match', 'mismatch', 'malformed']));
  });

  it.each(vectors)('$expect: $note', async ({ password, hash, expect: expected }) => {
    expect(await frappeLegacy.verify(password, hash, null)).toBe(expected);
  });

  it('is recognised by its form, with its rounds as its cost, and is not weak', () => {
    const { hash } = vectors.find((vector) => vector.expect === 'match')!;
    const found = identify({ hash, salt: null, scheme: null });
    expect(found?.scheme.name).toBe('frappe-legacy');
    expect(found?.params).toEqual({ digest: 'sha256', rounds: 29000, salt_bytes: 56 });
    expect(found?.weak).toBe(false);
    expect(found?.cost.overCap).toBeUndefined();
  });

  it('refuses a hash whose rounds are over the PBKDF2 cap before any work', async () => {
    const hash = legacyHash(mysql41('pw' + 'salt'), Buffer.from('salt')).replace('$29000$', '$99999999$');
    expect((await verifyPassword('pw', { hash, salt: null, scheme: null }, { allowWeak: false })).outcome).toBe(
      'over-cap',
    );
  });

  it('never takes the pre-passlib MySQL hash itself as the password, as Frappe does', async () => {
    const salt = Buffer.from('3f9c0a', 'ascii');
    const inner = mysql41('Secret123!3f9c0a');
    const hash = legacyHash(inner, salt);
    expect(await frappeLegacy.verify('Secret123!', hash, null)).toBe('match');
    expect(await frappeLegacy.verify(inner, hash, null)).toBe('mismatch');
    expect(await frappeLegacy.verify(inner.toLowerCase(), hash, null)).toBe('mismatch');
  });

  it('is no other passlib form, and no other passlib form is it', () => {
    expect(frappeLegacy.recognises('$pbkdf2-sha256$29000$abc$def')).toBe(false);
    const pbkdf2 = '$pbkdf2-sha256$29000$qVUK4dy7VwoBoJQyZgxBaA$2caPhMxqihhbxGwnYQmjH3SJuJfSKSWrY/dqc5rjWWk';
    expect(identify({ hash: pbkdf2, salt: null, scheme: null })?.scheme.name).toBe('passlib-pbkdf2');
  });
});
