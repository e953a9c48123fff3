// The last step of `npm run build`: writes the program's code cache from a
// PaperCut call against the demo ERP, so that what a call runs, not what the
// build's `demo` step ran, is compiled ahead, and each driver's from loading
// it (see bridge/code-cache.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheFile, requireWithCodeCache } from '../bridge/code-cache';

const root = join(__dirname, '..', '..');
rmSync(codeCacheFile(join(root, 'dist', 'papercut-bridge.js')), { force: true });
const call = spawnSync(join(root, 'bin', 'papercut-bridge'), ['-', 'get-user-details'], {
  input: 'jsmith\n',
  env: { PATH: process.env.PATH ?? '', BRIDGE_DB_CLIENT: 'demo' },
  encoding: 'utf8',
});
if (call.status !== 0) {
  process.stderr.write(`warm-code-cache: the call failed: ${call.stderr}`);
  process.exitCode = 1;
}
// Written when this process exits; a call's first use of the driver would compile more.
const drivers = join(root, 'dist', 'drivers');
for (const file of readdirSync(drivers).filter((name) => name.endsWith('.js')))
  requireWithCodeCache(join(drivers, file));
