// Bad input never hurts: a usage or input error, empty stdout, no hang, in seconds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, expectFailure, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
let env: Record<string, string>;
beforeAll(async () => {
  env = await freshDemoDatabase(scratch.dir);
});
afterAll(() => scratch.remove());

/** Runs a call and checks it took under three seconds. */
async function quick(args: string[], stdin: string | Buffer, settings = env) {
  const started = Date.now();
  const result = await callBridge(args, { env: settings, stdin });
  expect(Date.now() - started).toBeLessThan(3_000);
  return result;
}

const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 'a');

describe('get-user-details', () => {
  it('refuses a 10 MB line, invalid UTF-8 and a NUL byte as input errors', async () => {
    expectFailure(await quick(['-', 'get-user-details'], TEN_MB), 65, /^papercut-bridge: input: stdin is longer/);
    expectFailure(await quick(['-', 'get-user-details'], Buffer.from([0x6a, 0xc3, 0x28, 0x0a])), 65, /not valid UTF-8/);
    expectFailure(await quick(['-', 'get-user-details'], 'js\u0000mith\n'), 65, /NUL byte/);
  });

  it('takes CRLF everywhere', async () => {
    expect((await quick(['-', 'get-user-details'], 'jsmith\r\n\r\n\r\n')).stdout).toMatch(/^JSmith\t/);
  });
});

describe('the auth program', () => {
  for (const [what, stdin] of [
    ['a 10 MB line', TEN_MB],
    ['invalid UTF-8', Buffer.from('jsmith\npass\xff\xfeword\n', 'latin1')],
    ['a NUL byte', 'jsmith\npapercut\u0000demo\n'],
  ] as const) {
    it(`answers ERROR to ${what}, exit 0, one line on stderr`, async () => {
      const result = await quick([], stdin);
      expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(result.stderr).toMatch(/^papercut-bridge: input: [^\n]+\n$/);
    });
  }

  it('takes CRLF everywhere', async () => {
    expect((await quick([], 'jsmith\r\npapercut-demo\r\n\r\n')).stdout).toBe('OK\nJSmith\n');
  });
});

describe('settings', () => {
  it('fail on an unreadable config file, naming it', async () => {
    const folder = join(scratch.dir, 'config-is-a-folder.env');
    mkdirSync(folder);
    const result = await quick(['-', 'all-users'], '', { BRIDGE_CONFIG_FILE: folder });
    expectFailure(result, 78, /cannot read the config file .*config-is-a-folder\.env: EISDIR/);
  });

  it('fail on an unknown client and a malformed URL', async () => {
    expectFailure(
      await quick(['-', 'all-users'], '', { BRIDGE_DB_CLIENT: 'db2', BRIDGE_DB_URL: 'x' }),
      78,
      /BRIDGE_DB_CLIENT/,
    );
    const url = await quick(['-', 'all-users'], '', { BRIDGE_DB_CLIENT: 'mysql', BRIDGE_DB_URL: 'mysql://u:pw@:/x' });
    expectFailure(url, 78, /BRIDGE_DB_URL/);
  });
});
