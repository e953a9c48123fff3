// Whose hash times a refused login is remembered by name for a day, in a
// private file that holds nothing else.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DECOY_OWNER_KEPT_MS, DecoyOwner } from '../../bridge/state/decoy-owner';

let stateDir: string;
const config = (url = '/srv/erp.sqlite') => ({ stateDir, dialect: 'sqlite' as const, url, schema: undefined });
const NOW = Date.parse('2026-12-07T12:00:00Z');

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'decoy-owner-'));
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

it('remembers a username for a day, and nothing but it and when', () => {
  const owner = new DecoyOwner(config());
  expect(owner.read(NOW)).toBeUndefined();
  expect(owner.write('alice', NOW)).toBe(true);
  expect(owner.read(NOW + 1000)).toBe('alice');
  expect(owner.read(NOW + DECOY_OWNER_KEPT_MS - 1)).toBe('alice');
  expect(owner.read(NOW + DECOY_OWNER_KEPT_MS)).toBeUndefined();
  // A clock set back does not make it last longer.
  expect(owner.read(NOW - 1)).toBeUndefined();
  expect(JSON.parse(readFileSync(owner.path, 'utf8'))).toEqual({ username: 'alice', at: '2026-12-07T12:00:00.000Z' });
  if (process.platform !== 'win32') expect(statSync(owner.path).mode & 0o777).toBe(0o600);
});

it('keeps one name per configured database', () => {
  new DecoyOwner(config('/srv/a.sqlite')).write('alice', NOW);
  new DecoyOwner(config('/srv/b.sqlite')).write('bob', NOW);
  expect(new DecoyOwner(config('/srv/a.sqlite')).read(NOW)).toBe('alice');
  expect(new DecoyOwner(config('/srv/b.sqlite')).read(NOW)).toBe('bob');
  expect(readdirSync(stateDir)).toHaveLength(2);
});

it('reads a damaged or foreign file as nothing remembered', () => {
  const owner = new DecoyOwner(config());
  mkdirSync(stateDir, { recursive: true });
  for (const text of [
    '{',
    'null',
    '{"username": 7, "at": "2026-12-07T12:00:00Z"}',
    '{"username": "alice", "at": "soon"}',
  ]) {
    writeFileSync(owner.path, text);
    expect(owner.read(NOW)).toBeUndefined();
  }
});

it('does not keep a name longer than any real one', () => {
  const owner = new DecoyOwner(config());
  expect(owner.write('x'.repeat(257), NOW)).toBe(false);
  expect(owner.read(NOW)).toBeUndefined();
  expect(owner.write('x'.repeat(256), NOW)).toBe(true);
});

it('throws when the state folder cannot be made', () => {
  const file = join(stateDir, 'not-a-folder');
  writeFileSync(file, '');
  expect(() => new DecoyOwner({ ...config(), stateDir: file }).write('alice', NOW)).toThrow();
});
