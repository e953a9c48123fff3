import { closeSync, ftruncateSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { BridgeError } from './errors';
import { createExclusive, privateDir, removeStale } from './private-files';
import { writeAll } from './io';

/** Where a call's answer waits until the call has succeeded: only then does
 * it reach stdout, so a failure part-way never leaves a partial answer. */
export interface Spool {
  line(text: string): void;
  /** `count` whole lines, already UTF-8, each ending in LF; the buffer is reused afterwards. */
  appendLines(block: Buffer, count: number): void;
  /** Leaves out a line collected earlier (counted from 0). */
  dropLine(index: number): void;
  /** Reads back what was collected, from `offset` (in bytes); returns the bytes read, 0 at its end. */
  readAnswer(offset: number, into: Buffer): number;
  /** Lines in the answer so far. */
  readonly lines: number;
  deliver(stdout: Writable): Promise<void>;
  /** The answer, in pieces; a piece may be reused once the next is asked for. */
  chunks(): Iterable<Buffer>;
  /** Drops what was collected. */
  discard(): void;
}

/** For short answers. */
export class MemorySpool implements Spool {
  private readonly parts: string[] = [];
  /** The answer as bytes, made once for reading back until a line changes it. */
  private bytes: Buffer | undefined;
  lines = 0;

  line(text: string): void {
    this.parts.push(text, '\n');
    this.lines++;
    this.bytes = undefined;
  }

  appendLines(block: Buffer, count: number): void {
    const text = block.toString('utf8');
    for (let start = 0, line = 0; line < count; line++) {
      const end = text.indexOf('\n', start);
      this.line(text.slice(start, end));
      start = end + 1;
    }
  }

  dropLine(index: number): void {
    this.parts[2 * index] = this.parts[2 * index + 1] = '';
    this.lines--;
    this.bytes = undefined;
  }

  readAnswer(offset: number, into: Buffer): number {
    this.bytes ??= Buffer.from(this.text);
    return offset >= this.bytes.length ? 0 : this.bytes.copy(into, 0, offset);
  }

  get text(): string {
    return this.parts.join('');
  }

  deliver(stdout: Writable): Promise<void> {
    return writeAll(stdout, this.text);
  }

  *chunks(): Generator<Buffer> {
    yield Buffer.from(this.text);
  }

  discard(): void {
    this.parts.length = 0;
  }
}

/** answer-<pid>-<time>.spool */
const SPOOL_NAME = /^answer-(\d+)-\d+\.spool$/;

/** Lines wait in one buffer, reused: a fresh buffer or joined string per
 * write piled up as garbage (30 MB more at a million users, and time too). */
const PENDING_BYTES = 64 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

/** For answers of any size (all-users of a million users): a file in the
 * state directory, so memory stays flat. A full disk fails the call. */
export class FileSpool implements Spool {
  private readonly fd: number;
  private readonly pending = Buffer.allocUnsafe(PENDING_BYTES);
  private pendingBytes = 0;
  private pendingLines = 0;
  private open = true;
  private readonly dropped: number[] = [];
  /** Where each write began: its first line and byte offset, to find a dropped line without reading the file. */
  private readonly writes: { line: number; offset: number }[] = [];
  private writtenLines = 0;
  private writtenBytes = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.fd = FileSpool.attempt(() => {
      privateDir(dirname(path));
      return createExclusive(path, true);
    });
  }

  /** A new spool in `dir`, whose spools left by killed calls go first. */
  static in(dir: string): FileSpool {
    removeStale(dir, SPOOL_NAME);
    return new FileSpool(join(dir, `answer-${process.pid}-${Date.now()}.spool`));
  }

  line(text: string): void {
    this.lines++;
    const most = text.length * MAX_UTF8_PER_UNIT + 1;
    if (this.pendingBytes + most > PENDING_BYTES) {
      this.flush();
      if (most > PENDING_BYTES) return this.write(Buffer.from(`${text}\n`), 1);
    }
    this.pendingBytes += this.pending.write(text, this.pendingBytes);
    this.pending[this.pendingBytes++] = 0x0a;
    this.pendingLines++;
  }

  appendLines(block: Buffer, count: number): void {
    this.flush();
    this.write(block, count);
    this.lines += count;
  }

  dropLine(index: number): void {
    this.dropped.push(index);
    this.lines--;
  }

  readAnswer(offset: number, into: Buffer): number {
    this.flush();
    const length = Math.min(into.length, this.writtenBytes - offset);
    if (length <= 0) return 0;
    FileSpool.attempt(() => readFully(this.fd, into.subarray(0, length), offset), 'read');
    return length;
  }

  /** Writes what is buffered and closes the file; further lines are an error. */
  finish(): void {
    if (!this.open) return;
    this.flush();
    if (this.dropped.length) FileSpool.attempt(() => this.removeDropped());
    FileSpool.attempt(() => closeSync(this.fd));
    this.open = false;
  }

  /** Only when lines were dropped: the lines after the first dropped one
   * move up over it, in large reads and writes, and the file is cut short. */
  private removeDropped(): void {
    const ranges = this.dropped.sort((a, b) => a - b).map((line) => this.byteRange(line));
    const buffer = Buffer.allocUnsafe(1 << 20);
    let to = ranges[0]![0];
    ranges.forEach(([, from], i) => {
      const until = i + 1 < ranges.length ? ranges[i + 1]![0] : this.writtenBytes;
      while (from < until) {
        const piece = buffer.subarray(0, Math.min(buffer.length, until - from));
        readFully(this.fd, piece, from);
        writeFully(this.fd, piece, to);
        from += piece.length;
        to += piece.length;
      }
    });
    ftruncateSync(this.fd, to);
  }

  /** Where a line lies in the file, its LF included: found from the write it was in. */
  private byteRange(line: number): [number, number] {
    let low = 0;
    for (let high = this.writes.length - 1; low < high;) {
      const middle = (low + high + 1) >>> 1;
      if (this.writes[middle]!.line <= line) low = middle;
      else high = middle - 1;
    }
    const write = this.writes[low]!;
    const end = low + 1 < this.writes.length ? this.writes[low + 1]!.offset : this.writtenBytes;
    const bytes = Buffer.allocUnsafe(end - write.offset);
    readFully(this.fd, bytes, write.offset);
    let start = 0;
    for (let skip = line - write.line; skip > 0; skip--) start = bytes.indexOf(10, start) + 1;
    return [write.offset + start, write.offset + bytes.indexOf(10, start) + 1];
  }

  /** Copies the file to stdout through one buffer: a read stream's fresh
   * chunk per read would pile up as garbage (tens of MB for a million users). */
  async deliver(stdout: Writable): Promise<void> {
    // Each piece is written before the buffer is reused: a pipe writes from it asynchronously.
    for (const chunk of this.chunks()) await writeAll(stdout, chunk);
  }

  *chunks(): Generator<Buffer> {
    this.finish();
    const input = FileSpool.attempt(() => openSync(this.path, 'r'), 'read');
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (let read; (read = FileSpool.attempt(() => readSync(input, chunk, 0, chunk.length, null), 'read')) > 0;) {
        yield chunk.subarray(0, read);
      }
    } finally {
      closeSync(input);
    }
  }

  discard(): void {
    if (this.open) {
      closeSync(this.fd);
      this.open = false;
    }
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (!this.pendingLines) return;
    this.write(this.pending.subarray(0, this.pendingBytes), this.pendingLines);
    this.pendingBytes = 0;
    this.pendingLines = 0;
  }

  private write(bytes: Buffer, lines: number): void {
    this.writes.push({ line: this.writtenLines, offset: this.writtenBytes });
    FileSpool.attempt(() => writeFully(this.fd, bytes, this.writtenBytes));
    this.writtenLines += lines;
    this.writtenBytes += bytes.length;
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
function writeFully(fd: number, bytes: Buffer, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function readFully(fd: number, bytes: Buffer, position: number): void {
  for (let done = 0, read; done < bytes.length; done += read) {
    read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error('the spool file is shorter than what was written to it');
  }
}

function spoolFailure(error: unknown, action: 'write' | 'read' = 'write'): BridgeError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const what = action === 'write' ? 'write the answer to' : 'read the answer back from';
  return new BridgeError('io', `cannot ${what} the state directory (${code})`, { cause: error });
}
