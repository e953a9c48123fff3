import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { BridgeError } from './errors';
import { writeAll } from './io';

/** Where a call's answer waits until the call has succeeded: only then does
 * it reach stdout, so a failure part-way never leaves a partial answer. */
export interface Spool {
  line(text: string): void;
  /** Leaves out a line collected earlier (counted from 0). */
  dropLine(index: number): void;
  /** Lines in the answer so far. */
  readonly lines: number;
  deliver(stdout: Writable): Promise<void>;
  /** Also keeps the answer in a file (replacing it atomically). */
  keepAs(path: string): void;
  /** Drops what was collected, unless kept. */
  discard(): void;
}

/** For short answers. */
export class MemorySpool implements Spool {
  private readonly parts: string[] = [];
  lines = 0;

  line(text: string): void {
    this.parts.push(text, '\n');
    this.lines++;
  }

  dropLine(index: number): void {
    this.parts[2 * index] = this.parts[2 * index + 1] = '';
    this.lines--;
  }

  get text(): string {
    return this.parts.join('');
  }

  deliver(stdout: Writable): Promise<void> {
    return writeAll(stdout, this.text);
  }

  keepAs(path: string): void {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temporary, this.text, { mode: 0o600 });
      renameSync(temporary, path);
    } catch (error) {
      throw spoolFailure(error);
    }
  }

  discard(): void {
    this.parts.length = 0;
  }
}

// Small on purpose: big joined strings outlive the young generation and pile up
// (256 KiB chunks cost 30 MB more at a million users, and time too).
const FLUSH_BYTES = 16 * 1024;

/** For answers of any size (all-users of a million users): a file in the
 * state directory, so memory stays flat. A full disk fails the call. */
export class FileSpool implements Spool {
  private readonly fd: number;
  private buffered: string[] = [];
  private bufferedLength = 0;
  private open = true;
  private kept = false;
  private readonly dropped: number[] = [];
  lines = 0;

  constructor(public path: string) {
    this.fd = FileSpool.attempt(() => {
      mkdirSync(dirname(path), { recursive: true });
      return openSync(path, 'wx', 0o600);
    });
  }

  static in(dir: string): FileSpool {
    return new FileSpool(join(dir, `answer-${process.pid}-${Date.now()}.spool`));
  }

  line(text: string): void {
    this.buffered.push(text, '\n');
    this.bufferedLength += text.length + 1;
    this.lines++;
    if (this.bufferedLength >= FLUSH_BYTES) this.flush();
  }

  dropLine(index: number): void {
    this.dropped.push(index);
    this.lines--;
  }

  /** Writes what is buffered and closes the file; further lines are an error. */
  finish(): void {
    if (!this.open) return;
    this.flush();
    FileSpool.attempt(() => closeSync(this.fd));
    this.open = false;
    if (this.dropped.length) FileSpool.attempt(() => this.rewriteWithoutDropped());
  }

  /** One more pass over the file, only when lines were dropped (rare). */
  private rewriteWithoutDropped(): void {
    const drop = new Set(this.dropped);
    const temporary = `${this.path}.rewrite`;
    const input = openSync(this.path, 'r');
    const output = openSync(temporary, 'w', 0o600);
    try {
      const chunk = Buffer.alloc(1 << 20);
      let line = 0;
      let carry = Buffer.alloc(0);
      for (let read; (read = readSync(input, chunk, 0, chunk.length, null)) > 0;) {
        const data = Buffer.concat([carry, chunk.subarray(0, read)]);
        let start = 0;
        let keptFrom = 0;
        for (let end; (end = data.indexOf(10, start)) !== -1; start = end + 1, line++) {
          if (!drop.has(line)) continue;
          writeFully(output, data.subarray(keptFrom, start));
          keptFrom = end + 1;
        }
        writeFully(output, data.subarray(keptFrom, start));
        carry = data.subarray(start);
      }
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    } finally {
      closeSync(input);
      closeSync(output);
    }
  }

  /** Copies the file to stdout through one buffer: a read stream's fresh
   * chunk per read would pile up as garbage (tens of MB for a million users). */
  async deliver(stdout: Writable): Promise<void> {
    this.finish();
    const input = FileSpool.attempt(() => openSync(this.path, 'r'), 'read');
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (let read; (read = FileSpool.attempt(() => readSync(input, chunk, 0, chunk.length, null), 'read')) > 0;) {
        // Awaited before the buffer is reused: a pipe writes from it asynchronously.
        await writeAll(stdout, chunk.subarray(0, read));
      }
    } finally {
      closeSync(input);
    }
  }

  /** Keeps the spooled answer under another name (replacing that file
   * atomically); it is still delivered from there. */
  keepAs(path: string): void {
    this.finish();
    FileSpool.attempt(() => renameSync(this.path, path));
    this.path = path;
    this.kept = true;
  }

  /** Removes the spool file unless it was kept. */
  discard(): void {
    if (this.open) {
      closeSync(this.fd);
      this.open = false;
    }
    if (!this.kept) rmSync(this.path, { force: true });
  }

  private flush(): void {
    const chunk = this.buffered.join('');
    this.buffered = [];
    this.bufferedLength = 0;
    if (!chunk) return;
    FileSpool.attempt(() => {
      const written = writeSync(this.fd, chunk);
      if (written < Buffer.byteLength(chunk)) writeFully(this.fd, Buffer.from(chunk).subarray(written));
    });
  }

  private static attempt<T>(work: () => T, action: 'write' | 'read' = 'write'): T {
    try {
      return work();
    } catch (error) {
      throw spoolFailure(error, action);
    }
  }
}

/** writeSync may write less than asked (a filling disk): the rest must follow or fail. */
function writeFully(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

function spoolFailure(error: unknown, action: 'write' | 'read' = 'write'): BridgeError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const what = action === 'write' ? 'write the answer to' : 'read the answer back from';
  return new BridgeError('io', `cannot ${what} the state directory (${code})`, { cause: error });
}
