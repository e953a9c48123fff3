// The release executable's code, bundled from the compiled program: its main
// script, and each pure-JavaScript driver and yargs as an asset of its own.
// A require() of any of these, or of a native addon, becomes a call into
// bridge/core/release-modules.ts, since an executable's own require() reaches
// Node's built-in modules only.
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { common, DRIVERS, NATIVE, UNUSED } from '../bundle';
import { DRIVER_SHIMS, PROGRAM_SHIMS } from '../bundle-shims';

/** Bundled apart and stored as assets: only the call that needs one loads it. */
const ASSETS = [...DRIVERS, 'yargs'];

const dist = join(__dirname, '..', '..');
const loader = join(dist, 'bridge', 'core', 'release-modules.js');

const pattern = (names: readonly string[]) =>
  new RegExp(`^(${names.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);

/** Each require() of `names` becomes `release-modules.<how>(name)`. */
function loadThrough(names: readonly string[], how: 'assetModule' | 'nativeModule'): Plugin {
  return {
    name: how,
    setup(builder) {
      builder.onResolve({ filter: pattern(names) }, ({ path }) => ({ path, namespace: how }));
      builder.onLoad({ filter: /.*/, namespace: how }, ({ path }) => ({
        contents: `module.exports = require(${JSON.stringify(loader)}).${how}(${JSON.stringify(path)});\n`,
        loader: 'js',
        resolveDir: dist,
      }));
    },
  };
}

/** Writes the main script and the assets into `dir`; returns the assets by key. */
export async function bundleForRelease(dir: string): Promise<{ main: string; assets: Record<string, string> }> {
  const natives = loadThrough(NATIVE, 'nativeModule');
  const main = join(dir, 'main.js');
  await build({
    ...common,
    entryPoints: [join(dist, 'bridge', 'start.js')],
    outfile: main,
    external: UNUSED,
    plugins: [loadThrough(ASSETS, 'assetModule'), natives, ...PROGRAM_SHIMS],
  });
  const assets: Record<string, string> = {};
  for (const name of ASSETS) {
    const file = join(dir, `${name}.js`);
    await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: join(dist, '..') },
      outfile: file,
      external: UNUSED,
      plugins: [natives, ...DRIVER_SHIMS],
    });
    assets[`${name}.js`] = file;
  }
  return { main, assets };
}
