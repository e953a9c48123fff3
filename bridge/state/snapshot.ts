import { closeSync, existsSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { USER_COLUMNS } from '../core/contract';
import { BridgeError } from '../core/errors';
import { createExclusive, temporaryPath } from '../core/private-files';
import type { PinFingerprints } from './pin-fingerprints';

// The snapshot `preview` compares the next sync with: the last all-users
// answer with each PIN (a user line's 11th field) replaced by its
// fingerprint. Its first line names the fingerprint key and starts with a
// tab, which no user line does: the username is never empty. A snapshot without
// that line was written by an earlier version, with the PINs themselves.

const TAB = 0x09;
const LF = 0x0a;
/** Tabs before the PIN: it is a user line's 11th field. */
const PIN_FIELD = USER_COLUMNS.indexOf('pin');
const HEADER = '\tpapercut-bridge all-users snapshot, PINs as fingerprints under key ';

/** The answer's bytes with every PIN replaced by its fingerprint, in pieces of whole lines. */
export function* withPinFingerprints(answer: Iterable<Buffer>, pins: PinFingerprints): Generator<Buffer> {
  // The start of a line that continues in the next piece; a copy, as the answer may reuse its buffer.
  let carry = Buffer.alloc(0);
  for (const chunk of answer) {
    let from = 0;
    if (carry.length) {
      from = chunk.indexOf(LF) + 1;
      if (from === 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      yield replacePins(Buffer.concat([carry, chunk.subarray(0, from)]), pins);
    }
    const end = chunk.lastIndexOf(LF) + 1;
    if (end > from) yield replacePins(chunk.subarray(from, end), pins);
    carry = Buffer.from(chunk.subarray(Math.max(from, end)));
  }
  if (carry.length) yield replacePins(Buffer.concat([carry, Buffer.from([LF])]), pins);
}

/** Whole lines in, whole lines out. Lines without a PIN (most, at many
 * sites) are copied in runs, as they are; without any, the lines are
 * returned themselves. One pass over the bytes: three searches a line (line
 * end, then tabs) took four times as long. */
function replacePins(lines: Buffer, pins: PinFingerprints): Buffer {
  let out: Buffer | undefined;
  let written = 0;
  let run = 0;
  let start = 0;
  let firstTab = -1;
  let pin = -1;
  let tabs = 0;
  for (let i = 0; i < lines.length; i++) {
    const byte = lines[i];
    if (byte === TAB) {
      if (++tabs === 1) firstTab = i;
      // Trailing empty fields are left out of a line: only one with all of them has a PIN.
      if (tabs === PIN_FIELD) pin = i + 1;
    } else if (byte === LF) {
      if (pin !== -1 && pin < i) {
        // A fingerprint may be longer than its PIN: at most 22 bytes more on a line of at least 12.
        out ??= Buffer.allocUnsafe(lines.length * 3);
        written += lines.copy(out, written, run, pin);
        written += pins.write(lines.subarray(start, firstTab), lines.subarray(pin, i), out, written);
        run = i;
      }
      start = i + 1;
      tabs = 0;
      pin = -1;
    }
  }
  if (!out) return lines;
  written += lines.copy(out, written, run);
  return out.subarray(0, written);
}

/** Replaces the snapshot atomically: a new file, created exclusively, renamed over the old one. */
export function writeSnapshot(path: string, answer: Iterable<Buffer>, pins: PinFingerprints): void {
  const temporary = temporaryPath(path);
  try {
    const fd = createExclusive(temporary);
    try {
      writeFully(fd, Buffer.from(`${HEADER}${pins.id}\n`));
      for (const piece of withPinFingerprints(answer, pins)) writeFully(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof BridgeError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BridgeError('io', `cannot write the all-users snapshot ${path} (${code})`, { cause: error });
  }
}

export interface Snapshot {
  /** User lines, PINs as fingerprints under `pins`. */
  lines: string[];
  /** False when the snapshot was made under another key: its PINs cannot be compared. */
  pinsComparable: boolean;
}

/** The last snapshot, or undefined when there is none yet. */
export function readSnapshot(path: string, pins: PinFingerprints): Snapshot | undefined {
  if (!existsSync(path)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BridgeError('io', `cannot read the all-users snapshot ${path} (${code})`, { cause: error });
  }
  const firstLine = bytes.subarray(0, bytes.indexOf(LF) + 1 || bytes.length).toString('utf8');
  if (!firstLine.startsWith(HEADER)) {
    return { lines: linesOf(Buffer.concat([...withPinFingerprints([bytes], pins)])), pinsComparable: true };
  }
  return {
    lines: linesOf(bytes.subarray(Buffer.byteLength(firstLine))),
    pinsComparable: firstLine.trimEnd() === `${HEADER}${pins.id}`,
  };
}

const linesOf = (bytes: Buffer): string[] => bytes.toString('utf8').split('\n').filter(Boolean);

function writeFully(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}
