import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../bridge/core/errors';
import { decodeLines, readStdinLines, writeAll, type ReadLinesOptions } from '../../bridge/core/io';
import { MemorySpool } from '../../bridge/core/spool';

const OPTIONS: ReadLinesOptions = { lines: 2, maxBytes: 1024, timeoutMs: 2_000 };

/** A stdin that delivers `chunks` and then ends (or stays open). */
function stdin(chunks: (string | Buffer)[], { end = true } = {}): PassThrough {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  if (end) stream.end();
  return stream;
}

async function inputFailure(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).code).toBe('input');
  return error as BridgeError;
}

describe('decodeLines', () => {
  it('returns exactly the lines asked for', () => {
    expect(decodeLines(Buffer.from('alice\nsecret\nextra\n'), 2)).toEqual(['alice', 'secret']);
  });

  it('strips one trailing CR per line, and only there', () => {
    expect(decodeLines(Buffer.from('alice\r\nse\rcret\r\n'), 2)).toEqual(['alice', 'se\rcret']);
    expect(decodeLines(Buffer.from('alice\r\r\n'), 1)).toEqual(['alice\r']);
  });

  it('accepts a last line without a newline', () => {
    expect(decodeLines(Buffer.from('alice\nsecret'), 2)).toEqual(['alice', 'secret']);
  });

  it('fills missing lines with empty strings', () => {
    expect(decodeLines(Buffer.from('alice\n'), 2)).toEqual(['alice', '']);
    expect(decodeLines(Buffer.alloc(0), 2)).toEqual(['', '']);
  });

  it('keeps spaces, which may be part of a password', () => {
    expect(decodeLines(Buffer.from(' alice \n  pass word  \n'), 2)).toEqual([' alice ', '  pass word  ']);
  });

  it('decodes UTF-8', () => {
    expect(decodeLines(Buffer.from('zoë\n密码\n'), 2)).toEqual(['zoë', '密码']);
  });

  it('refuses a NUL byte in a line it needs', () => {
    expect(() => decodeLines(Buffer.from('ali\u0000ce\nsecret\n'), 2)).toThrow(BridgeError);
    expect(() => decodeLines(Buffer.from('alice\nsec\u0000ret\n'), 2)).toThrow(/line 2 .*NUL/);
  });

  it('refuses invalid UTF-8, including a lone byte of a multi-byte character', () => {
    expect(() => decodeLines(Buffer.from([0x61, 0xff, 0x0a]), 1)).toThrow(/not valid UTF-8/);
    expect(() => decodeLines(Buffer.from([0x70, 0xc3, 0x0a]), 1)).toThrow(BridgeError);
    // An overlong encoding of '/', a classic way round naive validation.
    expect(() => decodeLines(Buffer.from([0xc0, 0xaf, 0x0a]), 1)).toThrow(BridgeError);
  });

  it('ignores whatever comes after the lines it needs', () => {
    expect(decodeLines(Buffer.from([0x61, 0x0a, 0xff, 0x00]), 1)).toEqual(['a']);
  });
});

describe('readStdinLines', () => {
  it('reads the lines and strips CRLF', async () => {
    await expect(readStdinLines(stdin(['alice\r\nsecret\r\n']), OPTIONS)).resolves.toEqual(['alice', 'secret']);
  });

  it('accepts a missing final newline', async () => {
    await expect(readStdinLines(stdin(['alice\nsecret']), OPTIONS)).resolves.toEqual(['alice', 'secret']);
  });

  it('gives empty strings for lines that never came', async () => {
    await expect(readStdinLines(stdin(['alice\n']), OPTIONS)).resolves.toEqual(['alice', '']);
    await expect(readStdinLines(stdin([]), OPTIONS)).resolves.toEqual(['', '']);
  });

  it('joins chunks, even one that splits a UTF-8 character', async () => {
    const bytes = Buffer.from('jsmith\npässwörd\n');
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of 'ä'
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, cut), bytes.subarray(cut)];
    await expect(readStdinLines(stdin(chunks), OPTIONS)).resolves.toEqual(['jsmith', 'pässwörd']);
  });

  it('resolves once the lines are in, without waiting for EOF', async () => {
    const open = stdin(['alice\nsecret\n'], { end: false });
    const started = Date.now();
    await expect(readStdinLines(open, { ...OPTIONS, timeoutMs: 10_000 })).resolves.toEqual(['alice', 'secret']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops listening once it has its answer', async () => {
    const open = stdin(['alice\nsecret\n'], { end: false });
    await readStdinLines(open, OPTIONS);
    expect(open.listenerCount('data')).toBe(0);
    expect(open.listenerCount('end')).toBe(0);
  });

  it('refuses a NUL byte', async () => {
    await inputFailure(readStdinLines(stdin(['alice\nsec\u0000ret\n']), OPTIONS));
  });

  it('refuses invalid UTF-8', async () => {
    await inputFailure(readStdinLines(stdin([Buffer.from([0x61, 0x0a, 0x70, 0xff, 0x0a])]), OPTIONS));
  });

  it('refuses input longer than maxBytes, even before the lines are complete', async () => {
    const open = stdin(['a'.repeat(100)], { end: false });
    const error = await inputFailure(readStdinLines(open, { ...OPTIONS, maxBytes: 64 }));
    expect(error.message).toContain('64');
  });

  it('accepts input of exactly maxBytes', async () => {
    const text = 'alice\nsecret\n';
    await expect(readStdinLines(stdin([text]), { ...OPTIONS, maxBytes: Buffer.byteLength(text) })).resolves.toEqual([
      'alice',
      'secret',
    ]);
  });

  it('gives up after timeoutMs when the lines do not come', async () => {
    const silent = stdin([], { end: false });
    const started = Date.now();
    await inputFailure(readStdinLines(silent, { ...OPTIONS, timeoutMs: 30 }));
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not answer with partial input on timeout', async () => {
    const half = stdin(['alice\n'], { end: false });
    await inputFailure(readStdinLines(half, { ...OPTIONS, timeoutMs: 30 }));
  });

  it('turns a stream error into an input error', async () => {
    const broken = stdin([], { end: false });
    const reading = readStdinLines(broken, OPTIONS);
    broken.destroy(new Error('EPIPE'));
    await inputFailure(reading);
  });
});

describe('MemorySpool', () => {
  it('collects lines, each ending in a newline', () => {
    const spool = new MemorySpool();
    expect(spool.text).toBe('');
    spool.line('Y');
    spool.line('');
    spool.line('jsmith\tJane Smith');
    expect(spool.text).toBe('Y\n\njsmith\tJane Smith\n');
    expect(spool.lines).toBe(3);
  });
});

describe('writeAll', () => {
  it('writes the text and resolves', async () => {
    const out = new PassThrough();
    await writeAll(out, 'OK\njsmith\n');
    expect(out.read()?.toString()).toBe('OK\njsmith\n');
  });

  it('writes nothing for empty text', async () => {
    const out = new PassThrough();
    await writeAll(out, '');
    expect(out.read()).toBeNull();
  });
});
