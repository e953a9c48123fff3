import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { Log, oneLine, redactUrl } from '../../bridge/core/log';

/** A stderr stand-in that records each write. */
function capture(): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      writes.push(chunk.toString());
      done();
    },
  });
  return { stream, writes };
}

describe('redactUrl', () => {
  it('masks the password of a postgres URL and keeps the user', () => {
    expect(redactUrl('postgres://bridge:s3cret@db.example.com:5432/erp')).toBe(
      'postgres://bridge:***@db.example.com:5432/erp',
    );
  });

  it('masks mysql, mariadb and mssql URLs too', () => {
    expect(redactUrl('mysql://root:hunter2@localhost/erp')).toBe('mysql://root:***@localhost/erp');
    expect(redactUrl('mariadb://root:hunter2@localhost/erp')).toBe('mariadb://root:***@localhost/erp');
    expect(redactUrl('mssql://sa:P4ssw0rd!@sql01:1433/erp')).toBe('mssql://sa:***@sql01:1433/erp');
  });

  it('masks a URL with a password and no user', () => {
    const masked = redactUrl('postgres://:s3cret@db/erp');
    expect(masked).not.toContain('s3cret');
    expect(masked).toBe('postgres://***@db/erp');
  });

  it('masks every URL in a longer message', () => {
    const message = 'cannot reach postgres://a:one@db1/erp, nor mysql://b:two@db2/erp';
    const masked = redactUrl(message);
    expect(masked).not.toMatch(/one|two/);
    expect(masked).toBe('cannot reach postgres://a:***@db1/erp, nor mysql://b:***@db2/erp');
  });

  it('leaves text without credentials alone', () => {
    for (const text of [
      'postgres://db.example.com:5432/erp',
      'connect ECONNREFUSED 10.0.0.5:5432',
      'user jsmith@example.com not found',
      'C:\\PaperCut\\papercut-bridge.env',
    ]) {
      expect(redactUrl(text)).toBe(text);
    }
  });

  // URL parsers end the user info at the LAST '@' of the authority.
  it('keeps no part of a password that contains an unencoded @', () => {
    expect(new URL('mssql://sa:P@ssw0rd@sql01/erp').hostname).toBe('sql01');
    expect(redactUrl('mssql://sa:P@ssw0rd@sql01/erp')).toBe('mssql://sa:***@sql01/erp');
  });
});

describe('Log', () => {
  it('writes one line with the program and code prefix', () => {
    const { stream, writes } = capture();
    new Log(stream).error('unavailable', 'cannot connect to the database');
    expect(writes).toEqual(['papercut-bridge: unavailable: cannot connect to the database\n']);
  });

  it('writes warnings with their own prefix', () => {
    const { stream, writes } = capture();
    new Log(stream).warn('2 users share a name');
    expect(writes).toEqual(['papercut-bridge: warning: 2 users share a name\n']);
  });

  it('folds a multi-line message into one line', () => {
    const { stream, writes } = capture();
    new Log(stream).error('software', 'query failed:\n  select *\r\n  from papercut_users\n');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe('papercut-bridge: software: query failed: select * from papercut_users\n');
    expect(writes[0]?.split('\n')).toHaveLength(2);
  });

  it('masks connection URLs in what it writes', () => {
    const { stream, writes } = capture();
    new Log(stream).error('unavailable', 'cannot connect to postgres://bridge:s3cret@db/erp');
    expect(writes.join('')).not.toContain('s3cret');
    expect(writes.join('')).toContain('postgres://bridge:***@db/erp');
  });

  it('gives Knex a logger that never writes to stdout', () => {
    const { stream } = capture();
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      // Typed loosely: Knex calls these with arguments whatever the bridge declares.
      const knex: Record<string, (...args: unknown[]) => void> = new Log(stream).knexLogger();
      expect(Object.keys(knex).sort()).toEqual(['debug', 'deprecate', 'error', 'warn']);
      for (const method of Object.values(knex)) method('pool is\nexhausted', { detail: 1 });
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
    }
  });
});

describe('oneLine', () => {
  it('keeps no control or format character from data: ESC, C1, bidirectional overrides', () => {
    expect(oneLine('user \u001b[31mred\u001b[0m\u0085 and \u202eevil\nnext')).toBe('user ?[31mred?[0m? and ?evil next');
  });
});
