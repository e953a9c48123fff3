// A MariaDB server of the test's own, for server settings the shared one
// must not have (sql_mode=NO_BACKSLASH_ESCAPES): installed into a temporary
// folder with mariadb-install-db, on a port of its own, stopped and removed
// afterwards. A missing mariadb-install-db or mariadbd fails the test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PrivateMariaDb {
  /** An admin URL (root, no password) for a database named `erp` on it. */
  url: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function runOrFail(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
  }
  return result.stdout;
}

export async function startPrivateMariaDb(serverOptions: string[]): Promise<PrivateMariaDb> {
  const dir = mkdtempSync(join(tmpdir(), 'papercut-bridge-mariadb-'));
  const user = userInfo().username;
  runOrFail('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--user=${user}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const server: ChildProcess = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--user=${user}`,
      ...serverOptions,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const ping = ['-h', '127.0.0.1', '-P', String(port), '-u', 'root'];
  for (let tries = 0; ; tries++) {
    if (spawnSync('mariadb-admin', [...ping, 'ping'], { stdio: 'ignore' }).status === 0) break;
    if (tries === 60 || server.exitCode !== null) {
      await stop();
      throw new Error('the private MariaDB server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  runOrFail('mariadb', [...ping, '-e', 'create database erp character set utf8mb4 collate utf8mb4_unicode_ci']);
  return { url: `mysql://root@127.0.0.1:${port}/erp`, stop };
}
