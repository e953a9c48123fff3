// The reference password-hash vectors (test/fixtures/hash-vectors/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HashVector {
  scheme: string;
  source: string;
  note: string;
  password: string;
  hash: string;
  salt: string | null;
  password_scheme: string | null;
  expect: 'match' | 'mismatch' | 'malformed';
}

const DIR = join(__dirname, '..', 'fixtures', 'hash-vectors');

export function loadHashVectors(): HashVector[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { vectors: HashVector[] }).vectors);
}
