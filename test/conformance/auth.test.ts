// The auth program: no arguments, username and password on stdin, always exit 0.
import { describe, expect, it } from 'vitest';
import { forEachDialect, useDemoDatabase } from '../support/databases';
import { callBridge } from './spawn-bridge';

const REFUSED = { stdout: 'ERROR\n', stderr: 'papercut-bridge: auth: invalid username or password\n', status: 0 };

// The same suite, unchanged, on every dialect in play.
forEachDialect(undefined, (dialect) => {
  const demo = useDemoDatabase(dialect);
  const login = (stdin: string | Buffer, settings = demo.env()) =>
    callBridge([], { env: settings, stdin, cwd: demo.dir });

  describe('auth program', () => {
    it('accepts the right password and returns the username as the view spells it', async () => {
      for (const stdin of [
        'jsmith\npapercut-demo\n',
        'JSMITH\npapercut-demo\n',
        'jsmith\r\npapercut-demo\r\n',
        'jsmith\npapercut-demo',
      ]) {
        expect(await login(stdin)).toEqual({ stdout: 'OK\nJSmith\n', stderr: '', status: 0 });
      }
    });

    it('verifies $2a$, $2b$ and $2y$ hashes', async () => {
      // aivanova: $2a$ (python3-bcrypt), bodegard: $2y$ (htpasswd), cdubois: $2b$ (python3-bcrypt)
      for (const user of ['aivanova', 'bodegard', 'cdubois']) {
        expect(await login(`${user}\npapercut-demo\n`)).toEqual({ stdout: `OK\n${user}\n`, stderr: '', status: 0 });
      }
    });

    it('keeps the whole second line as the password, spaces and UTF-8 included', async () => {
      expect((await login('ahernandez\n two  spaces \n')).stdout).toBe('OK\nahernandez\n');
      expect(await login('ahernandez\ntwo  spaces\n')).toEqual(REFUSED);
      expect((await login('jmueller\npässwörd\n')).stdout).toBe('OK\njmueller\n');
      expect(await login('jmueller\npasswort\n')).toEqual(REFUSED);
    });

    it('refuses with the same single generic line whether or not the user exists', async () => {
      const cases = [
        'jsmith\nwrong\n', // wrong password
        'nobody\npapercut-demo\n', // unknown user
        'rjones\npapercut-demo\n', // terminated, credentials still stored
        'SLee\npapercut-demo\n', // suspended
        'dkowalski\npapercut-demo\n', // active, no credentials
        'jsmith\n\n', // empty password
        '\npapercut-demo\n', // empty username
        'jsmith\n', // no password line
        '', // nothing at all
        "' or 1=1 --\npapercut-demo\n",
        `jsmith\n${'x'.repeat(5000)}\n`, // over the password length limit
      ];
      for (const stdin of cases) expect(await login(stdin)).toEqual(REFUSED);
    });

    it('answers ERROR with exit 0 on unreadable input or when the database is gone', async () => {
      const bad = await login(Buffer.from([0x6a, 0xff, 0xfe, 0x0a, 0x70, 0x0a]));
      expect({ stdout: bad.stdout, status: bad.status }).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);

      const gone = await login('jsmith\npapercut-demo\n', {
        BRIDGE_DB_CLIENT: 'sqlite',
        BRIDGE_DB_URL: `${demo.dir}/missing.sqlite`,
      });
      expect({ stdout: gone.stdout, status: gone.status }).toEqual({ stdout: 'ERROR\n', status: 0 });
      expect(gone.stderr).toMatch(/^papercut-bridge: unavailable: [^\n]*\n$/);

      const misconfigured = await login('jsmith\npapercut-demo\n', {
        BRIDGE_DB_CLIENT: 'oracle',
        BRIDGE_DB_URL: 'x',
      });
      expect({ stdout: misconfigured.stdout, status: misconfigured.status }).toEqual({
        stdout: 'ERROR\n',
        status: 0,
      });
      expect(misconfigured.stderr).toMatch(/^papercut-bridge: config: BRIDGE_DB_CLIENT[^\n]*\n$/);
    });

    it('answers once both lines are in, even if the caller keeps stdin open', async () => {
      const result = await callBridge([], { env: demo.env(), stdin: 'jsmith\npapercut-demo\n', keepStdinOpen: true });
      expect(result).toEqual({ stdout: 'OK\nJSmith\n', stderr: '', status: 0 });
    });

    it('accepts a login by alias with BRIDGE_ALIAS_LOGIN=1, answering the canonical username', async () => {
      const byAlias = { ...demo.env(), BRIDGE_ALIAS_LOGIN: '1' };
      expect(await login('HSCHMI\npapercut-demo\n', byAlias)).toEqual({
        stdout: 'OK\nhschmidt\n',
        stderr: '',
        status: 0,
      });
      expect(await login('hschmi\nwrong\n', byAlias)).toEqual(REFUSED);
      expect(await login('hschmi\npapercut-demo\n')).toEqual(REFUSED);
    });

    it('never echoes the password', async () => {
      const secret = 'Sup3r-Secret-Passw0rd';
      for (const stdin of [`jsmith\n${secret}\n`, `nobody\n${secret}\n`]) {
        const result = await login(stdin);
        expect(result.stdout + result.stderr).not.toContain(secret);
      }
    });
  });
});
