// What the build changes inside the packages it bundles, to spare every call
// work it never needs. Each leans on how knex, pg or mysql2 use their own
// modules; all three are pinned to exact versions, and tests check each change
// in the built program (conformance: pg-password, loaded-modules,
// standard-streams, failures; integration: reader, whose MySQL login has a
// password), so that an upgrade that moves one fails there, not in a
// customer's call.
import { dirname, isAbsolute, join } from 'node:path';
import type { Plugin } from 'esbuild';

/** Knex traces through the `debug` package (which loads tty, os and
 * supports-color, ~4 ms of a call); the bridge never turns that tracing on,
 * and it would print bound values. Every logger becomes one that is off. */
const silentDebug = replaced(
  'debug',
  'function off() {}\noff.enabled = false;\nfunction debug() { return off; }\noff.extend = debug;\nmodule.exports = debug;\n',
);

/** Knex colours its warnings with colorette, which loads tty to ask whether
 * to (~2 ms of a call), but only when no logger is given; the bridge always
 * gives Knex its own (db/connect.ts). Every colour leaves the text as it is. */
const plainColorette = replaced('colorette', 'module.exports = new Proxy({}, { get: () => (text) => text });\n');

/** pg's client loads its password helpers, and with them node:crypto (~6 ms
 * of a call), when it loads; only a server that asks for a password uses
 * them. The constants they export (the client reads one as it starts) are
 * copied in at build time. */
const lazyPgPasswordHelpers = lazyRequires({
  name: 'lazy-pg-password-helpers',
  importer: /[\\/]pg[\\/]lib[\\/]client\.js$/,
  request: /^\.\/crypto\/(sasl|utils)$/,
  copyConstants: true,
});

/** mysql2 loads node:tls, node:crypto and its table of error names (~10 ms
 * of a call) when it loads; a call uses them only for an encrypted
 * connection, a password, or an error. */
const lazyMysqlExtras = lazyRequires({
  name: 'lazy-mysql-extras',
  importer: /[\\/]mysql2[\\/]lib[\\/]/,
  request: /^(tls|crypto|\.\.\/constants\/errors\.js)$/,
  copyConstants: false,
});

/** For the program's bundle. */
export const PROGRAM_SHIMS: readonly Plugin[] = [silentDebug, plainColorette];

/** For each driver's bundle. */
export const DRIVER_SHIMS: readonly Plugin[] = [lazyPgPasswordHelpers, lazyMysqlExtras];

/** Every require() of the package `name` gets `contents` instead. */
function replaced(name: string, contents: string): Plugin {
  const namespace = `replaced-${name}`;
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace }));
      build.onLoad({ filter: /.*/, namespace }, () => ({ contents, loader: 'js' }));
    },
  };
}

/** Each `request` made from a file that matches `importer` becomes an object
 * that loads the module when one of its properties is first read. That holds
 * for modules whose properties the importer reads only when it uses them. */
function lazyRequires(options: { name: string; importer: RegExp; request: RegExp; copyConstants: boolean }): Plugin {
  const { name, importer, request, copyConstants } = options;
  return {
    name,
    setup(build) {
      build.onResolve({ filter: request }, ({ path, importer: from, resolveDir }) => {
        if (!importer.test(from)) return undefined;
        const file = path.startsWith('.') ? join(resolveDir, path.endsWith('.js') ? path : `${path}.js`) : path;
        return { path: file, namespace: name };
      });
      build.onLoad({ filter: /.*/, namespace: name }, ({ path }) => ({
        contents:
          `const constants = ${JSON.stringify(copyConstants ? constantsOf(require(path) as object) : {})};\n` +
          `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(path)}));\n` +
          'module.exports = new Proxy({}, { get: (_, key) => (Object.hasOwn(constants, key) ? constants[key] : load()[key]) });\n',
        loader: 'js',
        resolveDir: isAbsolute(path) ? dirname(path) : undefined,
      }));
    },
  };
}

/** A module's exports that are plain values, not functions or objects. */
function constantsOf(exports: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(exports).filter(([, value]) => value === null || !['object', 'function'].includes(typeof value)),
  );
}
