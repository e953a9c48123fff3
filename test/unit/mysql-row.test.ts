// MySQL text-protocol rows, framed as the protocol documents them: each value
// after a length-encoded integer (one byte under 251; 0xFC + 2 bytes; 0xFD +
// 3 bytes), NULL as the byte 0xFB.
import { describe, expect, it } from 'vitest';
import { mysqlRowValues, userLineFromMysqlRow } from '../../bridge/export/mysql-row';
import { NAMELESS, NEEDS_DECODING } from '../../bridge/export/raw-row';

function row(...values: (string | Buffer | null)[]): Buffer {
  return Buffer.concat(
    values.map((value) => {
      if (value === null) return Buffer.from([0xfb]);
      const bytes = Buffer.from(value);
      const length = bytes.length;
      const prefix =
        length < 251
          ? Buffer.from([length])
          : length < 1 << 16
            ? Buffer.from([0xfc, length & 0xff, length >> 8])
            : Buffer.from([0xfd, length & 0xff, (length >> 8) & 0xff, length >> 16]);
      return Buffer.concat([prefix, bytes]);
    }),
  );
}

/** userLineFromMysqlRow's answer, as text, or the marker it returned; the row sits between other bytes. */
function convert(payload: Buffer): string | number {
  const source = Buffer.concat([Buffer.from('head'), payload, Buffer.from('tail')]);
  const target = Buffer.alloc(payload.length + 8, 0x2a);
  const end = userLineFromMysqlRow(source, 4, 4 + payload.length, target, 3);
  return end < 0 ? end : target.toString('utf8', 3, end);
}

describe('MySQL text rows', () => {
  it('pass clean values through, NULLs empty and trailing empty fields left out', () => {
    expect(convert(row('jsmith', 'John Smith', null, 'Finance', '', null))).toBe('jsmith\tJohn Smith\t\tFinance');
    expect(convert(row('jsmith', null, ''))).toBe('jsmith');
    expect(convert(row('jsmith', 'Bjørn Ødegård', '€'))).toBe('jsmith\tBjørn Ødegård\t€');
  });

  it('read lengths of two and three bytes', () => {
    const long = 'x'.repeat(300);
    const longer = 'y'.repeat(70_000);
    expect(convert(row('jsmith', long, longer, 'end'))).toBe(`jsmith\t${long}\t${longer}\tend`);
    expect(mysqlRowValues(row(long, null, longer), 0, row(long, null, longer).length)).toEqual([long, null, longer]);
  });

  it('report a row without a username', () => {
    expect(convert(row(null, 'John'))).toBe(NAMELESS);
    expect(convert(row('', 'John'))).toBe(NAMELESS);
  });

  it('leave to decoding what they cannot vouch for', () => {
    for (const values of [
      ['a', 'tab\there'],
      ['a', 'bell\u0007'],
      ['a', 'del\u007f'],
      [' a'],
      ['a', 'b '],
      ['a', '\u00a0b'],
      ['a', 'b\u3000'],
      ['Øyvind', 'b'],
    ]) {
      expect(convert(row(...values)), JSON.stringify(values)).toBe(NEEDS_DECODING);
    }
    expect(convert(row('a', Buffer.from([0x62, 0xff])))).toBe(NEEDS_DECODING);
  });

  it('decode values as UTF-8, NULL as null', () => {
    const payload = row('Øyvind', null, '', 'tab\there', Buffer.from([0x62, 0xff]));
    expect(mysqlRowValues(payload, 0, payload.length)).toEqual(['Øyvind', null, '', 'tab\there', 'b\ufffd']);
  });
});
