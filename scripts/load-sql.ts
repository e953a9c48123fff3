// Loads SQL files (dumps included) into a database with its own client, as a
// DBA would: the pack fixtures' dumps, for the pack tests and `npm run bench`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Dialect } from '../bridge/db/dialect';

export function loadSql(dialect: Dialect, url: string, files: readonly string[]): void {
  for (const file of files) {
    if (dialect === 'sqlite') {
      const db = new Database(url);
      try {
        db.exec(readFileSync(file, 'utf8'));
      } finally {
        db.close();
      }
      continue;
    }
    const run =
      dialect === 'pg'
        ? spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-f', file], { encoding: 'utf8' })
        : dialect === 'mysql'
          ? mariadb(url, file)
          : undefined;
    if (!run) throw new Error(`cannot load SQL files into ${dialect} here`);
    if (run.status !== 0) throw new Error(`loading ${file} failed: ${run.stderr}`);
  }
}

function mariadb(url: string, file: string) {
  const { hostname, port, username, password, pathname } = new URL(url);
  const login = ['-h', hostname, '-P', port || '3306', '-u', decodeURIComponent(username)];
  if (password) login.push(`-p${decodeURIComponent(password)}`);
  return spawnSync('mariadb', [...login, '--default-character-set=utf8mb4', pathname.slice(1)], {
    input: readFileSync(file),
    encoding: 'utf8',
  });
}
