// Every scheme end to end: a real database row holding a reference vector, the
// built program as PaperCut starts it, OK or ERROR exactly as the protocol says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../../bridge/auth/registry';
import { loadHashVectors } from '../support/hash-vectors';
import { callBridge, scratchDir } from './spawn-bridge';

const vectors = loadHashVectors();

/** Per scheme, one right-password vector and one wrong-password vector. */
const cases = [...new Set(vectors.map((v) => v.scheme))].flatMap((scheme) =>
  (['match', 'mismatch'] as const).flatMap((expected) => {
    const vector = vectors.find(
      (v) => v.scheme === scheme && v.expect === expected && !/cost 1[0-9]|default/i.test(v.note),
    );
    return vector ? [{ ...vector, login: `user_${scheme.replace(/\W/g, '_')}_${expected}` }] : [];
  }),
);

const scratch = scratchDir();
const file = join(scratch.dir, 'erp.sqlite');
const env = { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: file, BRIDGE_LOG_FILE: join(scratch.dir, 'audit.log') };
const login = (user: string, password: string, extra: Record<string, string> = {}) =>
  callBridge([], { env: { ...env, ...extra }, stdin: `${user}\n${password}\n` });

beforeAll(() => {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE accounts (login TEXT COLLATE NOCASE PRIMARY KEY, pw_hash TEXT, pw_salt TEXT, pw_scheme TEXT);
    CREATE VIEW papercut_users AS SELECT login AS username, NULL AS full_name, NULL AS email, NULL AS department,
      NULL AS office, NULL AS card_number, NULL AS other_emails, NULL AS card_number2, NULL AS alias,
      NULL AS home_directory, NULL AS pin FROM accounts;
    CREATE VIEW papercut_groups AS SELECT 'everyone' AS group_name;
    CREATE VIEW papercut_group_members AS SELECT 'everyone' AS group_name, login AS username FROM accounts;
    CREATE VIEW papercut_credentials AS
      SELECT login AS username, pw_hash AS password_hash, pw_salt AS password_salt, pw_scheme AS password_scheme FROM accounts;
  `);
  const insert = db.prepare('INSERT INTO accounts VALUES (?, ?, ?, ?)');
  for (const c of cases) insert.run(c.login, c.hash, c.salt, c.password_scheme);
  db.close();
});
afterAll(() => scratch.remove());

describe(`every scheme through the auth program (${cases.length} rows)`, () => {
  it('covers every scheme of the registry with a right and a wrong password', () => {
    const schemes = new Set(cases.map((c) => c.scheme));
    expect(schemes.size).toBeGreaterThanOrEqual(26);
    for (const scheme of schemes) expect(cases.filter((c) => c.scheme === scheme)).toHaveLength(2);
  });

  it.each(cases)('$scheme, $expect: $note', async ({ login: user, password, expect: expected }) => {
    const result = await login(user, password, { BRIDGE_ALLOW_WEAK_HASHES: '1' });
    expect(result).toEqual(
      expected === 'match'
        ? { stdout: `OK\n${user}\n`, stderr: '', status: 0 }
        : { stdout: 'ERROR\n', stderr: 'papercut-bridge: auth: invalid username or password\n', status: 0 },
    );
  });
});

describe('weak schemes', () => {
  const weak = cases.filter(
    (c) => c.expect === 'match' && identify({ hash: c.hash, salt: c.salt, scheme: c.password_scheme })?.weak,
  );

  it('are the single digests, md5-crypt, DES crypt, ASP.NET Membership and plain text', () => {
    const digests = ['md5', 'sha1', 'sha256', 'sha512'];
    expect(new Set(weak.map((c) => c.scheme))).toEqual(
      new Set([
        'md5-crypt',
        'ldap-digest',
        'aspnet-membership',
        'django-sha1',
        'django-md5',
        'django-crypt',
        'des-crypt',
        'dolibarr-sha1md5',
        ...digests,
        ...digests.map((digest) => `${digest}-password-salt`),
        'plaintext',
      ]),
    );
  });

  it('are refused by default, with the reason in the audit log only', async () => {
    for (const c of weak) {
      expect(await login(c.login, c.password)).toEqual({
        stdout: 'ERROR\n',
        stderr: 'papercut-bridge: auth: invalid username or password\n',
        status: 0,
      });
    }
    const log = readFileSync(env.BRIDGE_LOG_FILE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const refusals = log.filter((entry) => entry.reason?.startsWith('weak-scheme-refused'));
    expect(refusals.map((entry) => entry.user).sort()).toEqual(weak.map((c) => c.login).sort());
  });

  it('never write a password or a hash to the audit log', () => {
    const log = readFileSync(env.BRIDGE_LOG_FILE, 'utf8');
    for (const c of cases) {
      expect(log).not.toContain(c.hash);
      if (c.password.length >= 6) expect(log).not.toContain(c.password);
    }
  });
});
