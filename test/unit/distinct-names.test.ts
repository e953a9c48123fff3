import { describe, expect, it } from 'vitest';
import { DistinctNames, hashOf, type AnswerReader } from '../../bridge/export/distinct-names';
import { linesToDropWithMap } from '../../bridge/export/distinct-names-map';

/** Names added as UserLines adds them: each begins its answer line without
 * its padding, followed by a TAB and more fields, or by the LF alone. ASCII
 * names without padding go in as bytes when `asBytes` says so. */
function answerOf(stored: readonly string[], asBytes: (line: number) => boolean = () => false) {
  const names = new DistinctNames();
  const lines: Buffer[] = [];
  let offset = 0;
  stored.forEach((name, line) => {
    const shown = name.replace(/ +$/, '');
    const bytes = Buffer.from(line % 5 === 0 ? `${shown}\n` : `${shown}\tFull Name ${line}\t\tdept\n`);
    if (asBytes(line) && shown === name && /^[\x00-\x7f]*$/.test(name)) names.addAscii(bytes, 0, name.length, offset);
    else names.add(name, offset);
    lines.push(bytes);
    offset += bytes.length;
  });
  const answer = Buffer.concat(lines);
  /** Reads at most `most` bytes at a time, as a file read may. */
  const reader =
    (most = Infinity): AnswerReader =>
    (from, into) =>
      from >= answer.length ? 0 : answer.copy(into, 0, from, Math.min(answer.length, from + into.length, from + most));
  return { names, reader };
}

describe('DistinctNames', () => {
  it('drops losing spellings, later equal spellings, and earlier lines that a later spelling beats', () => {
    const { names, reader } = answerOf([
      'mbrown',
      'jsmith',
      'mBrown',
      'mbrown',
      'mBrown',
      'MBROWN',
      'ØYVIND',
      'øyvind',
    ]);
    expect(names.size).toBe(8);
    // MBROWN (5) beats every other spelling of mbrown; ØYVIND (6) beats øyvind.
    expect(names.linesToDrop(reader())).toEqual([0, 2, 3, 4, 7]);
  });

  it('agrees with a Map over a quarter of a million names, ASCII bytes and strings mixed', () => {
    const all: string[] = [];
    for (let line = 0; line < 250_000; line++) {
      // Every name appears in three spellings, in an order that varies; a third are outside ASCII.
      const base = line % 3 === 0 ? `Employée-${(line * 7919) % 100_000}` : `Employee-${(line * 7919) % 100_000}`;
      all.push([base, base.toUpperCase(), base.toLowerCase()][(line * 31) % 3]!);
    }
    const { names, reader } = answerOf(all, (line) => line % 2 === 0);
    expect(names.linesToDrop(reader())).toEqual(linesToDropWithMap(all));
  });

  it('agrees with a Map with padded names, through the growths of its bitmap', () => {
    // 150 000 names: the bitmap grows twice, from the hashes kept.
    const all: string[] = [];
    for (let line = 0; line < 150_000; line++) {
      const base = `u${(line * 7919) % 60_000}`;
      const variants = [base, `${base}  `, base.toUpperCase(), `Ü${base} `, `ü${base}`];
      all.push(variants[(line * 13) % variants.length]!);
    }
    const { names, reader } = answerOf(all, () => true);
    expect(names.linesToDrop(reader())).toEqual(linesToDropWithMap(all));
  });

  it('reads names back across reads that stop anywhere, inside a line or a letter', () => {
    const all: string[] = [];
    for (let line = 0; line < 20_000; line++) all.push([`Åsa${line % 3000}`, `åsa${line % 3000}`][line % 2]!);
    for (const most of [1, 2, 7, 4096]) {
      const { names, reader } = answerOf(all);
      expect(names.linesToDrop(reader(most))).toEqual(linesToDropWithMap(all));
    }
  });

  it('tells apart different names whose keys hash alike', () => {
    // Pairs found by searching random names for equal hashes.
    expect(hashOf('z3n079z4')).toBe(hashOf('o2mmmcky'));
    expect(hashOf('kcngsfbq')).toBe(hashOf('5196tr5a'));
    const { names, reader } = answerOf(['z3n079z4', 'o2mmmcky', 'Z3N079Z4', 'kcngsfbq', '5196tr5a', 'o2mmmcky']);
    expect(names.linesToDrop(reader())).toEqual([0, 5]);
  });

  it('reads back a name longer than what it reads at a time', () => {
    const long = 'x'.repeat(3 << 20);
    const { names, reader } = answerOf(['a', long, 'b', long.toUpperCase(), long]);
    expect(names.linesToDrop(reader())).toEqual([1, 4]);
  });

  it('says so when the answer ends before a line it needs', () => {
    const { names } = answerOf(['a', 'A']);
    expect(() => names.linesToDrop(() => 0)).toThrow(/ends before line/);
  });
});
