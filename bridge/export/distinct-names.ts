import { compareCodeUnits } from '../protocol/format';
import { storedKey } from '../protocol/usernames';

/** Hashes and line positions are kept in arrays of 2^16 that are never
 * reallocated: growing by copying leaves the old arrays to the garbage
 * collector, which at a million names doubled the memory used. */
const ENTRY_BITS = 16;
const ENTRY_MASK = (1 << ENTRY_BITS) - 1;
/** Where a line starts in the answer is kept for every 16th line only: the
 * few names looked at again are read from there. */
const CHECKPOINT_BITS = 4;
const CHECKPOINT_MASK = (1 << CHECKPOINT_BITS) - 1;
const TAB = 0x09;
const LF = 0x0a;
/** Bytes read from the answer at a time to find a name again: about 16 lines. */
const READ_BYTES = 4096;
/** The bitmap of hashes seen has 64 bits or more per name up to a million
 * names: under 1 name in 100 then finds its bit set by another and is looked at again after the last
 * row, the part of the export nothing overlaps. A quarter of the bits made
 * each row a little cheaper, which helps only where Node is slower than the
 * database (SQLite), and that last pass twice as long (measured at a
 * million names). It starts at 2^22 bits (512 KiB) and doubles, up to 2^26
 * (8 MiB, 64 bits a name at a million): past that the bits per name fall
 * (32 at 2 million) and the last pass looks at more names again, rather
 * than the bitmap adding to the export's peak as the names grow. */
const SEEN_BITS_FIRST = 22;
const SEEN_BITS_MOST = 26;
const BITS_PER_NAME_LOG = 6;
const LOW_BITS = 20;
const LOW_MASK = (1 << LOW_BITS) - 1;

/** Reads the answer's bytes from `offset` into `into`; returns how many (0 at its end). */
export type AnswerReader = (offset: number, into: Buffer) => number;

/**
 * Invariant: once every line's name is added, linesToDrop() lists exactly
 * the lines to leave out so that each key (storedKey: the name as PaperCut
 * sees it) keeps one line: the one whose stored spelling sorts first in
 * code-unit order, and of equal spellings the first. distinct-names-map.ts
 * works out the same with a Map, as the tests' oracle.
 *
 * The usernames of an all-users answer, one per answer line, checked once all
 * are in: which lines to leave out so that each name as PaperCut sees it
 * (case-insensitively) appears once, the one whose stored spelling sorts
 * first in code-unit order, as in every other call (see userPerName). A Set
 * of a million strings costs over 100 MB, and a hash table probed per row
 * spends most of its time waiting on memory. This keeps the hash of each
 * name's key and a bitmap of hashes seen: 4 bytes a name and 2–8 of bitmap,
 * one bit read at random per name. The names themselves begin their lines in
 * the answer, and only the few whose hashes may repeat are read back from it
 * at the end; a name stored with CHAR padding, which its line leaves out, is
 * kept as stored.
 */
export class DistinctNames {
  private count = 0;
  /** Per name, in the order added: the key's hash. */
  private readonly hashes: Uint32Array[] = [];
  /** Where every 16th line starts in the answer (see CHECKPOINT_BITS). */
  private readonly checkpoints: Float64Array[] = [];
  /** Names stored with padding, by line: their lines hold them without it. */
  private readonly padded = new Map<number, string>();
  /** A bit per value of a hash's top `seenBits` bits, set once a name had it:
   * the hashes of names that find theirs set may repeat, and only those are
   * looked at once all names are in. */
  private seenBits = SEEN_BITS_FIRST;
  private seen = new Int32Array(1 << (SEEN_BITS_FIRST - 5));
  private readonly repeatedHashes: number[] = [];

  /** Names added so far, one per line. */
  get size(): number {
    return this.count;
  }

  /** Records the stored username (a usable one, see usableName) of the next
   * line, which starts at `lineAt` in the answer with the name unpadded. */
  add(name: string, lineAt: number): void {
    const padded = name.charCodeAt(name.length - 1) === 0x20;
    if (padded) this.padded.set(this.count, name);
    this.append((padded ? undefined : asciiHash(name)) ?? hashOf(storedKey(name)), lineAt);
  }

  /** `add` for a name given as the ASCII bytes its line starts with (`end`
   * excluded), without making a string of it: the export's fast path. */
  addAscii(bytes: Buffer, start: number, end: number, lineAt: number): void {
    let hash = FNV_BASIS;
    for (let i = start; i < end; i++) hash = foldStep(hash, bytes[i]!);
    this.append(mix(hash), lineAt);
  }

