import { describe, expect, it } from 'vitest';
import { sanitize } from '../../bridge/protocol/format';
import {
  belongsTo,
  likeAnyCase,
  MAX_PADDING,
  nameKey,
  storedKey,
  usableName,
  userPerName,
} from '../../bridge/protocol/usernames';

describe('usableName', () => {
  it('takes trailing ASCII spaces for CHAR padding', () => {
    expect(usableName('bob')).toBe('bob');
    expect(usableName('bob   ')).toBe('bob');
    expect(usableName(`bob${' '.repeat(MAX_PADDING)}`)).toBe('bob');
    expect(usableName(`bob${' '.repeat(MAX_PADDING + 1)}`)).toBeUndefined();
    expect(usableName('two words')).toBe('two words');
    expect(usableName(417)).toBe('417');
  });

  it('has no name for one that needs any other cleaning', () => {
    for (const stored of [
      null,
      '',
      '   ',
      ' bob',
      'bob\u00a0',
      '\u00a0bob',
      'bob\u3000',
      '\ufeffbob',
      'bo\ufeffb',
      'bob\u0001',
      'bob\t',
      'bob\u007f',
      'bob\u0085',
      'bob\u2028',
      'bob\u2029',
      'bob\u200b',
      'bob\u202e',
      'bob\u2007',
      'bob\ud800',
      '\u0130nci',
      '\u212aate',
    ]) {
      expect({ stored, name: usableName(stored) }).toEqual({ stored, name: undefined });
    }
  });

  it('gives only names that sanitize leaves as they are', () => {
    for (const stored of ['José', 'Øyvind', '张伟', 'emoji 😀', 'a\u0307']) {
      expect(usableName(stored)).toBe(stored);
      expect(sanitize(stored)).toBe(stored);
    }
  });
});

describe('nameKey over every usable character', () => {
  // What the lookups rely on: names of one key have the same length, and the
  // same ASCII characters (case aside) in the same places.
  it('keeps the length, and never folds a character into or out of ASCII', () => {
    const crossing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (usableName(`a${char}`) === undefined) continue;
      const lower = nameKey(char);
      if ([...lower].length !== 1 || lower.length !== char.length || code < 0x80 !== lower.codePointAt(0)! < 0x80) {
        crossing.push(code.toString(16));
      }
    }
    expect(crossing).toEqual([]);
  });

  it('keys a stored name without its padding', () => {
    expect(storedKey('MBrown  ')).toBe('mbrown');
    expect(storedKey('MBrown')).toBe(nameKey('mbrown'));
  });
});

describe('likeAnyCase', () => {
  it('keeps ASCII literal, and lets any run of other characters and the padding through', () => {
    expect(likeAnyCase('jsmith')).toBe('jsmith%');
    expect(likeAnyCase('50%_off[1]!')).toBe('50!%!_off![1!]!!%');
    expect(likeAnyCase('Øyvind Sæther')).toBe('%yvind S%ther%');
  });
});

describe('userPerName', () => {
  it('picks, per name, the row whose stored name sorts first, padding last', () => {
    const rows = ['mbrown', 'MBrown  ', 'MBrown', 'bob   ', 'bob', ' bob', 'bob\u00a0'];
    const chosen = userPerName(rows, (row) => row);
    expect([...chosen]).toEqual([
      ['mbrown', 'MBrown'],
      ['bob', 'bob'],
    ]);
  });
});

describe('belongsTo', () => {
  const owner = { stored: 'alice', name: 'alice', spellings: ['alice', 'alice  ', 'Alice'] };

  it("takes a row under the owner's own spelling, or under one no user row has", () => {
    expect(belongsTo('alice', owner)).toBe(true);
    expect(belongsTo('alice   ', owner)).toBe(true);
  });

  it("never takes a row stored under another row's spelling, nor another name", () => {
    expect(belongsTo('alice  ', owner)).toBe(false);
    expect(belongsTo('Alice', owner)).toBe(false);
    expect(belongsTo('ALICE', owner)).toBe(false);
    expect(belongsTo('ALICE', owner, true)).toBe(true);
    expect(belongsTo('alice\u00a0', owner, true)).toBe(false);
    expect(belongsTo('alicia', owner, true)).toBe(false);
  });
});
