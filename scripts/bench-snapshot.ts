// Builds the V8 startup snapshot `npm run bench` measures (snapshot-entry.ts):
// one bundle with nothing left to load but the native addons, then
// `node --build-snapshot`. The bundle sits in dist/ so that the program finds
// its installation from there.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { common, NATIVE, UNUSED } from './bundle';

export async function buildSnapshot(dist: string, blob: string): Promise<void> {
  const script = join(dist, 'snapshot-probe.js');
  await build({
    ...common,
    entryPoints: [join(dist, 'scripts', 'snapshot-entry.js')],
    outfile: script,
    // The snapshot's script is no CommonJS module: it has no `exports`.
    format: 'iife',
    external: [...NATIVE, 'yargs', 'tedious', ...UNUSED],
  });
  // The bench's folder is made later, with its databases: a new checkout has none.
  mkdirSync(dirname(blob), { recursive: true });
  const built = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the startup snapshot failed: ${built.stderr}`);
}
