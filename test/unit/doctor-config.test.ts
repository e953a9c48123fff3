import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../../bridge/admin/doctor/checks-config';
import type { Dialect } from '../../bridge/db/dialect';
import { scratchDir } from '../conformance/spawn-bridge';
import { SILENT_LOG, testConfig } from '../support/settings';

const scratch = scratchDir();
afterAll(() => scratch.remove());
const places = { stateDir: join(scratch.dir, 'state'), logFile: join(scratch.dir, 'logs', 'audit.log') };
const level = (dialect: Dialect, url: string, check: string, extra = {}) =>
  checkConfig(testConfig(dialect, url, { ...places, ...extra }), SILENT_LOG).find((item) => item.check === check)
    ?.level;

describe('doctor on the connection', () => {
  it('warns when a server elsewhere is reached without encryption', () => {
    expect(level('pg', 'postgres://u:p@db.example.org/erp', 'config.tls')).toBe('warning');
    expect(level('pg', 'postgres://u:p@db.example.org/erp?sslmode=prefer', 'config.tls')).toBe('warning');
    expect(level('mysql', 'mysql://u:p@10.1.2.3/erp', 'config.tls')).toBe('warning');
    expect(level('mysql', 'mysql://u:p@10.1.2.3/erp?ssl-mode=PREFERRED', 'config.tls')).toBe('warning');
    expect(level('mssql', 'mssql://u:p@sql01/erp?encrypt=false', 'config.tls')).toBe('warning');
  });

  it('is content with TLS, or with a server on this machine', () => {
    expect(level('pg', 'postgres://u:p@db.example.org/erp?sslmode=verify-full', 'config.tls')).toBe('ok');
    expect(level('mysql', 'mysql://u:p@10.1.2.3/erp?ssl-mode=REQUIRED', 'config.tls')).toBe('ok');
    expect(level('mssql', 'mssql://u:p@sql01/erp', 'config.tls')).toBe('ok');
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(level('pg', `postgres://u:p@${host}/erp`, 'config.tls')).toBe('ok');
    }
    expect(level('sqlite', join(scratch.dir, 'erp.sqlite'), 'config.tls')).toBeUndefined();
  });
});

describe('doctor on the state and log folders', () => {
  it('finds them writable, or says which is not', () => {
    expect(level('sqlite', 'erp.sqlite', 'config.state-writable')).toBe('ok');
    expect(level('sqlite', 'erp.sqlite', 'config.log-writable')).toBe('ok');
    const file = join(scratch.dir, 'a-file');
    writeFileSync(file, '');
    expect(level('sqlite', 'erp.sqlite', 'config.state-writable', { stateDir: join(file, 'state') })).toBe('error');
    expect(level('sqlite', 'erp.sqlite', 'config.log-writable', { logFile: join(file, 'audit.log') })).toBe('error');
  });
});
