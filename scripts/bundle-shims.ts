// What the build changes inside the packages it bundles, to spare every call
// work it never needs. Each leans on how knex or pg use their own modules;
// both are pinned to exact versions, and the conformance tests check each
// change in the built program (pg-password, loaded-modules, standard-streams),
// so that an upgrade that moves one fails there, not in a customer's call.
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/** Knex traces through the `debug` package (which loads tty, os and
 * supports-color, ~4 ms of a call); the bridge never turns that tracing on,
 * and it would print bound values. Every logger becomes one that is off. */
export const silentDebug: Plugin = {
  name: 'silent-debug',
  setup(build) {
    build.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'silent-debug' }));
    build.onLoad({ filter: /.*/, namespace: 'silent-debug' }, () => ({
      contents:
        'function off() {}\noff.enabled = false;\n' +
        'function debug() { return off; }\noff.extend = debug;\nmodule.exports = debug;\n',
      loader: 'js',
    }));
  },
};

/** Knex colours its warnings with colorette, which loads tty to ask whether
 * to (~2 ms of a call), but only when no logger is given; the bridge always
 * gives Knex its own (db/connect.ts). Every colour leaves the text as it is. */
export const plainColorette: Plugin = {
  name: 'plain-colorette',
  setup(build) {
    build.onResolve({ filter: /^colorette$/ }, () => ({ path: 'colorette', namespace: 'plain-colorette' }));
    build.onLoad({ filter: /.*/, namespace: 'plain-colorette' }, () => ({
      contents: 'module.exports = new Proxy({}, { get: () => (text) => text });\n',
      loader: 'js',
    }));
  },
};

/** pg's client loads its password helpers, and with them node:crypto (~6 ms
 * of a call), when it loads; only a server that asks for a password uses
 * them. Each is loaded when the client first calls it; the constants it
 * exports (the client reads one as it starts) are copied in at build time. */
export const lazyPgPasswordHelpers: Plugin = {
  name: 'lazy-pg-password-helpers',
  setup(build) {
    build.onResolve({ filter: /^\.\/crypto\/(sasl|utils)$/ }, ({ path, importer, resolveDir }) =>
      /[\\/]pg[\\/]lib[\\/]client\.js$/.test(importer)
        ? { path: join(resolveDir, `${path}.js`), namespace: 'lazy-pg' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-pg' }, ({ path }) => ({
      contents:
        `const constants = ${JSON.stringify(constantsOf(require(path) as object))};\n` +
        `let helpers;\nconst load = () => (helpers ??= require(${JSON.stringify(path)}));\n` +
        'module.exports = new Proxy({}, { get: (_, key) => (Object.hasOwn(constants, key) ? constants[key] : load()[key]) });\n',
      loader: 'js',
      resolveDir: dirname(path),
    }));
  },
};

/** A module's exports that are plain values, not functions or objects. */
function constantsOf(exports: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(exports).filter(([, value]) => value === null || !['object', 'function'].includes(typeof value)),
  );
}
