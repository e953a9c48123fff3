// One release executable: the program's main script and assets, as a Node
// single executable application blob, injected into a Node binary (postject).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from './platforms';

/** Node's fixed marker for a single executable application's blob. */
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export async function injectProgram(
  platform: Platform,
  binary: string,
  code: { main: string; assets: Record<string, string> },
  workDir: string,
): Promise<void> {
  const blob = join(workDir, 'sea.blob');
  const config = join(workDir, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      main: code.main,
      output: blob,
      assets: code.assets,
      disableExperimentalSEAWarning: true,
      // V8's code cache is made by the Node that builds the blob, so it fits
      // only an executable of the same platform (Node's documentation).
      useCodeCache: platform.os === process.platform && process.arch === 'x64',
    }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'ignore' });
  const { inject } = require('postject') as {
    inject: (file: string, name: string, data: Buffer, options: { sentinelFuse: string }) => Promise<void>;
  };
  await inject(binary, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SENTINEL_FUSE });
}
