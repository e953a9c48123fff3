// A database holding a system's tables, mapped by one of the packs through
// the built program, as a DBA would: migrate make --pack, then migrate latest.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { callBridge, expectFailure, scratchDir, type CallResult } from '../conformance/spawn-bridge';
import { loadSql as loadSqlFiles } from '../../scripts/load-sql';
import { createDatabase, type BridgeEnv, type TestDatabase } from './databases';

export interface PackDatabase {
  /** The suite's scratch folder, and the migrations folder in it. */
  scratch: string;
  mapping: string;
  env(): BridgeEnv;
  database(): TestDatabase;
  /** The built program, spawned as PaperCut does, on this database. */
  call(args: string[], stdin?: string, env?: BridgeEnv): Promise<CallResult>;
}

/** Loads SQL files (dumps included) with the database's own client. */
export function loadSql(database: TestDatabase, files: readonly string[]): void {
  loadSqlFiles(database.dialect, database.env.BRIDGE_DB_URL!, files);
}

export interface PackDatabaseOptions {
  /** SQL files loaded with the database's own client; a function when they are only known once the suite runs. */
  fixture: readonly string[] | (() => readonly string[]);
  /** Statements run after the fixture, through Knex: a column dropped, a setting changed. */
  statements?: readonly string[];
  /** --option KEY=VALUE for migrate make. */
  options?: readonly string[];
  /** False: only the fixture, so that a test can make and apply the migration itself. */
  apply?: boolean;
}

/** For the enclosing suite: a fresh database with `fixture` loaded and, unless
 * `apply` is false, the pack's views made and applied as a DBA would. */
export function usePackDatabase(
  pack: string,
  dialect: Dialect,
  { fixture, statements = [], options = [], apply = true }: PackDatabaseOptions,
): PackDatabase {
  const scratch = scratchDir();
  const mapping = join(scratch.dir, 'mapping');
  let database: TestDatabase | undefined;
  let env: BridgeEnv | undefined;
  beforeAll(async () => {
    database = await createDatabase(dialect, scratch.dir);
    loadSql(database, typeof fixture === 'function' ? fixture() : fixture);
    if (statements.length) {
      const knex = database.connect();
      try {
        for (const statement of statements) await knex.raw(statement);
      } finally {
        await knex.destroy();
      }
    }
    env = { ...database.env, BRIDGE_MIGRATIONS_DIR: mapping };
    if (!apply) return;
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
    scratch: scratch.dir,
    mapping,
    env: () => ready(env),
    database: () => ready(database),
    call: (args, stdin = '', extra = {}) =>
      callBridge(args, { env: { ...ready(env), ...extra }, stdin, cwd: scratch.dir }),
  };
}

/** Lines as the bridge writes them: each ends with a newline. */
export const lines = (items: readonly string[]): string => items.map((item) => `${item}\n`).join('');

/** The auth program's stdin. */
export const login = (user: string, password: string): string => `${user}\n${password}\n`;

/** What PaperCut reads of a call: its stdout and exit status. */
export const stdoutAndStatus = ({ stdout, status }: CallResult): Pick<CallResult, 'stdout' | 'status'> => ({
  stdout,
  status,
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** On a database the pack does not cover (made with `apply: false`),
 * `migrate latest` fails with one line naming what is missing and the
 * versions the pack covers, the migration stays pending, and PaperCut's
 * is-valid answers N. */
export async function expectNotCovered(
  db: PackDatabase,
  pack: string,
  { lacks, covers, options = [] }: { lacks: string; covers: string; options?: readonly string[] },
): Promise<void> {
  const make = ['migrate', 'make', 'papercut_views', '--pack', pack, ...options.flatMap((o) => ['--option', o])];
  expect((await db.call(make)).status).toBe(0);
  const name = readdirSync(db.mapping)[0]!.replace(/\.js$/, '');
  expectFailure(
    await db.call(['migrate', 'latest']),
    70,
    new RegExp(
      `^papercut-bridge: software: migration failed, nothing of it applied: pack ${pack} \\d+\\.\\d+\\.\\d+ ` +
        `cannot map this database: it lacks ${escaped(lacks)}; the pack covers ${escaped(covers)}$`,
    ),
  );
  expect(stdoutAndStatus(await db.call(['migrate', 'status']))).toEqual({ stdout: `pending  ${name}\n`, status: 0 });
  expect((await db.call(['-', 'is-valid'])).stdout).toBe('N\n');
}
