import type { Readable, Writable } from 'node:stream';
import { inputError } from './errors';

/** The streams a run may use; `cli.ts` passes the process's own. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Ends the process once the answer is out, leaving work nobody waits for
   * (a hash check past the auth deadline). Absent where nothing may end it (tests). */
  exitNow?: (status: number) => void;
}

export interface ReadLinesOptions {
  /** How many lines the call needs; reading stops once they have arrived. */
  lines: number;
  /** Bytes accepted before the input is refused as too long. */
  maxBytes: number;
  /** How long to wait for the lines before giving up. */
  timeoutMs: number;
}

/** Reads the first `lines` lines of stdin as strict UTF-8, with a trailing CR
 * stripped from each. Stops at EOF too: a missing final newline is fine, and
 * missing lines come back as empty strings. Never waits for EOF once the
 * needed lines are in, since a caller may keep its end of the pipe open. */
export function readStdinLines(stdin: Readable, options: ReadLinesOptions): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let newlines = 0;

    const finish = (error?: Error) => {
      clearTimeout(timer);
      stdin.off('data', onData).off('end', onEnd).off('error', onError);
      // Let go of stdin: a caller that keeps its end open must not keep us alive.
      stdin.destroy();
      if (error) reject(error);
      else {
        try {
          resolve(decodeLines(Buffer.concat(chunks), options.lines));
        } catch (decodeFailure) {
          reject(decodeFailure);
        }
      }
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) newlines++;
      if (size > options.maxBytes) finish(inputError(`stdin is longer than ${options.maxBytes} bytes`));
      else if (newlines >= options.lines) finish();
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(inputError(`cannot read stdin: ${error.message}`));
    const timer = setTimeout(
      () => finish(inputError(`no input on stdin within ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );

    stdin.on('data', onData).on('end', onEnd).on('error', onError);
    stdin.resume();
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Splits input into exactly `count` lines; exported for unit tests. */
export function decodeLines(bytes: Buffer, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count) {
    const end = bytes.indexOf(0x0a, start);
    const raw = bytes.subarray(start, end === -1 ? bytes.length : end);
    lines.push(decodeLine(raw, lines.length + 1));
    if (end === -1) break;
    start = end + 1;
  }
  while (lines.length < count) lines.push('');
  return lines;
}

function decodeLine(raw: Buffer, number: number): string {
  if (raw.includes(0)) throw inputError(`stdin line ${number} contains a NUL byte`);
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw inputError(`stdin line ${number} is not valid UTF-8`);
  }
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Writes to a stream and resolves once the data has been handed to the OS. */
export function writeAll(stream: Writable, text: string | Buffer): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
