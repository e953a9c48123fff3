// A stored hash names its own cost. Each family's reference vector, with its
// cost raised past the cap as a hostile row would, is refused before any
// work; at the cap it is still a hash like any other.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { COST_CAPS } from '../../bridge/auth/schemes/cost';
import { identify, type StoredCredential } from '../../bridge/auth/registry';
import { chooseDecoy, verifyPassword } from '../../bridge/auth/verify';
import { loadHashVectors } from '../support/hash-vectors';

const vectors = loadHashVectors().filter((vector) => vector.expect === 'match');
const vectorOf = (scheme: string, test: (hash: string) => boolean = () => true) =>
  vectors.find((vector) => vector.scheme === scheme && test(vector.hash))!;

/** aspnet-identity V3: 0x01 ‖ prf ‖ iterations (u32be, at byte 5) ‖ …, in base64. */
function withAspnetIterations(hash: string, iterations: number): string {
  const bytes = Buffer.from(hash, 'base64');
  bytes.writeUInt32BE(iterations, 5);
  return bytes.toString('base64');
}

const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const withLog2 = (hash: string, log2: number) => hash.slice(0, 3) + CRYPT64[log2] + hash.slice(4);
const { bcryptCost, phpassLog2, digestRounds, pbkdf2Iterations, argon2MemoryKiB, argon2Passes } = COST_CAPS;

/** scheme, a real hash of it, and that hash at a given cost. */
const FAMILIES: [string, string, (hash: string, atCap: boolean) => string][] = [
  ['bcrypt', vectorOf('bcrypt').hash, (h, at) => h.replace(/^\$(2.)\$\d\d\$/, `$$$1$$${at ? bcryptCost : 30}$$`)],
  [
    'sha512-crypt',
    vectorOf('sha512-crypt', (h) => !h.includes('rounds=')).hash,
    (h, at) => h.replace(/^\$6\$/, `$$6$$rounds=${at ? digestRounds : 10_000_000}$$`),
  ],
  ['phpass', vectorOf('phpass').hash, (h, at) => withLog2(h, at ? phpassLog2 : 30)],
  ['drupal7', vectorOf('drupal7').hash, (h, at) => withLog2(h, at ? phpassLog2 : 19)],
  [
    'argon2',
    vectorOf('argon2').hash,
    (h, at) => h.replace(/m=\d+,t=\d+/, at ? `m=${argon2MemoryKiB},t=${argon2Passes}` : 'm=1048576,t=64'),
  ],
  [
    'passlib-pbkdf2',
    vectorOf('passlib-pbkdf2').hash,
    (h, at) => h.replace(/\$\d+\$/, `$$${at ? pbkdf2Iterations : pbkdf2Iterations + 1}$$`),
  ],
  [
    'django-pbkdf2',
    vectorOf('django-pbkdf2').hash,
    (h, at) => h.replace(/\$\d+\$/, `$$${at ? pbkdf2Iterations : pbkdf2Iterations + 1}$$`),
  ],
  [
    'django-scrypt',
    vectorOf('django-scrypt').hash,
    (h, at) => h.replace(/^scrypt\$\d+\$/, `scrypt$$${at ? 2 ** 18 : 2 ** 19}$$`),
  ],
  [
    'passlib-bcrypt-sha256',
    vectorOf('passlib-bcrypt-sha256', (h) => h.includes('v=2')).hash,
    (h, at) => h.replace(/,r=\d+\$/, `,r=${at ? bcryptCost : 30}$$`),
  ],
  [
    'passlib-scrypt',
    vectorOf('passlib-scrypt').hash,
    (h, at) => h.replace(/^\$scrypt\$ln=\d+,/, `$$scrypt$$ln=${at ? 18 : 19},`),
  ],
  [
    'ldap-pbkdf2',
    vectorOf('ldap-pbkdf2').hash,
    (h, at) => h.replace(/\}\d+\$/, `}${at ? pbkdf2Iterations : pbkdf2Iterations + 1}$$`),
  ],
  [
    'aspnet-identity',
    vectorOf('aspnet-identity', (h) => Buffer.from(h, 'base64')[0] === 1).hash,
    (h, at) => withAspnetIterations(h, at ? pbkdf2Iterations : 2 ** 31),
  ],
  [
    'sap-issha',
    vectorOf('sap-issha').hash,
    (h, at) => h.replace(/, ?\d+\}/, `, ${at ? digestRounds : digestRounds + 1}}`),
  ],
];

const storedOf = (scheme: string, hash: string): StoredCredential => ({
  hash,
  salt: null,
  scheme: ['aspnet-identity'].includes(scheme) ? scheme : null,
});

describe('cost caps', () => {
  for (const [scheme, hash, atCost] of FAMILIES) {
    it(`${scheme}: refuses a hash over its cap before any work, and takes one at the cap`, async () => {
      const over = storedOf(scheme, atCost(hash, false));
      const found = identify(over);
      expect({ scheme: found?.scheme.name, params: found?.params !== undefined }).toEqual({ scheme, params: true });
      expect(found?.cost.overCap).toMatch(/is over the cap of/);
      const started = performance.now();
      expect(await verifyPassword('Secret123!', over, { allowWeak: true })).toEqual({ outcome: 'over-cap', scheme });
      expect(performance.now() - started).toBeLessThan(50);

      const atCap = identify(storedOf(scheme, atCost(hash, true)));
      expect({ params: atCap?.params !== undefined, overCap: atCap?.cost.overCap }).toEqual({
        params: true,
        overCap: undefined,
      });
      // The reference vector itself is far below.
      expect(identify(storedOf(scheme, hash))?.cost.overCap).toBeUndefined();
    });
  }
});

describe('chooseDecoy', () => {
  const bcrypt12 = { hash: vectorOf('bcrypt').hash.replace(/\$\d\d\$/, '$12$'), salt: null, scheme: null };
  const bcrypt10 = { hash: vectorOf('bcrypt').hash.replace(/\$\d\d\$/, '$10$'), salt: null, scheme: null };
  const sha512 = { hash: vectorOf('sha512-crypt', (h) => !h.includes('rounds=')).hash, salt: null, scheme: null };
  const hostile = { hash: bcrypt12.hash.replace(/\$12\$/, '$30$'), salt: null, scheme: null };

  it('takes the most common scheme and cost, whatever comes first', () => {
    expect(chooseDecoy([sha512, bcrypt10, bcrypt10, bcrypt12])).toBe(bcrypt10);
  });

  it('takes the costliest of equally common ones', () => {
    expect(chooseDecoy([sha512, bcrypt12])).toBe(bcrypt12);
    expect(chooseDecoy([bcrypt12, sha512])).toBe(bcrypt12);
  });

  it('never takes a hash over its cap, malformed or unknown', () => {
    const junk = { hash: 'not a hash', salt: null, scheme: null };
    expect(chooseDecoy([hostile, hostile, junk, junk, sha512])).toBe(sha512);
    expect(chooseDecoy([hostile, junk])).toBeUndefined();
  });
});
