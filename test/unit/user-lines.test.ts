// The all-users answer made from values: lines of any length go through the
// block, and the names of colliding lines are read back from the answer.
import { describe, expect, it } from 'vitest';
import { MemorySpool } from '../../bridge/core/spool';
import { UserLines } from '../../bridge/export/user-lines';

const row = (username: unknown, fullName = '') => [username, fullName, '', '', '', '', '', '', '', '', ''];

describe('UserLines from values', () => {
  it('keeps one line per name, whatever the lengths of the lines around it', () => {
    const huge = 'W'.repeat(200_000);
    const spool = new MemorySpool();
    const lines = new UserLines(spool);
    const rows = [
      row('Bob', huge),
      row('alice', 'Alice'),
      row('bob', 'Second Bob'),
      row('Øyvind', 'é'.repeat(30_000)),
      row(' nameless'),
      row('øyvind', 'Lower'),
      row('carol  ', 'Padded'),
      row('CAROL', huge),
      row('carol', 'Carol'),
    ];
    for (let i = 0; i < 3000; i++) rows.push(row(`user${i}`, `User ${i}`));
    rows.push(row('ALICE', 'Last'));
    for (const values of rows) lines.values(values);
    expect(lines.finish()).toEqual({ users: 3004, nameless: 1, collisions: 5 });
    const answer = spool.text.split('\n');
    // Of each name the spelling first in code-unit order: Bob, ALICE, Øyvind, CAROL.
    expect(answer.filter((line) => /^(bob|alice|øyvind|carol)\t/i.test(line))).toEqual([
      `Bob\t${huge}`,
      `Øyvind\t${'é'.repeat(30_000)}`,
      `CAROL\t${huge}`,
      'ALICE\tLast',
    ]);
    expect(answer).toContain('user2999\tUser 2999');
  });
});
