import { describe, expect, it } from 'vitest';
import type { UserRow } from '../../bridge/core/contract';
import { onePerName, sanitize, userLine } from '../../bridge/protocol/format';
import { nameKey } from '../../bridge/protocol/usernames';

/** A row with every column NULL except those given. */
function row(values: Partial<UserRow>): UserRow {
  return {
    username: null,
    full_name: null,
    email: null,
    department: null,
    office: null,
    card_number: null,
    other_emails: null,
    card_number2: null,
    alias: null,
    home_directory: null,
    pin: null,
    ...values,
  };
}

describe('sanitize', () => {
  it('turns each run of TAB, CR and LF into one space', () => {
    expect(sanitize('Sales\tEMEA')).toBe('Sales EMEA');
    expect(sanitize('line one\r\nline two')).toBe('line one line two');
    expect(sanitize('a\t\t\r\n\n\rb')).toBe('a b');
    expect(sanitize('a\tb\nc')).toBe('a b c');
  });

  it('keeps ordinary spaces inside a value as they are', () => {
    expect(sanitize('Anne  Marie')).toBe('Anne  Marie');
    expect(sanitize('a \t b')).toBe('a   b');
  });

  it('removes the other control characters U+0000-U+001F and U+007F', () => {
    expect(sanitize('a\u0000b')).toBe('ab');
    expect(sanitize('\u0001\u0007bell\u001b[0m')).toBe('bell[0m');
    expect(sanitize('vertical\u000btab\u000cfeed')).toBe('verticaltabfeed');
    expect(sanitize('x\u001fy\u007fz')).toBe('xyz');
  });

  it('trims both ends, including line breaks there', () => {
    expect(sanitize('  Jane Smith ')).toBe('Jane Smith');
    expect(sanitize('\t\r\n jsmith \n')).toBe('jsmith');
    expect(sanitize('   ')).toBe('');
  });

  it('makes NULL and undefined empty', () => {
    expect(sanitize(null)).toBe('');
    expect(sanitize(undefined)).toBe('');
  });

  it('turns numbers into their text, keeping zero', () => {
    expect(sanitize(417)).toBe('417');
    expect(sanitize(0)).toBe('0');
    expect(sanitize(1.5)).toBe('1.5');
    expect(sanitize(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('keeps Unicode text, leading zeros and non-control punctuation', () => {
    expect(sanitize('Zoë Ñúñez')).toBe('Zoë Ñúñez');
    expect(sanitize('山田 太郎')).toBe('山田 太郎');
    expect(sanitize('Ana 😀 e\u0301')).toBe('Ana 😀 e\u0301');
    expect(sanitize('000417')).toBe('000417');
    expect(sanitize('\\\\fs01\\home\\jsmith')).toBe('\\\\fs01\\home\\jsmith');
  });
});

describe('userLine', () => {
  // The protocol's order, written out rather than taken from USER_COLUMNS.
  const full = row({
    username: 'jsmith',
    full_name: 'Jane Smith',
    email: 'jane@example.com',
    department: 'Finance',
    office: 'Berlin',
    card_number: '000417',
    other_emails: 'js@example.org',
    card_number2: '9001',
    alias: 'js',
    home_directory: '\\\\fs01\\home\\jsmith',
    pin: '4242',
  });

  it('puts the 11 fields in protocol order, tab-separated', () => {
    expect(userLine(full)?.split('\t')).toEqual([
      'jsmith',
      'Jane Smith',
      'jane@example.com',
      'Finance',
      'Berlin',
      '000417',
      'js@example.org',
      '9001',
      'js',
      '\\\\fs01\\home\\jsmith',
      '4242',
    ]);
  });

  it('is just the username when nothing else is set', () => {
    expect(userLine(row({ username: 'jsmith' }))).toBe('jsmith');
  });

  it('omits trailing empty fields but keeps inner ones', () => {
    expect(userLine(row({ username: 'jsmith', email: 'jane@example.com' }))).toBe('jsmith\t\tjane@example.com');
    expect(userLine(row({ username: 'jsmith', pin: '4242' }))).toBe(`jsmith${'\t'.repeat(10)}4242`);
  });

  it('counts fields that sanitise to empty as empty, also at the end', () => {
    expect(userLine(row({ username: 'jsmith', full_name: 'Jane', email: ' \t ', pin: '\r\n' }))).toBe('jsmith\tJane');
  });

  it('sanitises every field, so a line always has 11 fields at most', () => {
    const dirty = userLine(row({ ...full, full_name: 'Jane\tSmith', department: 'Sales\r\nEMEA', pin: ' 4242\n' }));
    expect(dirty?.split('\t')).toHaveLength(11);
    expect(dirty).not.toMatch(/[\r\n]/);
    expect(dirty?.split('\t')[1]).toBe('Jane Smith');
    expect(dirty?.split('\t')[3]).toBe('Sales EMEA');
    expect(dirty?.endsWith('\t4242')).toBe(true);
  });

  it('spells the username without its CHAR padding, and has none for a name that needs other cleaning', () => {
    expect(userLine(row({ username: 'JSmith   ' }))).toBe('JSmith');
    expect(userLine(row({ username: '  JSmith\t' }))).toBeUndefined();
  });

  it('is undefined when the username is NULL or sanitises to empty', () => {
    expect(userLine(row({ full_name: 'Nobody' }))).toBeUndefined();
    expect(userLine(row({ username: '', full_name: 'Nobody' }))).toBeUndefined();
    expect(userLine(row({ username: ' \t\r\n\u0000 ', full_name: 'Nobody' }))).toBeUndefined();
  });
});

describe('nameKey', () => {
  it('lower-cases, as PaperCut does', () => {
    expect(nameKey('JSmith')).toBe('jsmith');
    expect(nameKey('ÉMILE.Ørsted')).toBe('émile.ørsted');
  });

  it('gives two spellings of one name the same key and different names different keys', () => {
    expect(nameKey('MBrown')).toBe(nameKey('mbrown'));
    expect(nameKey('mbrown')).not.toBe(nameKey('mbrown2'));
  });
});

describe('onePerName', () => {
  const byName = (item: { name: string }) => item.name;

  it('keeps everything when no two names collide', () => {
    const items = [{ name: 'alice' }, { name: 'bob' }];
    const result = onePerName(items, byName);
    expect(result.kept).toEqual(items);
    expect(result.dropped).toBe(0);
  });

  it('keeps the spelling that sorts first in code-unit order and counts the others', () => {
    const result = onePerName([{ name: 'jsmith' }, { name: 'JSmith' }, { name: 'JSMITH' }], byName);
    // 'JSMITH' < 'JSmith' < 'jsmith': upper-case letters have smaller code units.
    expect(result.kept.map(byName)).toEqual(['JSMITH']);
    expect(result.dropped).toBe(2);
  });

  it('picks the same spelling whatever order the rows come in', () => {
    const spellings = ['mbrown', 'MBrown', 'mBrown'];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const items = order.map((index) => ({ name: spellings[index] ?? '' }));
      expect(onePerName(items, byName).kept.map(byName)).toEqual(['MBrown']);
    }
  });

  it('keeps first-appearance order of the names, not of the chosen spelling', () => {
    const result = onePerName(
      [{ name: 'zoe' }, { name: 'alice' }, { name: 'bob' }, { name: 'Zoe' }, { name: 'ALICE' }],
      byName,
    );
    expect(result.kept.map(byName)).toEqual(['Zoe', 'ALICE', 'bob']);
    expect(result.dropped).toBe(2);
  });

  it('returns the chosen items themselves', () => {
    const chosen = { name: 'Ann', id: 2 };
    const result = onePerName([{ name: 'ann', id: 1 }, chosen], byName);
    expect(result.kept[0]).toBe(chosen);
  });

  it('handles no items', () => {
    expect(onePerName([], byName)).toEqual({ kept: [], dropped: 0 });
  });
});
