import { compareCodeUnits } from '../protocol/format';
import { storedKey } from '../protocol/usernames';

/** Names are kept in buffers of 1 MiB that are never reallocated: growing
 * by copying leaves the old buffers to the garbage collector, which at a
 * million names doubled the memory used. */
const NAME_BITS = 20;
const NAME_CHUNK = 1 << NAME_BITS;
const SPACE = 0x20;
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
 * first in code-unit order, as in every other call (see userPerName). Names are
 * kept as stored, CHAR padding included, and keyed without it. A Set of a million strings costs over 100 MB,
 * and a hash table probed per row spends most of its time waiting on memory.
 * This keeps each name's UTF-8 bytes, NUL-terminated (sanitised names hold no
 * control characters), in line order, and a bitmap of their keys' hashes
 * seen: nothing a name besides its UTF-8 and 1–8 bytes of bitmap, one bit
 * read at random per name. The hashes are worked out again from the names
 * when the bitmap grows and once at the end, when only names whose hashes
 * may repeat are looked at again (keeping them cost 8 MB at 2 million names).
 */
export class DistinctNames {
  private count = 0;
  private readonly names: Buffer[] = [];
  /** Where the names end in each chunk but the last (the rest of a chunk a name did not fit in is unused). */
  private readonly chunkEnds: number[] = [];
  private nameUsed = NAME_CHUNK;
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

  /** Records the stored username (a usable one, see usableName) of the next line. */
  add(name: string): void {
    if (name.charCodeAt(name.length - 1) !== 0x20 && this.addIfAscii(name)) return;
    const at = this.reserve(Buffer.byteLength(name) + 1);
    const chunk = this.names[this.names.length - 1]!;
    chunk.write(name, at % NAME_CHUNK);
    chunk[this.nameUsed - 1] = 0;
    this.append(hashOf(storedKey(name)));
  }

  /** `add` for the usual name, all ASCII, in one loop and without lower-casing
   * it first; false, having added nothing, for any other. */
  private addIfAscii(name: string): boolean {
    const at = this.reserve(name.length + 1);
    const chunk = this.names[this.names.length - 1]!;
    let to = at % NAME_CHUNK;
    let hash = FNV_BASIS;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (code >= 0x80) {
        this.nameUsed -= name.length + 1;
        return false;
      }
      chunk[to++] = code;
      hash = foldStep(hash, code);
    }
    chunk[to] = 0;
    this.append(mix(hash));
    return true;
  }

  /** `add` for a name given as ASCII bytes (`end` excluded), without making
   * a string of it: the export's fast path. Same hash, same answers. */
  addAscii(bytes: Buffer, start: number, end: number): void {
    const at = this.reserve(end - start + 1);
    const chunk = this.names[this.names.length - 1]!;
    let to = at % NAME_CHUNK;
    let hash = FNV_BASIS;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      chunk[to++] = byte;
      hash = foldStep(hash, byte);
    }
    chunk[to] = 0;
    this.append(mix(hash));
  }

  /** Once every name is in: the lines to leave out, in increasing order.
   * Of a name's spellings the first in code-unit order stays, and of equal
   * spellings the earliest line. */
  linesToDrop(): number[] {
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
    // Per hash, its lines and where their names are, in turn.
    const byHash = new Map<number, number[]>();
    this.forEachName((hash, line, at) => {
      if ((lowBits[(hash & LOW_MASK) >>> 5]! & (1 << (hash & 31))) === 0 || !repeated.has(hash >>> 2)) return;
      const found = byHash.get(hash >>> 2);
      if (found) found.push(line, at);
      else byHash.set(hash >>> 2, [line, at]);
    });
    const drop: number[] = [];
    for (const found of byHash.values()) if (found.length > 2) drop.push(...this.losers(found));
    return drop.sort((a, b) => a - b);
  }

  /** Of lines (in increasing order, each followed by where its name is) whose
   * keys hash alike, the ones that lose to another with the same key. */
  private losers(found: number[]): number[] {
    const winners = new Map<string, { line: number; name: string }>();
    const losers: number[] = [];
    for (let i = 0; i < found.length; i += 2) {
      const line = found[i]!;
      const name = this.nameAt(found[i + 1]!);
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

  private append(hash: number): void {
    this.count++;
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

  /** A bitmap twice as large, from the names' hashes. Hashes already found
   * repeating stay listed; no new ones can appear (fewer bits collide less). */
  private growSeen(): void {
    this.seenBits += 1;
    this.seen = new Int32Array(1 << (this.seenBits - 5));
    this.forEachName((hash) => this.markSeen(hash));
  }

  /** Every name's key hash, line and place, in line order: the hash as
   * `add` and `addAscii` made it, worked out again from the UTF-8 kept. */
  private forEachName(visit: (hash: number, line: number, at: number) => void): void {
    let line = 0;
    for (let c = 0; c < this.names.length && line < this.count; c++) {
      const chunk = this.names[c]!;
      const used = this.chunkEnds[c] ?? this.nameUsed;
      for (let start = 0; start < used && line < this.count; line++) {
        let hash = FNV_BASIS;
        let ascii = true;
        let end = start;
        let lastNonSpace = start;
        for (let byte = chunk[end]!; byte !== 0; byte = chunk[++end]!) {
          if (byte >= 0x80) ascii = false;
          if (byte !== SPACE) lastNonSpace = end + 1;
        }
        if (ascii) {
          // CHAR padding is no part of the key (see storedKey).
          for (let i = start; i < lastNonSpace; i++) hash = foldStep(hash, chunk[i]!);
          hash = mix(hash);
        } else hash = hashOf(storedKey(chunk.toString('utf8', start, end)));
        visit(hash, line, c * NAME_CHUNK + start);
        start = end + 1;
      }
    }
  }

  /** Room for `bytes` bytes in the last chunk; returns where: chunk number and offset in one number. */
  private reserve(bytes: number): number {
    if (this.nameUsed + bytes > NAME_CHUNK) {
      if (this.names.length > 0) this.chunkEnds.push(this.nameUsed);
      // A name longer than a chunk (absurd, but possible) gets a chunk of its own.
      this.names.push(Buffer.allocUnsafe(Math.max(NAME_CHUNK, bytes)));
      this.nameUsed = 0;
    }
    const start = this.nameUsed;
    this.nameUsed += bytes;
    return (this.names.length - 1) * NAME_CHUNK + start;
  }

  private nameAt(at: number): string {
    const chunk = this.names[Math.floor(at / NAME_CHUNK)]!;
    const start = at % NAME_CHUNK;
    return chunk.toString('utf8', start, chunk.indexOf(0, start));
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

/** One step of hashOf over an ASCII code, lower-cased as nameKey would. */
function foldStep(hash: number, code: number): number {
  return Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), FNV_PRIME);
}

function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) >>> 0;
}
