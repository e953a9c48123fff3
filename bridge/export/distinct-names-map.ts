import { compareCodeUnits } from '../protocol/format';
import { storedKey } from '../protocol/usernames';

/** What DistinctNames answers, worked out the plain way, with a Map of every
 * key: the oracle its tests compare it with, not used by any call (it would
 * hold a million names as strings). */
export function linesToDropWithMap(names: readonly string[]): number[] {
  const winners = new Map<string, number>();
  names.forEach((name, line) => {
    const key = storedKey(name);
    const winner = winners.get(key);
    if (winner === undefined || compareCodeUnits(name, names[winner]!) < 0) winners.set(key, line);
  });
  const kept = new Set(winners.values());
  return names.map((_, line) => line).filter((line) => !kept.has(line));
}
