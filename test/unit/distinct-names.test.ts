import { describe, expect, it } from 'vitest';
import { DistinctNames, hashOf } from '../../bridge/export/distinct-names';
import { linesToDropWithMap } from '../../bridge/export/distinct-names-map';

describe('DistinctNames', () => {
  it('drops losing spellings, later equal spellings, and earlier lines that a later spelling beats', () => {
    const names = new DistinctNames();
    for (const name of ['mbrown', 'jsmith', 'mBrown', 'mbrown', 'mBrown', 'MBROWN', 'ØYVIND', 'øyvind'])
      names.add(name);
    expect(names.size).toBe(8);
    // MBROWN (5) beats every other spelling of mbrown; ØYVIND (6) beats øyvind.
    expect(names.linesToDrop()).toEqual([0, 2, 3, 4, 7]);
  });

  it('agrees with a Map over a quarter of a million names, ASCII bytes and strings mixed', () => {
    const names = new DistinctNames();
    const all: string[] = [];
    for (let line = 0; line < 250_000; line++) {
      // Every name appears in three spellings, in an order that varies; a third are outside ASCII.
      const base = line % 3 === 0 ? `Employée-${(line * 7919) % 100_000}` : `Employee-${(line * 7919) % 100_000}`;
      const name = [base, base.toUpperCase(), base.toLowerCase()][(line * 31) % 3]!;
      all.push(name);
      if (line % 2 === 0 && /^[\x00-\x7f]*$/.test(name)) {
        const bytes = Buffer.from(`..${name}..`, 'latin1');
        names.addAscii(bytes, 2, bytes.length - 2);
      } else names.add(name);
    }
    expect(names.linesToDrop()).toEqual(linesToDropWithMap(all));
  });

  it('agrees with a Map with padded names, through the growths of its bitmap', () => {
    // 150 000 names: the bitmap grows twice, from the hashes kept.
    const names = new DistinctNames();
    const all: string[] = [];
    for (let line = 0; line < 150_000; line++) {
      const base = `u${(line * 7919) % 60_000}`;
      const variants = [base, `${base}  `, base.toUpperCase(), `Ü${base} `, `ü${base}`];
      const name = variants[(line * 13) % variants.length]!;
      all.push(name);
      if (/^[\x21-\x7e]+$/.test(name)) {
        const bytes = Buffer.from(name, 'latin1');
        names.addAscii(bytes, 0, bytes.length);
      } else names.add(name);
    }
    expect(names.linesToDrop()).toEqual(linesToDropWithMap(all));
  });

  it('tells apart different names whose keys hash alike', () => {
    // Pairs found by searching random names for equal hashes.
    expect(hashOf('z3n079z4')).toBe(hashOf('o2mmmcky'));
    expect(hashOf('kcngsfbq')).toBe(hashOf('5196tr5a'));
    const names = new DistinctNames();
    for (const name of ['z3n079z4', 'o2mmmcky', 'Z3N079Z4', 'kcngsfbq', '5196tr5a', 'o2mmmcky']) names.add(name);
    expect(names.linesToDrop()).toEqual([0, 5]);
  });

  it('keeps a name longer than a whole buffer of names', () => {
    const names = new DistinctNames();
    const long = 'x'.repeat(3 << 20);
    for (const name of ['a', long, 'b', long.toUpperCase(), long]) names.add(name);
    expect(names.linesToDrop()).toEqual([1, 4]);
  });
});
