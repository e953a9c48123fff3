import { describe, expect, it } from 'vitest';
import { DistinctNames, FIRST, REPEATED } from '../../bridge/protocol/distinct-names';

describe('DistinctNames', () => {
  it('tells a new name, a losing spelling and a winning one apart', () => {
    const names = new DistinctNames();
    expect(names.add('mbrown', 0)).toBe(FIRST);
    expect(names.add('jsmith', 1)).toBe(FIRST);
    expect(names.add('mBrown', 2)).toBe(0); // replaces line 0
    expect(names.add('mbrown', 3)).toBe(REPEATED);
    expect(names.add('mBrown', 4)).toBe(REPEATED); // the same spelling again
    expect(names.add('MBROWN', 5)).toBe(2); // replaces line 2
    expect(names.add('ØYVIND', 6)).toBe(FIRST);
    expect(names.add('øyvind', 7)).toBe(REPEATED);
    expect(names.size).toBe(3);
  });

  it('agrees with a Map over a quarter of a million names, past every initial capacity', () => {
    const names = new DistinctNames();
    const winners = new Map<string, { name: string; line: number }>();
    const kept = new Set<number>();
    for (let line = 0; line < 250_000; line++) {
      // Every name appears in three spellings, in an order that varies.
      const base = `Émployée-${(line * 7919) % 100_000}`;
      const name = [base, base.toUpperCase(), base.toLowerCase()][(line * 31) % 3]!;
      const outcome = names.add(name, line);
      const key = name.toLowerCase();
      const previous = winners.get(key);
      if (!previous) {
        expect(outcome).toBe(FIRST);
      } else if (previous.name <= name) {
        expect(outcome).toBe(REPEATED);
        continue;
      } else {
        expect(outcome).toBe(previous.line);
        kept.delete(previous.line);
      }
      winners.set(key, { name, line });
      kept.add(line);
    }
    expect(names.size).toBe(winners.size);
    expect(kept.size).toBe(winners.size);
  });
});
