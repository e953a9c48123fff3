// The program finds its settings and demo database relative to its own
// installation, whatever PaperCut's working directory and environment.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, expectFailure, expectSameLines, PROGRAM, ROOT, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
const install = join(scratch.dir, 'install');
const elsewhere = join(scratch.dir, 'papercut-server');
/** A release executable sits in its release folder; the Node build's launcher in bin/. */
const release = process.env.BRIDGE_TEST_PROGRAM !== undefined;
const program = release ? join(install, basename(PROGRAM)) : join(install, 'bin', 'papercut-bridge');
const call = (args: string[], env: Record<string, string> = {}, stdin = '') =>
  callBridge(args, { program, env, stdin, cwd: elsewhere });
const expectedAllUsers = readFileSync(join(__dirname, 'expected', 'all-users.txt'), 'utf8');

beforeAll(() => {
  // A copy of the installation, as an operator would deploy it.
  if (release) cpSync(dirname(PROGRAM), install, { recursive: true });
  else {
    for (const part of ['bin', 'dist', 'views', 'package.json'])
      cpSync(join(ROOT, part), join(install, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'));
  }
  mkdirSync(elsewhere);
});
afterAll(() => scratch.remove());

const DEMO = { BRIDGE_DB_CLIENT: 'demo' };

describe('the demo ERP', () => {
  it('answers N until the demo database exists, then from the embedded demo ERP', async () => {
    const before = await call(['-', 'is-valid'], DEMO);
    expect({ stdout: before.stdout, status: before.status }).toEqual({ stdout: 'N\n', status: 0 });
    expect(before.stderr).toContain(join(install, 'demo', 'demo-erp.sqlite'));

    const created = await call(['demo']);
    expect(created.status).toBe(0);
    expect(await call(['-', 'is-valid'], DEMO)).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    expectSameLines((await call(['-', 'all-users'], DEMO)).stdout, expectedAllUsers);
  });

  it('never answers when nothing is configured, even with the demo ERP there', async () => {
    const configFile = join(install, 'papercut-bridge.env');
    for (const [file, text] of [
      [undefined, ''],
      [`${configFile}.txt`, 'BRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_URL=demo/demo-erp.sqlite\n'],
      [configFile, '# BRIDGE_DB_CLIENT=sqlite\n# BRIDGE_DB_URL=demo/demo-erp.sqlite\n'],
    ] as const) {
      if (file) writeFileSync(file, text);
      for (const args of [
        ['-', 'all-users'],
        ['-', 'get-user-details'],
        ['-', 'is-user-in-group', 'Staff', 'jsmith'],
      ]) {
        expectFailure(
          await call(args, {}, 'jsmith\n'),
          78,
          /^papercut-bridge: config: nothing is configured: .*papercut-bridge\.env/,
        );
      }
      expect(await call(['-', 'is-valid'])).toMatchObject({ stdout: 'N\n', status: 0 });
      const login = await call([], {}, 'jsmith\npapercut-demo\n');
      expect({ stdout: login.stdout, status: login.status }).toEqual({ stdout: 'ERROR\n', status: 0 });
      if (file) rmSync(file);
    }
  });

  it('runs through a symlink to the program', async () => {
    const link = join(scratch.dir, 'linked-papercut-bridge');
    symlinkSync(program, link);
    expect(await callBridge(['-', 'is-valid'], { program: link, cwd: elsewhere, env: DEMO })).toEqual({
      stdout: 'Y\n',
      stderr: '',
      status: 0,
    });
  });
});

describe('the config file at the installation root', () => {
  const configFile = join(install, 'papercut-bridge.env');

  beforeAll(async () => {
    mkdirSync(join(install, 'erp'));
    expect((await call(['demo', '--file', join(install, 'erp', 'erp.sqlite')])).status).toBe(0);
  });

  it('is read, with a relative SQLite path resolved against the installation', async () => {
    writeFileSync(configFile, '# the ERP\nBRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_URL=erp/erp.sqlite\n');
    expect(await call(['-', 'is-valid'])).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    expect((await call(['-', 'get-user-details'], {}, 'jsmith\n')).stdout).toMatch(/^JSmith\t/);
  });

  it('loses to the environment, setting by setting', async () => {
    writeFileSync(configFile, 'BRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_URL=erp/erp.sqlite\n');
    expectFailure(await call(['-', 'all-users'], { BRIDGE_DB_URL: 'erp/other.sqlite' }), 69, /erp\/other\.sqlite/);
  });

  it('names a misspelt setting', async () => {
    writeFileSync(configFile, 'BRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_ULR=erp/erp.sqlite\n');
    expectFailure(await call(['-', 'all-users']), 78, /unknown setting BRIDGE_DB_ULR/);
  });

  it('can live elsewhere when BRIDGE_CONFIG_FILE names it', async () => {
    const other = join(scratch.dir, 'other.env');
    writeFileSync(other, `BRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_URL=${join(install, 'erp', 'erp.sqlite')}\n`);
    writeFileSync(configFile, 'BRIDGE_DB_CLIENT=oracle\n');
    expect(await call(['-', 'is-valid'], { BRIDGE_CONFIG_FILE: other })).toEqual({
      stdout: 'Y\n',
      stderr: '',
      status: 0,
    });
    expectFailure(
      await call(['-', 'all-users'], { BRIDGE_CONFIG_FILE: join(scratch.dir, 'absent.env') }),
      78,
      /does not exist/,
    );
  });
});
