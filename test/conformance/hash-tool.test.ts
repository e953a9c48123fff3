// `papercut-bridge hash identify|verify`: secrets on stdin, answers for operators.
import { describe, expect, it } from 'vitest';
import { callBridge, expectFailure } from './spawn-bridge';

// Made by OpenSSL 3.0: `openssl passwd -6 -salt abcdefgh 'hello world'`.
const SHA512_CRYPT =
  '$6$abcdefgh$hFDitY/liWzpm0.RmThCqSGqUc1w9IslmxZUXxcCE2mj3qloB0LUkyLN4wiGCpMZQoodMSyUC2NEF2yBgNpu5/';
const MD5_OF_PASSWORD = '5f4dcc3b5aa765d61d8327deb882cf99'; // `printf password | md5sum`

describe('hash identify', () => {
  it('names the scheme and its parameters', async () => {
    expect(await callBridge(['hash', 'identify'], { stdin: `${SHA512_CRYPT}\n` })).toEqual({
      stdout: 'sha512-crypt rounds=5000 salt_length=8\n',
      stderr: '',
      status: 0,
    });
  });

  it('says when a named scheme is weak, and fails on an unknown form', async () => {
    const weak = await callBridge(['hash', 'identify', '--scheme', 'md5'], { stdin: `${MD5_OF_PASSWORD}\n` });
    expect(weak.stdout).toBe('md5 salted=no\nweak: refused at login unless BRIDGE_ALLOW_WEAK_HASHES=1\n');
    expectFailure(await callBridge(['hash', 'identify'], { stdin: 'what-is-this\n' }), 65, /no known scheme/);
  });
});

describe('hash verify', () => {
  it('answers match (exit 0) or mismatch (exit 1)', async () => {
    expect(await callBridge(['hash', 'verify'], { stdin: `${SHA512_CRYPT}\nhello world\n` })).toEqual({
      stdout: 'match (sha512-crypt)\n',
      stderr: '',
      status: 0,
    });
    const wrong = await callBridge(['hash', 'verify'], { stdin: `${SHA512_CRYPT}\nhello world!\n` });
    expect({ stdout: wrong.stdout, status: wrong.status }).toEqual({ stdout: 'mismatch (sha512-crypt)\n', status: 1 });
  });

  it('fails on a malformed hash without echoing it', async () => {
    const result = await callBridge(['hash', 'verify'], { stdin: `${SHA512_CRYPT.slice(0, -5)}\nhello world\n` });
    expectFailure(result, 65, /malformed sha512-crypt hash/);
    expect(result.stderr).not.toContain(SHA512_CRYPT.slice(12, 40));
  });
});
