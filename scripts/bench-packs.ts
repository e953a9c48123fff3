// Packs at a million users, for `npm run bench`: a system's own tables and
// rows (the pack's test fixture: made by Django itself, or written from
// Moodle's sources), many more users stored as the system stores them (named
// bulk1 … bulkN, all in a group 'sales', as in the demo ERP; bulk1 with a
// sha512-crypt hash where the system keeps such hashes), and the views made
// as a DBA would, by `migrate make --pack` and `migrate latest`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { paths } from '../bridge/core/paths';
import type { Dialect } from '../bridge/db/dialect';
import { numberedRows } from '../seeds/data/bulk-users';
import { loadSql } from './load-sql';

const FIXTURES = join(paths.root, 'test', 'fixtures', 'packs');
const BOOLEAN: Record<Dialect, [string, string]> = {
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
  /** The tables `fill` writes, analysed once it has. */
  tables: readonly string[];
  /** Adds `users` users, all in group 'sales'; bulk1's password is `hash` where the system stores such hashes. */
  fill(db: Knex, dialect: Dialect, users: number, hash: string): Promise<void>;
  /** Whether bulk1 can log in with `hash`: then logins are timed too. */
  login: boolean;
}

export const PACK_BENCHES: readonly PackBench[] = [
  {
    pack: 'django',
    dialects: ['sqlite', 'pg', 'mysql'],
    fixture: (dialect) => ['auth.sql', 'indexes.sql'].map((file) => join(FIXTURES, 'django', dialect, file)),
    // Django writes its own hash formats only (no sha512-crypt): no login is timed.
    login: false,
    tables: ['auth_user', 'auth_group', 'auth_user_groups'],
    async fill(db, dialect, users) {
      const { prefix, from, text, date } = numberedRows(dialect, users);
      const [no, yes] = BOOLEAN[dialect];
      await db.raw(`${prefix}
        insert into auth_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
        select 100000 + n, '', ${no}, ${text('bulk')}, 'Bulk', ${text('User ')}, '', ${no}, ${yes}, ${date} from ${from}`);
      await db('auth_group').insert({ id: 9000, name: 'sales' });
      await db.raw(`${prefix} insert into auth_user_groups (user_id, group_id) select 100000 + n, 9000 from ${from}`);
    },
  },
  {
    pack: 'moodle',
    dialects: ['pg', 'mysql'],
    fixture: (dialect) => ['moodle45.sql', 'moodle45-dba.sql'].map((file) => join(FIXTURES, 'moodle', dialect, file)),
    // Moodle keeps sha512-crypt hashes (PHP's crypt()).
    login: true,
    tables: ['mdl_user', 'mdl_cohort', 'mdl_cohort_members'],
    async fill(db, dialect, users, hash) {
      const { prefix, from, text } = numberedRows(dialect, users);
      await db.raw(`${prefix}
        insert into mdl_user (id, auth, confirmed, deleted, suspended, mnethostid, username, password, firstname, lastname, email, timecreated, timemodified)
        select 100000 + n, 'manual', 1, 0, 0, 1, ${text('bulk')}, '', 'Bulk', ${text('User ')}, '', 1717171717, 1717171717 from ${from}`);
      await db('mdl_user').where({ id: 100_001 }).update({ password: hash });
      await db('mdl_cohort').insert({
        id: 9000,
        contextid: 1,
        name: 'sales',
        descriptionformat: 1,
        timecreated: 1717171717,
        timemodified: 1717171717,
      });
      await db.raw(
        // Ids given: the fixture's own rows left the sequence behind them.
        `${prefix} insert into mdl_cohort_members (id, cohortid, userid, timeadded) select 100000 + n, 9000, 100000 + n, 1717171717 from ${from}`,
      );
    },
  },
];

/** Fills the empty database `env` names with `bench`'s system; `connect`
 * opens it through Knex, `program` is the built bridge. */
export async function packDatabase(
  bench: PackBench,
  dialect: Dialect,
  env: Record<string, string>,
  { users, hash, connect, program }: { users: number; hash: string; connect: () => Knex; program: string },
): Promise<void> {
  loadSql(
    dialect,
    env.BRIDGE_DB_URL!,
    bench.fixture(dialect).filter((file) => existsSync(file)),
  );
  const db = connect();
  try {
    await bench.fill(db, dialect, users, hash);
    if (dialect === 'pg') await db.raw('analyze ??', [[...bench.tables]]);
    if (dialect === 'mysql') await db.raw('analyze table ??', [[...bench.tables]]);
  } finally {
    await db.destroy();
  }
  rmSync(env.BRIDGE_MIGRATIONS_DIR!, { recursive: true, force: true });
  for (const args of [
    ['migrate', 'make', 'papercut_views', '--pack', bench.pack],
    ['migrate', 'latest'],
  ]) {
    const result = spawnSync(program, args, { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bench.pack}: ${args.join(' ')}: ${result.stderr}`);
  }
}
