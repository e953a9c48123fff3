// A fresh database per test file on every dialect in play, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { knex, type Knex } from 'knex';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { resolveConfig } from '../../bridge/config/config';
import { knexConfig } from '../../bridge/db/connect';
import type { Dialect } from '../../bridge/db/dialect';
import { Directory } from '../../bridge/db/queries';
import { callBridge, scratchDir } from '../conformance/spawn-bridge';
import type { ServerDialect } from './servers';
import { SILENT_LOG } from './settings';

export interface DialectUnderTest {
  dialect: Dialect;
  /** Why this dialect is skipped here, if it is. */
  skip?: string;
}

/** SQLite always; each server dialect when a server was found (see global-setup.ts). */
export function dialectsUnderTest(only?: readonly Dialect[]): DialectUnderTest[] {
  const servers = inject('servers');
  const all: DialectUnderTest[] = [
    { dialect: 'sqlite' },
    ...(Object.keys(servers) as ServerDialect[]).map((dialect) => {
      const server = servers[dialect];
      return 'skip' in server ? { dialect, skip: server.skip } : { dialect };
    }),
  ];
  return only ? all.filter(({ dialect }) => only.includes(dialect)) : all;
}

/** The bridge's settings for a database. */
export type BridgeEnv = Record<string, string>;

export interface TestDatabase {
  dialect: Dialect;
  env: BridgeEnv;
  /** A Knex connection with the same settings the bridge uses. */
  connect(): Knex;
  drop(): Promise<void>;
}

export function connectWith(env: BridgeEnv): Knex {
  const config = resolveConfig({ env, readFile: () => undefined });
  return knex(knexConfig(config, SILENT_LOG, { readOnly: false }));
}

/** The SQL that creates and drops a database on each server. */
const DATABASE_SQL: Record<
  ServerDialect,
  { create: (name: string, options: DatabaseOptions) => string; drop: (name: string) => string }
> = {
  pg: {
    create: (name, options) =>
      `create database "${name}"${options.pgCtypeC ? " template template0 lc_ctype 'C' lc_collate 'C'" : ''}`,
    drop: (name) => `drop database if exists "${name}" with (force)`,
  },
  mysql: {
    create: (name) => `create database \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`,
    drop: (name) => `drop database if exists \`${name}\``,
  },
  mssql: {
    create: (name) => `create database [${name}]`,
    drop: (name) =>
      `if db_id('${name}') is not null begin alter database [${name}] set single_user with rollback immediate; drop database [${name}] end`,
  },
};

export interface DatabaseOptions {
  /** PostgreSQL: LC_CTYPE and LC_COLLATE 'C', whose lower() folds ASCII only. */
  pgCtypeC?: boolean;
}

/** An empty database of the dialect; for SQLite a new file under `dir`. */
export async function createDatabase(
  dialect: Dialect,
  dir: string,
  options: DatabaseOptions = {},
): Promise<TestDatabase> {
  const name = `bridge_test_${randomBytes(6).toString('hex')}`;
  // Each database its own state: the guard refuses a database other than the last one a state directory saw.
  const state = { BRIDGE_STATE_DIR: join(dir, `${name}-state`) };
  if (dialect === 'sqlite') {
    const env = { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: join(dir, `${name}.sqlite`), ...state };
    return { dialect, env, connect: () => connectWith(env), drop: async () => {} };
  }
  const server = inject('servers')[dialect];
  if ('skip' in server) throw new Error(`${dialect} is not available: ${server.skip}`);
  const adminEnv = { BRIDGE_DB_CLIENT: dialect, BRIDGE_DB_URL: server.url };
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const env = { BRIDGE_DB_CLIENT: dialect, BRIDGE_DB_URL: url.toString(), ...state };
  const admin = connectWith(adminEnv);
  try {
    await admin.raw(DATABASE_SQL[dialect].create(name, options));
  } finally {
    await admin.destroy();
  }
  const drop = async () => {
    const again = connectWith(adminEnv);
    try {
      await again.raw(DATABASE_SQL[dialect].drop(name));
    } finally {
      await again.destroy();
    }
  };
  return { dialect, env, connect: () => connectWith(env), drop };
}

/** A fresh database holding the demo ERP, made by the built program. */
export async function createDemoDatabase(dialect: Dialect, dir: string): Promise<TestDatabase> {
  const database = await createDatabase(dialect, dir);
  const result = await callBridge(['demo'], { env: database.env, cwd: dir });
  if (result.status !== 0) {
    await database.drop();
    throw new Error(`demo setup on ${dialect} failed: ${result.stderr}`);
  }
  return database;
}

/** Declares `suite` once per dialect in play, skipped with its reason where the dialect is not. */
export function forEachDialect(only: readonly Dialect[] | undefined, suite: (dialect: Dialect) => void): void {
  for (const { dialect, skip } of dialectsUnderTest(only)) {
    describe.skipIf(skip)(`${dialect}${skip ? ` (skipped: ${skip})` : ''}`, () => suite(dialect));
  }
}

/** A fresh demo ERP of the dialect for the enclosing suite, and a scratch folder. */
export function useDemoDatabase(dialect: Dialect): { env: () => BridgeEnv; database: () => TestDatabase; dir: string } {
  const scratch = scratchDir();
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createDemoDatabase(dialect, scratch.dir);
  });
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });
  const current = () => {
    if (!database) throw new Error('the demo database is not ready');
    return database;
  };
  return { env: () => current().env, database: current, dir: scratch.dir };
}

/** A fresh empty database of the dialect for the enclosing suite, and one
 * Knex connected to it; both go when the suite ends. */
export function useEmptyDatabase(dialect: Dialect): () => Knex {
  return useConnectedDatabase((dir) => createDatabase(dialect, dir)).db;
}

/** useEmptyDatabase with the demo ERP in the database, and the bridge's Directory over that Knex. */
export function useDemoKnex(dialect: Dialect): { db: () => Knex; directory: () => Directory } {
  const { db, database } = useConnectedDatabase((dir) => createDemoDatabase(dialect, dir));
  const directory = () => new Directory(db(), { dialect, schema: undefined, url: database().env.BRIDGE_DB_URL! });
  return { db, directory };
}

function useConnectedDatabase(create: (dir: string) => Promise<TestDatabase>) {
  const scratch = scratchDir();
  let database: TestDatabase | undefined;
  let db: Knex | undefined;
  beforeAll(async () => {
    database = await create(scratch.dir);
    db = database.connect();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    scratch.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the database is not ready');
    return value;
  };
  return { db: () => ready(db), database: () => ready(database) };
}

/** How many times SQLite called a function a view calls once per row it reads. */
export interface RowCounter {
  count: number;
}

/** Registers `name` on the SQLite pool's one connection, which the queries
 * use too: a function that counts its calls and returns 1, for a view to
 * call on each row it reads (`WHERE name(id)`). */
export async function rowCounter(db: Knex, name: string): Promise<RowCounter> {
  const counter = { count: 0 };
  const connection = (await db.client.acquireConnection()) as Database;
  connection.function(name, { deterministic: false, varargs: true }, () => {
    counter.count++;
    return 1;
  });
  db.client.releaseConnection(connection);
  return counter;
}
