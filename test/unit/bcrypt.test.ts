import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredCredential } from '../../bridge/auth/registry';
import { verifyPassword, type VerifyOutcome } from '../../bridge/auth/verify';

// Made by test/fixtures/generate-bcrypt-vectors.sh from python3-bcrypt and
// htpasswd only; see test/fixtures/README.md.
interface Vector {
  source: string;
  note: string;
  password: string;
  hash: string;
  expect: VerifyOutcome;
}

const OUTCOMES: readonly string[] = ['match', 'mismatch', 'malformed', 'unknown-scheme'] satisfies VerifyOutcome[];
const outcomeOf = async (password: string, stored: StoredCredential) =>
  (await verifyPassword(password, stored, { allowWeak: false })).outcome;
const file = resolve(__dirname, '..', 'fixtures', 'bcrypt-vectors.json');
const vectors = (JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors;

describe(`bcrypt reference vectors (${vectors.length} vectors)`, () => {
  it('is a usable set of vectors', () => {
    expect(vectors.length).toBeGreaterThan(30);
    for (const vector of vectors) {
      expect(OUTCOMES).toContain(vector.expect);
      expect(typeof vector.password).toBe('string');
      expect(typeof vector.hash).toBe('string');
    }
    // Every prefix matches at least once, and every outcome occurs.
    for (const prefix of ['$2a$', '$2b$', '$2y$']) {
      expect(vectors.some((v) => v.expect === 'match' && v.hash.startsWith(prefix))).toBe(true);
    }
    for (const outcome of OUTCOMES) expect(vectors.some((v) => v.expect === outcome)).toBe(true);
  });

  it.each(vectors)('$expect: $note', async ({ password, hash, expect: outcome }) => {
    await expect(outcomeOf(password, { hash, salt: null, scheme: null })).resolves.toBe(outcome);
  });
});

describe('the password_scheme column', () => {
  const ascii = vectors.find(
    (v) => v.expect === 'match' && v.hash.startsWith('$2b$04$') && v.password === 'Secret123!',
  );
  if (!ascii) throw new Error('no $2b$ cost 4 ascii vector in the fixtures');
  const stored = (scheme: string | null) => ({ hash: ascii.hash, salt: null, scheme });

  it('accepts the scheme named explicitly, in any case and with stray spaces', async () => {
    await expect(outcomeOf(ascii.password, stored('bcrypt'))).resolves.toBe('match');
    await expect(outcomeOf(ascii.password, stored('BCRYPT'))).resolves.toBe('match');
    await expect(outcomeOf(ascii.password, stored(' Bcrypt '))).resolves.toBe('match');
    await expect(outcomeOf('wrong', stored('bcrypt'))).resolves.toBe('mismatch');
  });

  it('recognises the scheme from the hash when the column is NULL or blank', async () => {
    await expect(outcomeOf(ascii.password, stored(null))).resolves.toBe('match');
    await expect(outcomeOf(ascii.password, stored(''))).resolves.toBe('match');
  });

  it('answers unknown-scheme for a scheme it does not know, even with a valid bcrypt hash', async () => {
    await expect(outcomeOf(ascii.password, stored('md5-of-doom'))).resolves.toBe('unknown-scheme');
  });

  it('answers malformed, not a match, for a named bcrypt scheme with a hash of another form', async () => {
    await expect(outcomeOf('x', { hash: 'not a hash', salt: null, scheme: 'bcrypt' })).resolves.toBe('malformed');
    await expect(outcomeOf('x', { hash: '', salt: null, scheme: 'bcrypt' })).resolves.toBe('malformed');
  });
});
