// What the packs' bench entries share: their shape, where the fixtures are,
// and booleans as each dialect's SQL writes them.
import { join } from 'node:path';
import { paths } from '../../bridge/core/paths';
import type { Knex } from 'knex';
import type { Dialect } from '../../bridge/db/dialect';

/** A pack's fixture files for a dialect (test/fixtures/packs/<pack>/<dialect>/), in load order. */
export const fixtureFiles = (pack: string, dialect: Dialect, files: readonly string[]): string[] =>
  files.map((file) => join(paths.root, 'test', 'fixtures', 'packs', pack, dialect, file));

export const BOOLEAN: Record<Dialect, [string, string]> = {
  sqlite: ['0', '1'],
  pg: ['false', 'true'],
  mysql: ['0', '1'],
  mssql: ['0', '1'],
};

export interface PackBench {
  pack: string;
  dialects: readonly Dialect[];
  /** The fixture's SQL files for a dialect, loaded in order. */
  fixture(dialect: Dialect): string[];
  /** --option KEY=VALUE for `migrate make`: those the pack's tests give this fixture. */
  options?: readonly string[];
  /** The tables `fill` writes, analysed once it has. */
  tables: readonly string[];
  /** Adds `users` users, all in group 'sales'; bulk1's password is `hash` where the system stores such hashes. */
  fill(db: Knex, dialect: Dialect, users: number, hash: string): Promise<void>;
  /** Whether bulk1 can log in with `hash`: then logins are timed too. */
  login: boolean;
}
