// How the release executable (a Node single executable application) loads
// what is not in its main script. Its own require() reaches Node's built-in
// modules only, so the release build (scripts/release/sea-bundle.ts) turns
// each require() of a package the main script leaves out into one of these:
// the pure-JavaScript drivers and yargs come from the executable's assets,
// each loaded by the first call that needs it; native addons come from the
// node_modules folder beside the executable.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getAsset } from 'node:sea';
import { Script } from 'node:vm';

/** The release folder, and a require() that starts from its node_modules. */
const home = () => dirname(process.execPath);
let fromBeside: NodeJS.Require | undefined;
const besideRequire = (): NodeJS.Require =>
  (fromBeside ??= createRequire(join(home(), 'node_modules', 'papercut-bridge.js')));
const loaded = new Map<string, unknown>();

/** What a release says of a native addon it was built without. */
export const RELEASE_LACKS = 'this release does not include it';

/** A native addon from node_modules beside the executable. A release built
 * without it (SQLite on Windows) says so, in the terms connect.ts reports. */
export function nativeModule(name: string): unknown {
  try {
    return besideRequire()(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw Object.assign(new Error(`Cannot find module '${name}': ${RELEASE_LACKS}`), { code: 'MODULE_NOT_FOUND' });
  }
}

/** A bundled package stored as the asset `<name>.js`, run once as a CommonJS module. */
export function assetModule(name: string): unknown {
  if (!loaded.has(name)) {
    const filename = join(home(), `${name}.js`);
    const source = getAsset(`${name}.js`, 'utf8');
    const wrapper = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename,
    }).runInThisContext() as (...args: unknown[]) => void;
    const module = { exports: {} as unknown };
    wrapper.call(module.exports, module.exports, besideRequire(), module, filename, home());
    loaded.set(name, module.exports);
  }
  return loaded.get(name);
}
