import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSpool, MemorySpool, type Spool } from '../../bridge/core/spool';

const dir = mkdtempSync(join(tmpdir(), 'papercut-bridge-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function delivered(spool: Spool): Promise<string> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await spool.deliver(sink);
  return Buffer.concat(parts).toString('utf8');
}

/** 5 000 lines, as strings and as blocks of bytes by turns, over many writes. */
function fill(spool: Spool): string[] {
  const lines = Array.from({ length: 5_000 }, (_, i) => `user${i}\tName ${'é'.repeat(i % 7)}\t${'x'.repeat(i % 50)}`);
  for (let i = 0; i < lines.length;) {
    const count = 1 + (i % 37);
    const some = lines.slice(i, i + count);
    if ((i / 37) % 2 < 1) some.forEach((line) => spool.line(line));
    else spool.appendLines(Buffer.from(some.map((line) => `${line}\n`).join('')), some.length);
    i += some.length;
  }
  return lines;
}

const DROPS = [0, 1, 2, 811, 812, 2_500, 4_998, 4_999];

describe.each([
  ['FileSpool', () => FileSpool.in(dir)],
  ['MemorySpool', () => new MemorySpool()],
])('%s', (_, make) => {
  it('delivers every line but the dropped ones, in order', async () => {
    const spool = make();
    const lines = fill(spool);
    for (const line of [2_500, 0, 4_999, 811, 1, 4_998, 812, 2]) spool.dropLine(line);
    expect(spool.lines).toBe(lines.length - DROPS.length);
    const expected = lines
      .filter((_, i) => !DROPS.includes(i))
      .map((line) => `${line}\n`)
      .join('');
    expect(await delivered(spool)).toBe(expected);
    // Read again, in pieces, for the snapshot.
    expect(Buffer.concat([...spool.chunks()].map((piece) => Buffer.from(piece))).toString('utf8')).toBe(expected);
  });
});

describe.each([
  ['FileSpool', () => FileSpool.in(dir)],
  ['MemorySpool', () => new MemorySpool()],
])('%s, read back', (_, make) => {
  it('gives the bytes collected so far from any offset, lines still waiting in its buffer included', () => {
    const spool = make();
    const answer = Buffer.from(
      fill(spool)
        .map((line) => `${line}\n`)
        .join(''),
    );
    spool.line('last\twaiting');
    const whole = Buffer.concat([answer, Buffer.from('last\twaiting\n')]);
    for (const offset of [0, 1, 811, 65_535, answer.length - 3, answer.length]) {
      const into = Buffer.alloc(100);
      const read = spool.readAnswer(offset, into);
      expect(read).toBe(Math.min(100, whole.length - offset));
      expect(into.subarray(0, read).equals(whole.subarray(offset, offset + read))).toBe(true);
    }
    expect(spool.readAnswer(whole.length, Buffer.alloc(10))).toBe(0);
    spool.discard();
  });
});
