import {
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

// The bridge's own files (state, spools, the audit log) sit in folders an
// installer may have made writable to others. They are created so that no
// one else can read them or slip a symlink in their place.

/** O_NOFOLLOW where the platform has it (not on Windows, where symlinks need rights PaperCut's account lacks). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Makes a folder readable by its owner only (0700), and tightens one that exists. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** A temporary name beside `path`, with the writer's pid (see removeStale);
 * created exclusively, so a name someone prepared is never written through. */
export const temporaryPath = (path: string): string => `${path}.${process.pid}.${process.hrtime.bigint()}.tmp`;
const TEMPORARY = /\.(\d+)\.\d+\.tmp$/;

/** Opens a new file exclusively (never an existing one, never through a symlink), mode 0600. */
export function createExclusive(path: string, read = false): number {
  return openSync(path, (read ? 'wx+' : 'wx') as string, 0o600);
}

/** Writes a file atomically: a new temporary file, created exclusively, then renamed over `path`. */
export function writePrivateFile(path: string, data: string | Buffer): void {
  privateDir(dirname(path));
  removeStale(dirname(path), TEMPORARY);
  const temporary = temporaryPath(path);
  try {
    const fd = createExclusive(temporary);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Appends to a file, creating it 0600, without following a symlink at its name. */
export function appendPrivate(path: string, text: string): void {
  privateDir(dirname(path));
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes what calls that were killed left in `dir`: files named by
 * `pattern`, whose first group is the writer's pid, when that process is gone. */
export function removeStale(dir: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(dir, name), { force: true });
  }
}
