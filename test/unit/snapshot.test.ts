// The all-users snapshot keeps each PIN as a keyed fingerprint, never the PIN.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PinFingerprints } from '../../bridge/state/pin-fingerprints';
import { readSnapshot, withPinFingerprints, writeSnapshot } from '../../bridge/state/snapshot';

const dir = mkdtempSync(join(tmpdir(), 'papercut-bridge-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (username: string, pin: string) => `${username}\tFull Name\t\t\t\t\t\t\t\t\t${pin}`;
const pinOf = (text: string) => text.slice(text.lastIndexOf('\t') + 1);
/** The lines as bytes, cut every `size` bytes, so that lines and characters straddle pieces. */
const pieces = (lines: string[], size: number): Buffer[] => {
  const bytes = Buffer.from(lines.map((text) => `${text}\n`).join(''));
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
};

describe('the snapshot', () => {
  const pins = PinFingerprints.ofInstallation(join(dir, 'state'));
  // Trailing empty fields are left out of a line: a short line has no PIN, whatever its last field.
  const answer = [
    line('alice', '4821'),
    line('bob', '4821'),
    line('carol', ''),
    line('dörte', '77'),
    line('eve', '1'),
    'frank',
    'gina\tGina 4821',
  ];

  it('replaces each PIN by a fingerprint of the user and PIN, whatever the pieces', () => {
    const whole = Buffer.concat([...withPinFingerprints(pieces(answer, 1 << 20), pins)]).toString('utf8');
    for (const size of [1, 5, 13, 64]) {
      expect(Buffer.concat([...withPinFingerprints(pieces(answer, size), pins)]).toString('utf8')).toBe(whole);
    }
    const lines = whole.split('\n').filter(Boolean);
    expect(lines.map((text) => text.slice(0, text.lastIndexOf('\t')))).toEqual(
      answer.map((text) => text.slice(0, text.lastIndexOf('\t'))),
    );
    const [alice, bob, carol, dorte, eve, ...short] = lines.map(pinOf);
    expect(carol).toBe('');
    expect(short).toEqual(['frank', 'Gina 4821']);
    for (const fingerprint of [alice, bob, dorte, eve]) expect(fingerprint).toMatch(/^[\w-]{22}$/);
    // The same PIN for two users is two fingerprints.
    expect(alice).not.toBe(bob);
    expect(pins.of(Buffer.from('alice'), Buffer.from('4821'))).toBe(alice);
    expect(pins.of(Buffer.from('alice'), Buffer.from('4822'))).not.toBe(alice);
  });

  it('is written with the key named, and read back comparable under that key only', () => {
    const path = join(dir, 'snapshot.tsv');
    writeSnapshot(path, pieces(answer, 7), pins);
    const text = readFileSync(path, 'utf8');
    for (const pin of ['4821', '77']) expect(text).not.toContain(`\t${pin}\n`);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readSnapshot(path, pins)).toEqual({
      lines: Buffer.concat([...withPinFingerprints(pieces(answer, 100), pins)])
        .toString('utf8')
        .split('\n')
        .filter(Boolean),
      pinsComparable: true,
    });
    const other = PinFingerprints.existingOrThrowaway(join(dir, 'elsewhere'));
    expect(readSnapshot(path, other)?.pinsComparable).toBe(false);
  });

  it('reads a snapshot an earlier version kept with the PINs, as fingerprints', () => {
    const path = join(dir, 'legacy.tsv');
    writeFileSync(path, answer.map((text) => `${text}\n`).join(''));
    expect(readSnapshot(path, pins)?.lines.map(pinOf)).toEqual([
      ...['alice', 'bob', 'carol', 'dörte', 'eve'].map((name, i) => {
        const pin = pinOf(answer[i]!);
        return pin && pins.of(Buffer.from(name), Buffer.from(pin));
      }),
      'frank',
      'Gina 4821',
    ]);
  });

  it('is absent until the first all-users', () => {
    expect(readSnapshot(join(dir, 'none.tsv'), pins)).toBeUndefined();
  });
});

describe('the fingerprint key', () => {
  it('is made once, owner-only, and the same key afterwards', () => {
    const stateDir = join(dir, 'keyed');
    const first = PinFingerprints.ofInstallation(stateDir);
    const again = PinFingerprints.ofInstallation(stateDir);
    expect(again.id).toBe(first.id);
    expect(PinFingerprints.existingOrThrowaway(stateDir).id).toBe(first.id);
    const key = join(stateDir, 'pin-fingerprint.key');
    expect(statSync(key).size).toBe(32);
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that is not a key', () => {
    const stateDir = join(dir, 'corrupt');
    PinFingerprints.ofInstallation(stateDir);
    writeFileSync(join(stateDir, 'pin-fingerprint.key'), 'short');
    expect(() => PinFingerprints.ofInstallation(stateDir)).toThrow(/fingerprint key .* is corrupt/);
  });
});
