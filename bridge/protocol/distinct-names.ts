import { nameKey } from './format';

/** What `DistinctNames.add` decided about a name. */
export const FIRST = -1;
export const REPEATED = -2;

const EMPTY = 0xffffffff;
/** Entries are kept in arrays of 2^16 and names in buffers of 1 MiB that are
 * never reallocated: growing by copying leaves the old arrays to the garbage
 * collector, which at a million names doubled the memory used. */
const ENTRY_BITS = 16;
const ENTRY_MASK = (1 << ENTRY_BITS) - 1;
const NAME_BITS = 20;
const NAME_CHUNK = 1 << NAME_BITS;

/**
 * The names of an all-users answer, one per name as PaperCut sees it
 * (case-insensitively), when rows arrive in no particular order: of names that
 * collide, the one that sorts first in code-unit order wins, as in every other
 * call. A Set of a million strings costs over 100 MB; this keeps each name's
 * UTF-8 bytes, NUL-terminated (sanitised names hold no control characters),
 * and an open-addressing table of typed arrays: about 30 bytes a name.
 */
export class DistinctNames {
  private count = 0;
  /** Per entry: the key's hash, where its name starts, and its answer line. */
  private readonly hashes: Uint32Array[] = [];
  private readonly starts: Uint32Array[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly names: Buffer[] = [];
  private nameUsed = NAME_CHUNK;
  /** Open addressing: entry index, or EMPTY. Kept at most half full. */
  private slots: Uint32Array = new Uint32Array(1 << 12).fill(EMPTY);

  get size(): number {
    return this.count;
  }

  /**
   * Records `name`, found on answer line `line`. Returns FIRST for a new
   * name; REPEATED when this spelling loses to one already listed (leave this
   * line out); otherwise the earlier line this spelling replaces (leave that
   * one out).
   */
  add(name: string, line: number): number {
    const key = nameKey(name);
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) {
        this.slots[slot] = this.append(hash, name, line);
        if (this.count * 2 > this.slots.length) this.rehash();
        return FIRST;
      }
      if (this.field(this.hashes, entry) !== hash) continue;
      const listed = this.nameOf(entry);
      if (nameKey(listed) !== key) continue;
      if (listed <= name) return REPEATED;
      const replaced = this.field(this.lines, entry);
      this.setField(this.starts, entry, this.storeName(name));
      this.setField(this.lines, entry, line);
      return replaced;
    }
  }

  private append(hash: number, name: string, line: number): number {
    const entry = this.count++;
    if ((entry & ENTRY_MASK) === 0) {
      for (const column of [this.hashes, this.starts, this.lines]) column.push(new Uint32Array(1 << ENTRY_BITS));
    }
    this.setField(this.hashes, entry, hash);
    this.setField(this.starts, entry, this.storeName(name));
    this.setField(this.lines, entry, line);
    return entry;
  }

  private field(column: Uint32Array[], entry: number): number {
    return column[entry >>> ENTRY_BITS]![entry & ENTRY_MASK]!;
  }

  private setField(column: Uint32Array[], entry: number, value: number): void {
    column[entry >>> ENTRY_BITS]![entry & ENTRY_MASK] = value;
  }

  /** Stores the name, returns where: chunk number and offset in one number. */
  private storeName(name: string): number {
    const bytes = Buffer.byteLength(name) + 1;
    if (this.nameUsed + bytes > NAME_CHUNK) {
      // A name longer than a chunk (absurd, but possible) gets a chunk of its own.
      this.names.push(Buffer.allocUnsafe(Math.max(NAME_CHUNK, bytes)));
      this.nameUsed = 0;
    }
    const chunk = this.names.length - 1;
    const start = this.nameUsed;
    this.names[chunk]!.write(name, start);
    this.names[chunk]![start + bytes - 1] = 0;
    this.nameUsed += bytes;
    return chunk * NAME_CHUNK + start;
  }

  private nameOf(entry: number): string {
    const at = this.field(this.starts, entry);
    const chunk = this.names[Math.floor(at / NAME_CHUNK)]!;
    const start = at % NAME_CHUNK;
    return chunk.toString('utf8', start, chunk.indexOf(0, start));
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.field(this.hashes, entry) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units, then a final mix so that low bits spread. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) >>> 0;
}
