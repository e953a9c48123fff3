// CopyOut reads PostgreSQL's COPY messages straight from the socket. The
// messages here are framed as the protocol documents them: a type byte, then
// a 4-byte length that counts itself, then the body.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CopyOut } from '../../bridge/export/pg-copy-out';

const message = (type: string, body: Buffer | string = '') => {
  const content = Buffer.from(body);
  const framed = Buffer.alloc(5 + content.length);
  framed.write(type, 0, 'latin1');
  framed.writeUInt32BE(4 + content.length, 1);
  content.copy(framed, 5);
  return framed;
};

const COPY_OUT_RESPONSE = message('H', Buffer.from([0, 0, 1, 0, 0]));
const ROWS = ['jsmith\tJohn Smith', '', 'é\t\\N'];
const AFTER = Buffer.concat([message('c'), message('C', 'COPY 3\0'), message('Z', 'I')]);
const STREAM = Buffer.concat([COPY_OUT_RESPONSE, ...ROWS.map((row) => message('d', `${row}\n`)), AFTER]);

/** A connection whose socket is an EventEmitter; pg's own reader is a listener that keeps what it gets. */
function fakeConnection() {
  const stream = new EventEmitter();
  const pgGot: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => pgGot.push(Buffer.from(chunk)));
  return { connection: { stream, query: () => undefined }, stream, pgGot: () => Buffer.concat(pgGot) };
}

describe('CopyOut', () => {
  it('hands on each row, and everything after the rows back to pg, wherever the chunks end', () => {
    for (let first = 0; first <= STREAM.length; first++) {
      for (let second = first; second <= STREAM.length; second++) {
        const { connection, stream, pgGot } = fakeConnection();
        const rows: string[] = [];
        new CopyOut('copy', (buffer, start, end) => rows.push(buffer.toString('utf8', start, end))).submit(connection);
        for (const [from, to] of [
          [0, first],
          [first, second],
          [second, STREAM.length],
        ]) {
          if (to! > from!) stream.emit('data', Buffer.from(STREAM.subarray(from, to)));
        }
        expect(rows).toEqual(ROWS);
        expect(pgGot().equals(AFTER)).toBe(true);
      }
    }
  });

  it('gives the socket back at an error, and fails with it', async () => {
    const { connection, stream, pgGot } = fakeConnection();
    const copy = new CopyOut('copy', () => undefined);
    copy.submit(connection);
    const error = message('E', 'SERROR\0Mrelation does not exist\0\0');
    stream.emit('data', Buffer.concat([error, message('Z', 'I')]));
    expect(pgGot()[0]).toBe('E'.charCodeAt(0));
    // pg then reports the error it parsed.
    copy.handleError(new Error('relation does not exist'));
    await expect(copy.done).rejects.toThrow('relation does not exist');
  });

  it('fails when a row cannot be handled, and reads the rest without handing it on', async () => {
    const { connection, stream, pgGot } = fakeConnection();
    const rows: string[] = [];
    const copy = new CopyOut('copy', (buffer, start, end) => {
      rows.push(buffer.toString('utf8', start, end));
      throw new Error('disk full');
    });
    copy.submit(connection);
    stream.emit('data', STREAM);
    expect(rows).toEqual([ROWS[0]]);
    expect(pgGot().equals(AFTER)).toBe(true);
    copy.handleReadyForQuery();
    await expect(copy.done).rejects.toThrow('disk full');
  });

  it('takes rows that pg parsed itself, after a notice', async () => {
    const { connection, stream } = fakeConnection();
    const rows: string[] = [];
    const copy = new CopyOut('copy', (buffer, start, end) => rows.push(buffer.toString('utf8', start, end)));
    copy.submit(connection);
    stream.emit('data', Buffer.concat([COPY_OUT_RESPONSE, message('d', 'a\n'), message('N', 'SNOTICE\0\0')]));
    copy.handleCopyData({ chunk: Buffer.from('b\n') });
    copy.handleReadyForQuery();
    await copy.done;
    expect(rows).toEqual(['a', 'b']);
  });
});
