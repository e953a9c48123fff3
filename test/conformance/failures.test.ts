// Every failure: non-zero exit, one line on stderr, nothing on stdout.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBridge, expectFailure, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
const call = (args: string[], env: Record<string, string>, stdin = '') =>
  callBridge(args, { env, stdin, cwd: scratch.dir });

const CALLS: { args: string[]; stdin?: string }[] = [
  { args: ['-', 'all-users'] },
  { args: ['-', 'all-groups'] },
  { args: ['-', 'get-user-details'], stdin: 'jsmith\n' },
  { args: ['-', 'group-member-names', 'finance'] },
  { args: ['-', 'group-members', 'finance'] },
  { args: ['-', 'is-user-in-group', 'finance', 'jsmith'] },
];

/** A demo ERP whose views a test may break. */
async function demoCopy(name: string): Promise<{ env: Record<string, string>; db: Database.Database }> {
  const dir = `${scratch.dir}/${name}`;
  await import('node:fs').then((fs) => fs.mkdirSync(dir));
  const env = await freshDemoDatabase(dir);
  return { env, db: new Database(env.BRIDGE_DB_URL!) };
}

afterAll(() => scratch.remove());

describe('database unreachable', () => {
  const env = { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: '/nonexistent/erp.sqlite' };

  it('is-valid answers N, exit 0, with the reason on stderr', async () => {
    const result = await call(['-', 'is-valid'], env);
    expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: 'N\n', status: 0 });
    expect(result.stderr).toMatch(/^papercut-bridge: unavailable: cannot reach the SQLite database [^\n]+\n$/);
  });

  for (const { args, stdin } of CALLS) {
    it(`${args.slice(1).join(' ')} fails with exit 69`, async () => {
      expectFailure(await call(args, env, stdin), 69, /^papercut-bridge: unavailable: /);
    });
  }
});

describe('a server that refuses the login or lacks the database', () => {
  const servers = inject('servers');
  /** The server's URL, changed. */
  const urlOf = (dialect: 'pg' | 'mysql', change: (url: URL) => void) => {
    const url = new URL((servers[dialect] as { url: string }).url);
    change(url);
    return url.toString();
  };
  const noDatabase = (url: URL) => void (url.pathname = '/no_such_database');

  it.skipIf('skip' in servers.pg)('is unavailable (exit 69) on PostgreSQL', async () => {
    const env = { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: urlOf('pg', noDatabase) };
    expectFailure(await call(['-', 'get-user-details'], env, 'jsmith\n'), 69, /^papercut-bridge: unavailable: /);
  });

  it.skipIf('skip' in servers.mysql)(
    'is unavailable (exit 69) on MySQL and MariaDB, whatever the refusal',
    async () => {
      // MariaDB refuses unknown logins with one of two error codes, chosen by the
      // name (so that a refusal does not tell which logins exist): these get both.
      const login = (name: string) => (url: URL) => void ((url.username = name), (url.password = 'pw'));
      const wrongPassword = (url: URL) => void (url.password = 'not-the-password');
      for (const change of [noDatabase, wrongPassword, ...['no_such_login', 'nobody', 'zzz'].map(login)]) {
        const env = { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: urlOf('mysql', change) };
        expectFailure(await call(['-', 'get-user-details'], env, 'jsmith\n'), 69, /^papercut-bridge: unavailable: /);
      }
    },
  );
});

describe('views that are missing or wrong', () => {
  let missingView: Record<string, string>;
  let missingColumn: Record<string, string>;

  beforeAll(async () => {
    const first = await demoCopy('missing-view');
    first.db.exec('DROP VIEW papercut_credentials');
    first.db.close();
    missingView = first.env;

    const second = await demoCopy('missing-column');
    second.db.exec('DROP VIEW papercut_users');
    second.db.exec(
      "CREATE VIEW papercut_users AS SELECT login_name AS username, first_name AS full_name FROM hr_employees WHERE status = 'ACTIVE'",
    );
    second.db.close();
    missingColumn = second.env;
  });

  it('is-valid answers N naming what is wrong', async () => {
    const view = await call(['-', 'is-valid'], missingView);
    expect({ stdout: view.stdout, status: view.status }).toEqual({ stdout: 'N\n', status: 0 });
    expect(view.stderr).toMatch(/^papercut-bridge: software: .*papercut_credentials[^\n]*\n$/);

    const column = await call(['-', 'is-valid'], missingColumn);
    expect({ stdout: column.stdout, status: column.status }).toEqual({ stdout: 'N\n', status: 0 });
    expect(column.stderr).toMatch(/^papercut-bridge: software: .*email[^\n]*\n$/);
  });

  it('every call that reads the missing columns fails with exit 70', async () => {
    // group-member-names reads usernames only, so a missing email does not concern it.
    const readsUserColumns = ['all-users', 'get-user-details', 'group-members'];
    for (const { args, stdin } of CALLS.filter(({ args }) => readsUserColumns.includes(args[1]!))) {
      expectFailure(await call(args, missingColumn, stdin), 70, /^papercut-bridge: software: /);
    }
  });
});

describe('failures part-way through the rows', () => {
  it('a view that errors on a row deep in the result leaves stdout empty', async () => {
    const { env, db } = await demoCopy('fails-late');
    // json_extract raises on malformed JSON: the last user in order fails after all others were read.
    db.exec('DROP VIEW papercut_users');
    db.exec(`CREATE VIEW papercut_users AS
      SELECT login_name AS username, first_name AS full_name, NULL AS email, NULL AS department, NULL AS office,
             NULL AS card_number, NULL AS other_emails, NULL AS card_number2, NULL AS alias, NULL AS home_directory,
             CASE WHEN login_name = 'zzoltowski' THEN json_extract('{broken', '$') END AS pin
      FROM hr_employees WHERE status = 'ACTIVE'`);
    db.close();
    expectFailure(await call(['-', 'all-users'], env), 70, /^papercut-bridge: software: .*malformed JSON/);
    expectFailure(await call(['-', 'group-members', 'all-staff'], env), 70, /^papercut-bridge: software: /);
  });

  it('an empty user list is refused, never answered', async () => {
    const { env, db } = await demoCopy('no-users');
    db.exec("UPDATE hr_employees SET status = 'TERMINATED'");
    db.close();
    expectFailure(await call(['-', 'all-users'], env), 75, /^papercut-bridge: guard: all-users .* would be empty/);
  });
});

describe('bad settings', () => {
  it('name the setting and never echo the URL', async () => {
    expectFailure(
      await call(['-', 'all-users'], { BRIDGE_DB_CLIENT: 'oracle' }),
      78,
      /^papercut-bridge: config: BRIDGE_DB_CLIENT/,
    );
    const url = await call(['-', 'all-users'], { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://app:S3cret@[bad' });
    expectFailure(url, 78, /BRIDGE_DB_URL/);
    expect(url.stderr).not.toContain('S3cret');
    expectFailure(await call(['-', 'all-users'], { BRIDGE_DB_CLIENT: 'sqlite' }), 78, /BRIDGE_DB_URL is not set/);
    const isValid = await call(['-', 'is-valid'], { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: 'postgres://x@y/z' });
    expect({ stdout: isValid.stdout, status: isValid.status }).toEqual({ stdout: 'N\n', status: 0 });
  });
});
