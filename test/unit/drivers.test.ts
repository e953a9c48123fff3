import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../bridge/core/contract';
import { knexConfig } from '../../bridge/db/connect';
import { BridgeError } from '../../bridge/core/errors';
import { SILENT_LOG, testConfig } from '../support/settings';

const config = testConfig;
const settings = (c: Config) => knexConfig(c, SILENT_LOG, { readOnly: true });
const dir = mkdtempSync(join(tmpdir(), 'bridge-drivers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every dialect', () => {
  it('gets a pool of one and an acquire timeout just past the connect timeout, never Knex 60 s', () => {
    for (const [dialect, url] of [
      ['sqlite', '/tmp/x.sqlite'],
      ['pg', 'postgres://u@h/d'],
      ['mysql', 'mysql://u@h/d'],
      ['mssql', 'mssql://u:p@h/d'],
    ] as const) {
      const result = settings(config(dialect, url, { connectTimeoutMs: 2_000 }));
      expect(result.pool).toMatchObject({ min: 0, max: 1 });
      expect(result.acquireConnectionTimeout).toBe(3_000);
    }
  });
});

describe('PostgreSQL', () => {
  it('passes the URL (and its sslmode/sslrootcert) to pg with both timeouts, jit off and the schema as search path', () => {
    const url = 'postgres://app:pw@db:5432/erp?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem';
    const result = settings(config('pg', url, { schema: 'papercut', statementTimeoutMs: 12_000 }));
    expect(result.connection).toEqual({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 12_000,
      options: '-c jit=off',
    });
    expect(result.searchPath).toEqual(['papercut']);
  });
});

describe('MySQL and MariaDB', () => {
  it('splits the URL, decodes the password and connects without TLS unless asked', () => {
    const result = settings(config('mysql', 'mysql://app:p%40ss%23@db:3307/erp'));
    expect(result.connection).toMatchObject({
      host: 'db',
      port: 3307,
      user: 'app',
      password: 'p@ss#',
      database: 'erp',
      charset: 'utf8mb4',
      connectTimeout: 5_000,
      ssl: undefined,
    });
  });

  it('maps ssl-mode and reads the CA file named by ssl-ca', () => {
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, 'CERTIFICATE');
    const ssl = (query: string) =>
      (settings(config('mysql', `mysql://app@db/erp?${query}`)).connection as { ssl: unknown }).ssl;
    expect(ssl('ssl-mode=REQUIRED')).toEqual({ rejectUnauthorized: false });
    expect(ssl(`ssl-mode=verify_identity&ssl-ca=${ca}`)).toEqual({ ca: 'CERTIFICATE', rejectUnauthorized: true });
    expect(ssl(`ssl-ca=${ca}`)).toMatchObject({ ca: 'CERTIFICATE', rejectUnauthorized: true });
  });

  it('refuses an unknown ssl-mode, an unreadable CA and unknown parameters, naming BRIDGE_DB_URL', () => {
    for (const query of ['ssl-mode=SOMETIMES', `ssl-ca=${join(dir, 'missing.pem')}`, 'sslmode=require']) {
      const attempt = () => settings(config('mysql', `mysql://app:secret@db/erp?${query}`));
      expect(attempt).toThrow(BridgeError);
      expect(attempt).toThrow(/ssl-mode in BRIDGE_DB_URL|ssl-ca|unknown parameter 'sslmode'/);
      expect(attempt).not.toThrow(/secret/);
    }
  });
});
