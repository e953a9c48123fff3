// Dolibarr's legacy sha1md5 hash (bridge/auth/schemes/dolibarr.ts) against the
// vectors PHP made (test/fixtures/hash-vectors/dolibarr.json, from
// generate-dolibarr.sh), and how the registry treats it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identify } from '../../bridge/auth/registry';
import { dolibarrSha1Md5 } from '../../bridge/auth/schemes/dolibarr';
import { verifyPassword } from '../../bridge/auth/verify';
import { loadHashVectors } from '../support/hash-vectors';

const vectors = loadHashVectors().filter((vector) => vector.scheme === 'dolibarr-sha1md5');
const SALT = '20160412161803';

describe('dolibarr-sha1md5', () => {
  it('has PHP-made vectors of each kind', () => {
    expect(new Set(vectors.map((vector) => vector.expect))).toEqual(new Set(['match', 'mismatch', 'malformed']));
    expect(vectors.filter((vector) => vector.expect === 'match').length).toBeGreaterThanOrEqual(5);
  });

  it.each(vectors)('$expect: $note', async ({ password, hash, salt, expect: expected }) => {
    expect(await dolibarrSha1Md5.verify(password, hash, salt)).toBe(expected);
  });

  it('is named by the view only: forty hex digits are also a plain SHA-1', () => {
    const hash = vectors.find((vector) => vector.expect === 'match')!.hash;
    expect(dolibarrSha1Md5.recognises(hash)).toBe(false);
    expect(identify({ hash, salt: SALT, scheme: null })?.scheme.name).not.toBe('dolibarr-sha1md5');
    const named = identify({ hash, salt: SALT, scheme: 'Dolibarr-SHA1MD5' });
    expect(named?.scheme).toBe(dolibarrSha1Md5);
    expect(named?.weak).toBe(true);
    expect(named?.params).toEqual({ salted: 'yes' });
    expect(identify({ hash, salt: null, scheme: 'dolibarr-sha1md5' })?.params).toEqual({ salted: 'no' });
    expect(identify({ hash: hash.slice(0, 32), salt: SALT, scheme: 'dolibarr-sha1md5' })?.params).toBeUndefined();
  });

  it('is refused as weak unless weak hashes are allowed', async () => {
    const { password, hash, salt } = vectors.find((vector) => vector.expect === 'match')!;
    const stored = { hash, salt, scheme: 'dolibarr-sha1md5' };
    expect((await verifyPassword(password, stored, { allowWeak: false })).outcome).not.toBe('match');
    expect((await verifyPassword(password, stored, { allowWeak: true })).outcome).toBe('match');
  });

  it('hashes the salt before the password, and the MD5 as its lower-case hex text', async () => {
    const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
    const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');
    const password = 'Zoé-pässwort';
    expect(await dolibarrSha1Md5.verify(password, sha1(md5(SALT + password)), SALT)).toBe('match');
    expect(await dolibarrSha1Md5.verify(password, sha1(md5(password + SALT)), SALT)).toBe('mismatch');
    expect(await dolibarrSha1Md5.verify(password, sha1(md5(SALT + password).toUpperCase()), SALT)).toBe('mismatch');
    expect(await dolibarrSha1Md5.verify(password, sha1(SALT + password), SALT)).toBe('mismatch');
  });
});
