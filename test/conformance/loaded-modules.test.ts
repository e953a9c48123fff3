// Each call loads only what it needs: the driver in use, and neither yargs nor
// the hash library unless the call needs them. Drivers' JavaScript comes from
// their own bundle (dist/drivers/<package>.js), the rest from node_modules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect, useDemoDatabase } from '../support/databases';
import { callBridge, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
afterAll(() => scratch.remove());

const PACKAGES = ['better-sqlite3', 'bindings', 'pg', 'mysql2', 'tedious', 'yargs', 'bcrypt', '@node-rs/argon2'];

/** The files a call loaded. */
async function filesLoaded(args: string[], env: Record<string, string>, stdin = ''): Promise<string[]> {
  const report = join(scratch.dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  await callBridge(args, {
    env: {
      ...env,
      NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'report-modules.cjs')}`,
      REPORT_MODULES_TO: report,
    },
    stdin,
  });
  return readFileSync(report, 'utf8').split('\n');
}

/** The npm packages a call loaded. */
async function packagesLoaded(args: string[], env: Record<string, string>, stdin = ''): Promise<string[]> {
  const files = await filesLoaded(args, env, stdin);
  return PACKAGES.filter((name) =>
    files.some((file) => file.includes(`/node_modules/${name}/`) || file.endsWith(`/dist/drivers/${name}.js`)),
  );
}

const DEMO = { BRIDGE_DB_CLIENT: 'demo' };

const CRYPTO = (file: string) => file === 'node:crypto' || file.startsWith('node:internal/crypto/');

describe('modules loaded per call', () => {
  it('the program runs from its bundles, not from the compiled files beside it', async () => {
    const files = await filesLoaded(['-', 'is-valid'], DEMO);
    expect(
      files
        .filter((file) => file.includes('/dist/'))
        .map((file) => file.replace(/.*\/dist\//, ''))
        .sort(),
    ).toEqual(['bridge/cli.js', 'bridge/code-cache.js', 'drivers/better-sqlite3.js', 'papercut-bridge.js']);
  });

  it('a SQLite call loads better-sqlite3 and no other driver, nor yargs or a hash library', async () => {
    expect(await packagesLoaded(['-', 'all-users'], DEMO)).toEqual(['better-sqlite3']);
  });

  it('a single-user call on SQLite does not load node:crypto, which all-users and logins need', async () => {
    for (const args of [
      ['-', 'get-user-details'],
      ['-', 'is-user-in-group', 'finance', 'jsmith'],
    ]) {
      const files = await filesLoaded(args, DEMO, 'jsmith\n');
      expect(files).toContain('node:fs');
      expect(files.filter(CRYPTO)).toEqual([]);
    }
    expect(await filesLoaded(['-', 'all-users'], DEMO)).toContain('node:crypto');
  });

  it('a single-user call loads neither node:tty (colorette asks it, for colours Knex never uses) nor node:perf_hooks', async () => {
    const files = await filesLoaded(['-', 'get-user-details'], DEMO, 'jsmith\n');
    expect(files).toContain('node:fs');
    expect(files.filter((file) => ['node:tty', 'node:perf_hooks'].includes(file))).toEqual([]);
  });

  it("a SQLite call names better-sqlite3's addon instead of having the bindings package search for it", async () => {
    const files = await filesLoaded(['-', 'get-user-details'], DEMO, 'jsmith\n');
    expect(files.filter((file) => file.endsWith('/better_sqlite3.node'))).toHaveLength(1);
    expect(files.some((file) => file.includes('/node_modules/bindings/'))).toBe(false);
  });

  it('a PostgreSQL call loads pg only', async () => {
    const env = { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://nobody@127.0.0.1:1/none' };
    expect(await packagesLoaded(['-', 'is-valid'], env)).toEqual(['pg']);
  });

  it('a MySQL call loads mysql2 only', async () => {
    const env = { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: 'mysql://nobody@127.0.0.1:1/none' };
    expect(await packagesLoaded(['-', 'is-valid'], env)).toEqual(['mysql2']);
  });

  it('a SQL Server call loads tedious only', async () => {
    const env = { BRIDGE_DB_CLIENT: 'mssql', BRIDGE_DB_URL: 'mssql://nobody:pw@127.0.0.1:1/none' };
    expect(await packagesLoaded(['-', 'is-valid'], env)).toEqual(['tedious']);
  });

  it('a login against bcrypt hashes loads bcrypt as well, not argon2', async () => {
    expect(await packagesLoaded([], DEMO, 'jsmith\npapercut-demo\n')).toEqual(['better-sqlite3', 'bcrypt']);
  });

  it('only the admin commands load yargs', async () => {
    expect(await packagesLoaded(['migrate', 'status'], DEMO)).toContain('yargs');
  });
});

forEachDialect(['pg', 'mysql'], (dialect) => {
  const demo = useDemoDatabase(dialect);

  it('a call to a server that asks for no password loads neither node:crypto nor node:tls', async () => {
    const files = await filesLoaded(['-', 'get-user-details'], demo.env(), 'jsmith\n');
    expect(files.some((file) => /\/dist\/drivers\/(pg|mysql2)\.js$/.test(file))).toBe(true);
    expect(files.filter((file) => CRYPTO(file) || file === 'node:tls')).toEqual([]);
  });
});

describe('a production install', () => {
  /** The node_modules package folder of a file, as package-lock.json names it. */
  const packageOf = (file: string) => /.*\/(node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];

  it('has every package that any call or admin command loads: development dependencies stay off the server', async () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const demo = { BRIDGE_DB_CLIENT: 'demo' };
    const invocations: [string[], Record<string, string>, string?][] = [
      [['-', 'all-users'], demo],
      [['-', 'group-members', 'finance'], demo],
      [[], demo, 'jsmith\npapercut-demo\n'],
      [['-', 'is-valid'], { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://nobody@127.0.0.1:1/none' }],
      [['-', 'is-valid'], { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: 'mysql://nobody@127.0.0.1:1/none' }],
      [['-', 'is-valid'], { BRIDGE_DB_CLIENT: 'mssql', BRIDGE_DB_URL: 'mssql://nobody:pw@127.0.0.1:1/none' }],
      [['migrate', 'status'], demo],
      [['doctor', '--json'], demo],
      [['preview'], demo],
      [['hash', 'identify'], demo, '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA\n'],
      [['demo', '--file', join(scratch.dir, 'another-demo.sqlite')], {}],
    ];
    const loaded = new Set<string>();
    for (const [args, env, stdin] of invocations) {
      for (const file of await filesLoaded(args, env, stdin)) {
        const name = packageOf(file);
        if (name) loaded.add(name);
      }
    }
    // Knex and the pure-JavaScript drivers are in the bundles; the native packages and yargs are not.
    expect([...loaded]).toEqual(expect.arrayContaining(['node_modules/better-sqlite3', 'node_modules/bcrypt']));
    const dev = [...loaded].filter((name) => !lock.packages[name] || lock.packages[name]!.dev);
    expect(dev).toEqual([]);
  });
});
