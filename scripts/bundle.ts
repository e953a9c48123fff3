// Part of `npm run build`: bundles the compiled program (dist/bridge/start.js)
// into dist/papercut-bridge.js, and each database driver's JavaScript into
// dist/drivers/<package>.js, loaded only by a call that uses that database.
// One file per piece instead of hundreds saves most of a cold call's start-up
// (see BENCHMARKS.md). Native addons stay in node_modules.
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { DRIVER_SHIMS, PROGRAM_SHIMS } from './bundle-shims';

const dist = join(__dirname, '..');

/** Pure-JavaScript drivers, bundled on their own; the program loads them with their code cache. */
export const DRIVERS = ['pg', 'mysql2', 'tedious'];

/** Native addons: never bundled, loaded from node_modules (a release's beside it). */
export const NATIVE = ['better-sqlite3', 'bcrypt', '@node-rs/argon2'];

/** Native drivers whose JavaScript the Node build bundles like DRIVERS', the
 * addon left in node_modules (the driver is given its path: sqlite.ts). The
 * release loads them from node_modules whole (release-modules.ts). */
const NATIVE_DRIVERS = ['better-sqlite3'];

/** Drivers and helpers Knex can use but the bridge does not ship: never loaded. */
export const UNUSED = ['sqlite3', 'mysql', 'mariadb', 'oracledb', 'pg-native', 'pg-query-stream'];

/** Loaded from node_modules: native code, admin-only, or never used by the bridge. */
const EXTERNAL = [...NATIVE.filter((name) => !NATIVE_DRIVERS.includes(name)), 'yargs', ...UNUSED];

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
  // pg probes for Cloudflare Workers through `navigator`, and on Node 20, where
  // there is none, by building a fetch Response, which loads undici (~12 ms).
  define: { navigator: '{"userAgent":"Node.js"}' },
} as const;

/** Replaces `require('<driver>')` with loading that driver's own bundle. */
const separateDrivers: Plugin = {
  name: 'separate-drivers',
  setup(build) {
    const drivers = new RegExp(`^(${[...DRIVERS, ...NATIVE_DRIVERS].join('|')})$`);
    build.onResolve({ filter: drivers }, ({ path }) => ({ path, namespace: 'driver' }));
    build.onLoad({ filter: /.*/, namespace: 'driver' }, ({ path }) => ({
      contents:
        `const { join } = require('node:path');\n` +
        `module.exports = require(join(__dirname, 'bridge', 'code-cache.js'))` +
        `.requireWithCodeCache(join(__dirname, 'drivers', ${JSON.stringify(`${path}.js`)}));\n`,
      loader: 'js',
    }));
  },
};

async function main(): Promise<void> {
  await build({
    ...common,
    entryPoints: [join(dist, 'bridge', 'start.js')],
    outfile: join(dist, 'papercut-bridge.js'),
    external: EXTERNAL,
    plugins: [separateDrivers, ...PROGRAM_SHIMS],
  });
  for (const driver of [...DRIVERS, ...NATIVE_DRIVERS]) {
    await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(driver)});`, resolveDir: join(dist, '..') },
      outfile: join(dist, 'drivers', `${driver}.js`),
      // The addon is found by its path, not by `bindings` searching from this bundle.
      external: [...EXTERNAL, 'bindings'],
      plugins: [...DRIVER_SHIMS],
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bundle failed: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
