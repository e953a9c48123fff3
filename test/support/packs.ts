// A database holding a system's tables, mapped by one of the packs through
// the built program, as a DBA would: migrate make --pack, then migrate latest.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { callBridge, scratchDir, type CallResult } from '../conformance/spawn-bridge';
import { createDatabase, type BridgeEnv, type TestDatabase } from './databases';

export interface PackDatabase {
  env(): BridgeEnv;
  database(): TestDatabase;
  /** The built program, spawned as PaperCut does, on this database. */
  call(args: string[], stdin?: string, env?: BridgeEnv): Promise<CallResult>;
}

/** Loads SQL files (dumps included) with the database's own client. */
export function loadSql(database: TestDatabase, files: readonly string[]): void {
  const url = database.env.BRIDGE_DB_URL!;
  for (const file of files) {
    if (database.dialect === 'sqlite') {
      const db = new Database(url);
      try {
        db.exec(readFileSync(file, 'utf8'));
      } finally {
        db.close();
      }
      continue;
    }
    const run =
      database.dialect === 'pg'
        ? spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-f', file], { encoding: 'utf8' })
        : database.dialect === 'mysql'
          ? mariadb(url, file)
          : undefined;
    if (!run) throw new Error(`cannot load SQL files into ${database.dialect} here`);
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

/** For the enclosing suite: a fresh database with `fixture` loaded and the pack's views applied. */
export function usePackDatabase(
  pack: string,
  dialect: Dialect,
  { fixture, options = [] }: { fixture: readonly string[]; options?: readonly string[] },
): PackDatabase {
  const scratch = scratchDir();
  let database: TestDatabase | undefined;
  let env: BridgeEnv | undefined;
  beforeAll(async () => {
    database = await createDatabase(dialect, scratch.dir);
    loadSql(database, fixture);
    env = { ...database.env, BRIDGE_MIGRATIONS_DIR: join(scratch.dir, 'mapping') };
    const make = ['migrate', 'make', 'papercut_views', '--pack', pack, ...options.flatMap((o) => ['--option', o])];
    for (const args of [make, ['migrate', 'latest']]) {
      const result = await callBridge(args, { env, cwd: scratch.dir });
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    }
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`the ${pack} database is not ready`);
    return value;
  };
  return {
    env: () => ready(env),
    database: () => ready(database),
    call: (args, stdin = '', extra = {}) =>
      callBridge(args, { env: { ...ready(env), ...extra }, stdin, cwd: scratch.dir }),
  };
}
