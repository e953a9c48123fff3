// Windows programs under Wine, for the release's tests: a throwaway prefix
// (Windows 10, no display, no debug output), removed with its wineserver at
// the end; each call with regular files as its stdin, stdout and stderr, as
// a Windows service's redirected streams would be.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallResult } from '../conformance/spawn-bridge';

export interface WinePrefix {
  /** What a command run under this prefix needs in its environment. */
  environment: Record<string, string>;
  /** Runs `exe` with `args`, the settings in `env` and nothing else of ours. */
  run(
    exe: string,
    args: readonly string[],
    options?: { stdin?: string; env?: Record<string, string>; cwd?: string },
  ): CallResult;
  remove(): void;
}

/** Fails, never skips, when Wine is missing: CI installs it (.ci/run). */
export function throwawayPrefix(): WinePrefix {
  for (const command of ['wine', 'wineboot', 'wineserver']) {
    if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
      throw new Error(`${command} is not installed: apt-get install wine64 (the release tests need it)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'papercut-bridge-wine-'));
  // A UTF-8 locale: Wine turns the Unix argv into the Windows command line through it.
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    LANG: 'C.UTF-8',
    WINEPREFIX: join(dir, 'prefix'),
    WINEDEBUG: '-all',
  };
  execFileSync('wineboot', ['-i'], { env: base, stdio: 'ignore' });
  execFileSync('winecfg', ['-v', 'win10'], { env: base, stdio: 'ignore' });
  let calls = 0;
  return {
    environment: base,
    run(exe, args, { stdin = '', env = {}, cwd = dir } = {}) {
      const files = ['in', 'out', 'err'].map((name) => join(dir, `${calls}.${name}`));
      calls++;
      writeFileSync(files[0]!, stdin);
      const fds = [openSync(files[0]!, 'r'), openSync(files[1]!, 'w'), openSync(files[2]!, 'w')];
      try {
        const { status } = spawnSync('wine', [exe, ...args], { env: { ...base, ...env }, cwd, stdio: fds });
        return { stdout: readFileSync(files[1]!, 'utf8'), stderr: readFileSync(files[2]!, 'utf8'), status };
      } finally {
        fds.forEach(closeSync);
      }
    },
    remove() {
      spawnSync('wineserver', ['-k'], { env: base, stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
