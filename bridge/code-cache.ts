import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

// PaperCut starts a new process for every call, so compiling the program's
// JavaScript is paid every time. V8 can save what it compiled in a code cache
// and reuse it: `npm run build` writes one beside each bundle, and a call that
// finds none (a driver's first use, or a new Node whose V8 rejects the old
// cache) writes it on exit when the installation is writable. V8 checks a
// cache against its own version and flags but only the source's length, so
// each cache starts with the size and time of the bundle it was made from.

/** Where require() keeps what it loaded (public: require.cache), so that a
 * bundle loaded here counts as loaded, once, as one loaded by require(). */
const loadedModules = require.cache;

/** The function a CommonJS module's code runs in, as require() makes it. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/** The cache's file for a bundle; it is only valid for that very bundle. */
export const codeCacheFile = (file: string): string => `${file}.cache`;

/** Loads a CommonJS bundle like require() does, compiling it from its code cache. */
export function requireWithCodeCache(file: string): unknown {
  const loaded = loadedModules[file];
  if (loaded) return loaded.exports;
  const cacheFile = codeCacheFile(file);
  const stamp = stampOf(file);
  const cachedData = cachedDataFor(stamp, readOptional(cacheFile));
  // A shebang line is valid at the top of a file, not inside the module wrapper.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { id: file, filename: file, exports: {}, loaded: false } as NodeJS.Module;
  loadedModules[file] = module;
  if (!cachedData || script.cachedDataRejected) {
    // After the call, so that what it ran is compiled and saved too.
    process.once('exit', () => saveQuietly(cacheFile, () => Buffer.concat([stamp, script.createCachedData()])));
  }
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  try {
    compiled.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    // As require() does: a module that failed to load is not kept.
    delete loadedModules[file];
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

/** The bundle's size and modification time, as the cache's header. */
function stampOf(file: string): Buffer {
  const { size, mtimeMs } = statSync(file);
  const stamp = Buffer.alloc(16);
  stamp.writeDoubleLE(size, 0);
  stamp.writeDoubleLE(mtimeMs, 8);
  return stamp;
}

function cachedDataFor(stamp: Buffer, cache: Buffer | undefined): Buffer | undefined {
  if (!cache || cache.length <= stamp.length || !cache.subarray(0, stamp.length).equals(stamp)) return undefined;
  return cache.subarray(stamp.length);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes atomically, since calls run side by side; a read-only installation
 * just goes without a cache. */
function saveQuietly(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Exclusively: a file or symlink someone left under that name is never written through.
    writeFileSync(temporary, data(), { flag: 'wx' });
    renameSync(temporary, file);
  } catch {
    // Not writable: every call compiles, as without a cache.
    rmSync(temporary, { force: true });
  }
}
