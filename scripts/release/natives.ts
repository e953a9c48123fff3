// The native addons a release loads from the node_modules folder beside its
// executable. bcrypt and @node-rs/argon2 are installed for the release's
// platform with npm's --os and --cpu, at the versions this build runs with
// (bcrypt carries every platform's prebuilt addon, of which the release keeps
// its own; argon2 has a package per platform). better-sqlite3 is compiled when
// it is installed, so the only build of it there is, is this machine's own.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from './platforms';

const versionOf = (root: string, name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Fills `<dir>/node_modules` with the addons `platform` carries. */
export function stageNatives(platform: Platform, root: string, dir: string): void {
  const staging = join(dir, '.npm-staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Exact versions, bcrypt's dependencies too, so that a release is what this build tested.
  const fetched = ['bcrypt', 'node-gyp-build', 'node-addon-api', '@node-rs/argon2'];
  const dependencies = Object.fromEntries(fetched.map((name) => [name, versionOf(root, name)]));
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ private: true, dependencies }));
  const target = ['--os', platform.os, '--cpu', 'x64', ...(platform.os === 'linux' ? ['--libc', 'glibc'] : [])];
  execFileSync(
    'npm',
    ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', ...target],
    { cwd: staging, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const modules = join(dir, 'node_modules');
  renameSync(join(staging, 'node_modules'), modules);
  rmSync(staging, { recursive: true, force: true });
  // Headers for compiling bcrypt: nothing loads them.
  rmSync(join(modules, 'node-addon-api'), { recursive: true, force: true });
  const prebuilds = join(modules, 'bcrypt', 'prebuilds');
  for (const name of readdirSync(prebuilds)) {
    if (name !== `${platform.os}-x64`) rmSync(join(prebuilds, name), { recursive: true });
  }
  if (platform.natives.includes('better-sqlite3')) copyBetterSqlite3(root, modules);
}

/** better-sqlite3 as this machine built it: its JavaScript, the addon, and what loads it. */
function copyBetterSqlite3(root: string, modules: string): void {
  const from = join(root, 'node_modules');
  const to = join(modules, 'better-sqlite3');
  for (const part of ['package.json', 'LICENSE', 'lib', join('build', 'Release', 'better_sqlite3.node')]) {
    cpSync(join(from, 'better-sqlite3', part), join(to, part), { recursive: true });
  }
  for (const name of ['bindings', 'file-uri-to-path']) cpSync(join(from, name), join(modules, name), { recursive: true });
}
