import { nameKey } from './format';

/** What `DistinctNames.add` decided about a name. */
export const FIRST = -1;
export const REPEATED = -2;

const EMPTY = 0xffffffff;

/**
 * The names of an all-users answer, one per name as PaperCut sees it
 * (case-insensitively), when rows arrive in no particular order: of names that
 * collide, the one that sorts first in code-unit order wins, as in every other
 * call. A Set of a million strings costs over 100 MB; this keeps each name's
 * UTF-8 bytes in one growing buffer and an open-addressing table of typed
 * arrays, about 35 bytes a name.
 */
export class DistinctNames {
  private names: Buffer = Buffer.alloc(1 << 20);
  private used = 0;
  private count = 0;
  /** Per entry: the key's hash, where its name is in `names`, and its line. */
  private hashes: Uint32Array = new Uint32Array(1 << 10);
  private starts: Uint32Array = new Uint32Array(1 << 10);
  private lengths: Uint32Array = new Uint32Array(1 << 10);
  private lines: Uint32Array = new Uint32Array(1 << 10);
  /** Open addressing: entry index, or EMPTY. Kept at most half full. */
  private slots: Uint32Array = new Uint32Array(1 << 11).fill(EMPTY);

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
      if (this.hashes[entry] !== hash) continue;
      const listed = this.names.toString('utf8', this.starts[entry], this.starts[entry]! + this.lengths[entry]!);
      if (nameKey(listed) !== key) continue;
      if (listed <= name) return REPEATED;
      const replaced = this.lines[entry]!;
      this.store(entry, name, line);
      return replaced;
    }
  }

  private append(hash: number, name: string, line: number): number {
    const entry = this.count++;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.lines = grow(this.lines);
    }
    this.hashes[entry] = hash;
    this.store(entry, name, line);
    return entry;
  }

  private store(entry: number, name: string, line: number): void {
    const bytes = Buffer.byteLength(name);
    while (this.used + bytes > this.names.length) {
      const bigger = Buffer.alloc(this.names.length * 2);
      this.names.copy(bigger, 0, 0, this.used);
      this.names = bigger;
    }
    this.names.write(name, this.used);
    this.starts[entry] = this.used;
    this.lengths[entry] = bytes;
    this.lines[entry] = line;
    this.used += bytes;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** FNV-1a over UTF-16 code units, then a final mix so that low bits spread. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) >>> 0;
}
