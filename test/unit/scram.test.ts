import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scramSha256 } from '../../bridge/db/dialects/pg-scram';

// The SCRAM-SHA-256 exchange published in RFC 7677, section 3 (user "user", password "pencil").
const RFC_7677 = {
  salt: 'W22ZaJ0SNY7soEsUEjb6gQ==',
  clientFirstBare: 'n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinalWithoutProof: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  clientProof: 'dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverSignature: '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

describe('scramSha256', () => {
  const verifier = scramSha256('pencil', Buffer.from(RFC_7677.salt, 'base64'), 4096);
  const [, iterationsAndSalt, keys] = verifier.split('$');
  const [storedKey, serverKey] = keys!.split(':').map((key) => Buffer.from(key, 'base64'));
  const authMessage = [RFC_7677.clientFirstBare, RFC_7677.serverFirst, RFC_7677.clientFinalWithoutProof].join(',');

  it('has the form PostgreSQL stores', () => {
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(iterationsAndSalt).toBe(`4096:${RFC_7677.salt}`);
  });

  it("accepts the RFC's client proof", () => {
    const clientSignature = createHmac('sha256', storedKey!).update(authMessage).digest();
    const proof = Buffer.from(RFC_7677.clientProof, 'base64');
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ clientSignature[i]!));
    expect(createHash('sha256').update(clientKey).digest().equals(storedKey!)).toBe(true);
  });

  it("gives the RFC's server signature", () => {
    expect(createHmac('sha256', serverKey!).update(authMessage).digest('base64')).toBe(RFC_7677.serverSignature);
  });

  it('salts every verifier anew', () => {
    expect(scramSha256('pencil')).not.toBe(scramSha256('pencil'));
  });
});
