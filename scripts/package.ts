// `npm run package`, after `npm run build`: a release folder for each platform
// (release/papercut-bridge-<version>-<platform>/) and an archive of it. A
// release is one executable PaperCut runs directly, the native addons it
// loads from beside itself, and what the admin commands read (packs, the
// views' scaffold); the PaperCut server needs no Node, npm or compiler.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { injectProgram } from './release/executable';
import { nodeBinary, nodeLicence } from './release/node-binary';
import { PLATFORMS, releaseFolder } from './release/platforms';
import { bundleForRelease } from './release/sea-bundle';
import { stageNatives } from './release/natives';

const root = join(__dirname, '..', '..');
const releases = join(root, 'release');

async function main(): Promise<void> {
  const work = join(releases, '.work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const code = await bundleForRelease(join(work, 'code'));
  for (const platform of PLATFORMS) {
    const dir = releaseFolder(root, platform.name);
    const name = basename(dir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const platformWork = join(work, platform.name);
    mkdirSync(platformWork, { recursive: true });
    const binary = nodeBinary(platform, join(releases, '.cache'), platformWork);
    await injectProgram(platform, binary, code, platformWork);
    renameSync(binary, join(dir, platform.executable));
    chmodSync(join(dir, platform.executable), 0o755);
    stageNatives(platform, root, dir);
    for (const folder of ['packs', 'views']) cpSync(join(root, folder), join(dir, folder), { recursive: true });
    cpSync(join(root, 'scripts', 'release', 'README.md'), join(dir, 'README.md'));
    cpSync(join(root, 'scripts', 'release', 'papercut-bridge.env.example'), join(dir, 'papercut-bridge.env.example'));
    cpSync(nodeLicence(join(releases, '.cache'), platformWork), join(dir, 'LICENSE.node.txt'));
    archive(platform.archive, name);
    process.stderr.write(`package: ${join('release', name)}\n`);
  }
  rmSync(work, { recursive: true, force: true });
}

function archive(kind: 'tar.gz' | 'zip', name: string): void {
  const file = join(releases, `${name}.${kind}`);
  rmSync(file, { force: true });
  if (kind === 'tar.gz') execFileSync('tar', ['-czf', file, '-C', releases, name]);
  else execFileSync('python3', ['-m', 'zipfile', '-c', file, name], { cwd: releases });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`package failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
