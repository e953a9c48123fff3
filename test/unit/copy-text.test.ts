import { describe, expect, it } from 'vitest';
import { copyValues, userLineFromCopy } from '../../bridge/export/copy-text';
import { NAMELESS, NEEDS_DECODING } from '../../bridge/export/raw-row';

/** userLineFromCopy's answer for one line, as text, or the marker it returned. */
function convert(line: string): string | number {
  const source = Buffer.from(`${line}\n`);
  const target = Buffer.alloc(source.length + 8, 0x2a);
  const end = userLineFromCopy(source, 0, source.length - 1, target, 4);
  return end < 0 ? end : target.toString('utf8', 4, end);
}

describe('COPY text', () => {
  it('decodes escapes and NULL', () => {
    expect(copyValues('a\\tb\\\\c\t\\N\t\\n\\r\\b\\f\\v\t\\101\\x41\t')).toEqual([
      'a\tb\\c',
      null,
      '\n\r\b\f\v',
      'AA',
      '',
    ]);
  });

  it('passes clean lines through, NULLs empty and trailing empty fields left out', () => {
    expect(convert('jsmith\tJohn Smith\t\\N\tFinance\t\\N\t\\N')).toBe('jsmith\tJohn Smith\t\tFinance');
    expect(convert('jsmith\t\t\t')).toBe('jsmith');
    expect(convert('jsmith\tBjørn Ødegård\t€')).toBe('jsmith\tBjørn Ødegård\t€');
  });

  it('reports a line without a username', () => {
    expect(convert('\\N\tJohn')).toBe(NAMELESS);
    expect(convert('\tJohn')).toBe(NAMELESS);
  });

  it('leaves to decoding what it cannot vouch for', () => {
    for (const line of [
      'a\\tb', // an escape
      'a\tb\\\\c', // a backslash
      'a\tb\u0001', // a control character
      'a\tb\u007f', // DEL
      ' a', // a space trim would remove
      'a\tb ',
      'a\t\u00a0b', // NBSP, which trim removes too
      'a\tb\u3000',
      'Øyvind\tb', // a username outside ASCII
      'a\t\\Nx', // not a NULL
    ]) {
      expect(convert(line), JSON.stringify(line)).toBe(NEEDS_DECODING);
    }
    const notUtf8 = Buffer.from('a\tb\xff\n', 'latin1');
    expect(userLineFromCopy(notUtf8, 0, notUtf8.length - 1, Buffer.alloc(8), 0)).toBe(NEEDS_DECODING);
  });
});