  /** Once every name is in: the lines to leave out, in increasing order.
   * Of a name's spellings the first in code-unit order stays, and of equal
   * spellings the earliest line. */
  linesToDrop(read: AnswerReader): number[] {
    if (this.repeatedHashes.length === 0) return [];
    // One pass over the hashes finds every line whose hash repeats; a small
    // bitmap of their low bits spares most lines the Set. Keys are the
    // top 30 bits, small integers to V8: lines they join by mistake are told
    // apart by their names.
    const repeated = new Set<number>();
    const lowBits = new Int32Array(1 << (LOW_BITS - 5));
    for (const hash of this.repeatedHashes) {
      repeated.add(hash >>> 2);
      lowBits[(hash & LOW_MASK) >>> 5]! |= 1 << (hash & 31);
    }
    const byHash = new Map<number, number[]>();
    for (let c = 0; c < this.hashes.length; c++) {
      const chunk = this.hashes[c]!;
      const first = c << ENTRY_BITS;
      const length = Math.min(chunk.length, this.count - first);
      for (let i = 0; i < length; i++) {
        const hash = chunk[i]!;
        if ((lowBits[(hash & LOW_MASK) >>> 5]! & (1 << (hash & 31))) === 0 || !repeated.has(hash >>> 2)) continue;
        const lines = byHash.get(hash >>> 2);
        if (lines) lines.push(first + i);
        else byHash.set(hash >>> 2, [first + i]);
      }
    }
    const drop: number[] = [];
    for (const lines of byHash.values()) if (lines.length > 1) drop.push(...this.losers(lines, read));
    return drop.sort((a, b) => a - b);
  }

  /** Of lines (in increasing order) whose keys hash alike, the ones that lose to another with the same key. */
  private losers(lines: number[], read: AnswerReader): number[] {
    const winners = new Map<string, { line: number; name: string }>();
    const losers: number[] = [];
    for (const line of lines) {
      const name = this.nameOf(line, read);
      const key = storedKey(name);
      const winner = winners.get(key);
      if (winner === undefined) winners.set(key, { line, name });
      else if (compareCodeUnits(name, winner.name) < 0) {
        losers.push(winner.line);
        winners.set(key, { line, name });
      } else losers.push(line);
    }
    return losers;
  }

  private append(hash: number, lineAt: number): void {
    const line = this.count++;
    if ((line & ENTRY_MASK) === 0) this.hashes.push(new Uint32Array(1 << ENTRY_BITS));
    this.hashes[line >>> ENTRY_BITS]![line & ENTRY_MASK] = hash;
    if ((line & CHECKPOINT_MASK) === 0) {
      const checkpoint = line >>> CHECKPOINT_BITS;
      if ((checkpoint & ENTRY_MASK) === 0) this.checkpoints.push(new Float64Array(1 << ENTRY_BITS));
      this.checkpoints[checkpoint >>> ENTRY_BITS]![checkpoint & ENTRY_MASK] = lineAt;
    }
    if (!this.markSeen(hash)) this.repeatedHashes.push(hash);
    if (this.count << BITS_PER_NAME_LOG > 1 << this.seenBits && this.seenBits < SEEN_BITS_MOST) this.growSeen();
  }

  /** Sets the hash's bit; false if it was set already. */
  private markSeen(hash: number): boolean {
    const bit = hash >>> (32 - this.seenBits);
    const mask = 1 << (bit & 31);
    if (this.seen[bit >>> 5]! & mask) return false;
    this.seen[bit >>> 5]! |= mask;
    return true;
  }

  /** A bitmap twice as large, from the hashes kept. Hashes already found
   * repeating stay listed; no new ones can appear (fewer bits collide less). */
  private growSeen(): void {
    this.seenBits += 1;
    this.seen = new Int32Array(1 << (this.seenBits - 5));
    this.forEachHash((hash) => this.markSeen(hash));
  }

  /** Every name's hash, in line order. */
  private forEachHash(visit: (hash: number, line: number) => void): void {
    this.hashes.forEach((chunk, c) => {
      const first = c << ENTRY_BITS;
      const length = Math.min(chunk.length, this.count - first);
      for (let i = 0; i < length; i++) visit(chunk[i]!, first + i);
    });
  }

  /** The stored name of a line: as kept when padded, else read back from
   * the answer, from the last checkpoint on, up to its line's first TAB or LF. */
  private nameOf(line: number, read: AnswerReader): string {
    const stored = this.padded.get(line);
    if (stored !== undefined) return stored;
    const checkpoint = line >>> CHECKPOINT_BITS;
    let offset = this.checkpoints[checkpoint >>> ENTRY_BITS]![checkpoint & ENTRY_MASK]!;
    let skip = line & CHECKPOINT_MASK;
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const pieces: Buffer[] = [];
    for (let got; (got = read(offset, buffer)) > 0; offset += got) {
      let at = 0;
      for (; skip > 0; skip--) {
        const lf = buffer.indexOf(LF, at);
        if (lf < 0 || lf >= got) break;
        at = lf + 1;
      }
      if (skip > 0) continue;
      let end = at;
      while (end < got && buffer[end] !== TAB && buffer[end] !== LF) end++;
      pieces.push(Buffer.from(buffer.subarray(at, end)));
      if (end < got) return Buffer.concat(pieces).toString('utf8');
    }
    throw new Error(`the answer ends before line ${line}`);
  }
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, then a final mix so that the bits spread.
 * Exported for tests that need names whose keys hash alike. */
export function hashOf(key: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
  return mix(hash);
}

/** hashOf(storedKey(name)) for a name without padding, in one loop and
 * without lower-casing it first, when it is all ASCII; else undefined. */
function asciiHash(name: string): number | undefined {
  let hash = FNV_BASIS;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x80) return undefined;
    hash = foldStep(hash, code);
  }
  return mix(hash);
}

/** One step of hashOf over an ASCII code, lower-cased as nameKey would. */
function foldStep(hash: number, code: number): number {
  return Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), FNV_PRIME);
}

function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) >>> 0;
}
