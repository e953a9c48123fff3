import type { Directory } from '../db/queries';
import { exportRows, type ExportSink } from './export-rows';
import type { UserValues } from '../core/contract';
import { DistinctNames } from './distinct-names';
import { userLineOf } from '../protocol/format';
import { storedName, usableName } from '../protocol/usernames';
import { NAMELESS, NEEDS_DECODING, type RawRowFormat } from './raw-row';

/** Where the all-users answer goes, line by line. */
export interface AnswerLines {
  /** `count` whole lines, already UTF-8, each ending in LF; the buffer is reused afterwards. */
  appendLines(block: Buffer, count: number): void;
  /** Leaves out a line given earlier (counted from 0). */
  dropLine(index: number): void;
  /** Reads back what was given, from `offset` (bytes from the first line on); returns the bytes read. */
  readAnswer(offset: number, into: Buffer): number;
}

const TAB = 0x09;
const LF = 0x0a;
/** Rows become answer lines in this buffer, handed on when full. */
const BLOCK_BYTES = 64 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * The all-users answer, built as rows stream from the database in whatever
 * order it returns them: rows without a usable username (see usableName) are
 * skipped, and of names that collide case-insensitively only the one every
 * call picks is kept (see userPerName): the others' lines are dropped once all rows are in. Rows
 * come as values, or in their database's own encoding, whose clean rows
 * become lines byte for byte.
 */
export class UserLines implements ExportSink {
  private readonly names = new DistinctNames();
  private nameless = 0;
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private blockUsed = 0;
  private blockLines = 0;
  /** Bytes of the answer handed on before the block's. */
  private handedBytes = 0;

  constructor(private readonly out: AnswerLines) {}

  values(values: UserValues): void {
    const name = usableName(values[0]);
    if (name === undefined) return void this.nameless++;
    const line = userLineOf(values, name)!;
    const most = line.length * MAX_UTF8_PER_UNIT + 1;
    if (this.blockUsed + most > BLOCK_BYTES) this.flushBlock();
    this.names.add(storedName(values[0]), this.handedBytes + this.blockUsed);
    if (most > BLOCK_BYTES) {
      const bytes = Buffer.from(`${line}\n`);
      this.out.appendLines(bytes, 1);
      this.handedBytes += bytes.length;
      return;
    }
    this.blockUsed += this.block.write(line, this.blockUsed);
    this.block[this.blockUsed++] = LF;
    this.blockLines++;
  }

  /** Hands on the last lines and leaves out those of colliding names; returns the counts. */
  finish(): { users: number; nameless: number; collisions: number } {
    this.flushBlock();
    const drop = this.names.linesToDrop((offset, into) => this.out.readAnswer(offset, into));
    for (const line of drop) this.out.dropLine(line);
    return { users: this.names.size - drop.length, nameless: this.nameless, collisions: drop.length };
  }

  rawRow(format: RawRowFormat, source: Buffer, start: number, end: number): void {
    if (end - start >= BLOCK_BYTES) return this.values(format.values(source, start, end));
    if (this.blockUsed + end - start + 1 > BLOCK_BYTES) this.flushBlock();
    const at = this.blockUsed;
    const lineEnd = format.userLine(source, start, end, this.block, at);
    if (lineEnd === NAMELESS) return void this.nameless++;
    if (lineEnd === NEEDS_DECODING) return this.values(format.values(source, start, end));
    let nameEnd = at;
    while (nameEnd < lineEnd && this.block[nameEnd] !== TAB) nameEnd++;
    this.names.addAscii(this.block, at, nameEnd, this.handedBytes + at);
    this.block[lineEnd] = LF;
    this.blockUsed = lineEnd + 1;
    this.blockLines++;
  }

  private flushBlock(): void {
    if (this.blockLines === 0) return;
    this.out.appendLines(this.block.subarray(0, this.blockUsed), this.blockLines);
    this.handedBytes += this.blockUsed;
    this.blockUsed = 0;
    this.blockLines = 0;
  }
}

/** The all-users answer, line by line (see UserLines); returns the counts. */
export async function eachUserLine(
  directory: Directory,
  out: AnswerLines,
): Promise<{ users: number; nameless: number; collisions: number }> {
  const lines = new UserLines(out);
  const { db, dialect, query } = directory.allUsersExport();
  await exportRows(db, dialect, query, lines);
  return lines.finish();
}
