// The process's standard streams at the file-descriptor level. Node's own
// process.stdin and process.stdout open fds 0 and 1 as a pipe, TTY or file
// by their type, which fails under Wine on a Linux pipe (EBADF) and differs
// between platforms; plain reads and writes on the fds work the same from a
// Windows pipe, a Linux pipe and a file.
import { read, writeSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import type { Io } from './core/io';

const CHUNK_BYTES = 64 * 1024;
/** How long to wait before trying again a pipe that is not ready (EAGAIN). */
const RETRY_MS = 5;
/** Made when first needed: V8 has no SharedArrayBuffer while it builds a startup snapshot. */
let sleeper: Int32Array | undefined;

/** fd 0, read with fs.read only when something asks for input: a call
 * that reads no stdin never touches it. */
function stdinOf(fd: number): Readable {
  return new Readable({
    read() {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const attempt = () =>
        read(fd, buffer, 0, buffer.length, null, (error, bytes) => {
          // A non-blocking pipe with nothing in it yet.
          if (error?.code === 'EAGAIN') setTimeout(attempt, RETRY_MS);
          else if (error) this.destroy(error);
          else this.push(bytes ? buffer.subarray(0, bytes) : null);
        });
      attempt();
    },
  });
}

/** Writes the whole of `bytes` to the fd before returning. */
function writeFully(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      // A non-blocking pipe that is full: wait for the reader.
      Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, RETRY_MS);
    }
  }
}

/** fd 1 or 2, written synchronously: once a write has returned, its bytes are the OS's. */
function writerOf(fd: number): Writable & { fd: number } {
  const writer = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        writeFully(fd, chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  // What libraries ask of process.stderr (debug asks whether its fd is a TTY).
  return Object.assign(writer, { fd });
}

/** The process's own stdin, stdout and stderr. Every write is synchronous,
 * so the process may end as soon as the run is over: a read of stdin still
 * pending (a caller that keeps its end open) must not keep it alive. */
export function processIo(): Io {
  const io = { stdin: stdinOf(0), stdout: writerOf(1), stderr: writerOf(2) };
  // Libraries read process.stderr and process.stdout too (debug, which Knex
  // loads, asks whether stderr is a TTY): they get these, and Node never
  // makes its own stream objects, which fail under Wine on a Linux pipe.
  for (const [name, stream] of Object.entries(io)) Object.defineProperty(process, name, { value: stream });
  return { ...io, exitNow: (status) => process.exit(status) };
}

/** Writes a last line to stderr when even the run failed. */
export function writeStderr(text: string): void {
  writeFully(2, Buffer.from(text));
}
