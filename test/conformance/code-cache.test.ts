// The built loader (dist/bridge/code-cache.js) compiles bundles from a V8
// code cache: the cache is written when missing, reused when valid, and never
// trusted for another bundle, even one of the same length.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from './spawn-bridge';

const LOADER = join(ROOT, 'dist', 'bridge', 'code-cache.js');
const scratch = scratchDir();
afterAll(() => scratch.remove());

/** Loads `file` through the loader in a new process; returns what it printed. */
function load(file: string): string {
  const script = `process.stdout.write(String(require(${JSON.stringify(LOADER)}).requireWithCodeCache(${JSON.stringify(file)})))`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: {} });
  expect(result.stderr).toBe('');
  return result.stdout;
}

function bundle(name: string, answer: string): string {
  const file = join(scratch.dir, name);
  writeFileSync(
    file,
    `#!/usr/bin/env node\nfunction answer() { return ${JSON.stringify(answer)}; }\nmodule.exports = answer();\n`,
  );
  return file;
}

describe('code cache', () => {
  it('is written beside a bundle that has none, starting with the bundle’s size and time', () => {
    const file = bundle('first.js', 'one');
    expect(load(file)).toBe('one');
    const cache = readFileSync(`${file}.cache`);
    const { size, mtimeMs } = statSync(file);
    expect(cache.readDoubleLE(0)).toBe(size);
    expect(cache.readDoubleLE(8)).toBe(mtimeMs);
    expect(cache.length).toBeGreaterThan(16);
  });

  it('is reused, not rewritten, while it matches', () => {
    const file = bundle('reused.js', 'two');
    load(file);
    const before = readFileSync(`${file}.cache`);
    utimesSync(`${file}.cache`, new Date(0), new Date(0));
    expect(load(file)).toBe('two');
    expect(statSync(`${file}.cache`).mtimeMs).toBe(0);
    expect(readFileSync(`${file}.cache`).equals(before)).toBe(true);
  });

  it('is ignored and replaced when the bundle changes, even to one of the same length', () => {
    const file = bundle('changed.js', 'old');
    load(file);
    const stale = readFileSync(`${file}.cache`);
    bundle('changed.js', 'new');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(load(file)).toBe('new');
    expect(readFileSync(`${file}.cache`).equals(stale)).toBe(false);
  });

  it('is done without, leaving nothing behind, when it cannot be written', () => {
    const file = bundle('unwritable.js', 'four');
    mkdirSync(`${file}.cache`); // in the way of the cache file, even for root
    expect(load(file)).toBe('four');
    expect(readdirSync(scratch.dir).filter((name) => name.startsWith('unwritable.js'))).toEqual([
      'unwritable.js',
      'unwritable.js.cache',
    ]);
  });

  it('is ignored and replaced when V8 rejects it', () => {
    const file = bundle('corrupt.js', 'three');
    load(file);
    const cache = readFileSync(`${file}.cache`);
    cache.fill(7, 16);
    writeFileSync(`${file}.cache`, cache);
    expect(load(file)).toBe('three');
    expect(
      readFileSync(`${file}.cache`)
        .subarray(16)
        .every((byte) => byte === 7),
    ).toBe(false);
  });
});
