import { describe, expect, it } from 'vitest';
import {
  BridgeError,
  configError,
  EXIT_STATUS,
  inputError,
  notFound,
  usageError,
  type ErrorCode,
} from '../../bridge/core/errors';

describe('BridgeError', () => {
  // sysexits.h: EX_USAGE, EX_DATAERR, EX_NOUSER, EX_UNAVAILABLE, EX_SOFTWARE, EX_IOERR, EX_TEMPFAIL, EX_CONFIG.
  const expected: [ErrorCode, number][] = [
    ['usage', 64],
    ['input', 65],
    ['not-found', 67],
    ['unavailable', 69],
    ['software', 70],
    ['io', 74],
    ['guard', 75],
    ['config', 78],
  ];

  it.each(expected)('exits with %s -> %i', (code, status) => {
    expect(new BridgeError(code, 'x').exitStatus).toBe(status);
    expect(EXIT_STATUS[code]).toBe(status);
  });

  it('has no other codes, and no code exits 0', () => {
    expect(Object.keys(EXIT_STATUS).sort()).toEqual(expected.map(([code]) => code).sort());
    expect(Object.values(EXIT_STATUS)).not.toContain(0);
  });

  it('is an Error with its message and cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new BridgeError('unavailable', 'cannot connect', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('cannot connect');
    expect(error.cause).toBe(cause);
  });

  it('has helpers that set the right code', () => {
    expect(usageError('u').code).toBe('usage');
    expect(inputError('i').code).toBe('input');
    expect(notFound('n').code).toBe('not-found');
    expect(configError('c').code).toBe('config');
    expect(notFound('unknown user jsmith').exitStatus).toBe(67);
    expect(configError('c')).toBeInstanceOf(BridgeError);
  });
});
