// The django pack at a million users, for `npm run bench`: Django's own
// tables and rows as Django 3.2 made them (test/fixtures/packs/django), many
// more active users stored as Django stores them (named bulk1 … bulkN, all in
// the group 'sales', as in the demo ERP), and the views made as a DBA would,
// by `migrate make --pack django` and `migrate latest`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { paths } from '../bridge/core/paths';
import type { Dialect } from '../bridge/db/dialect';
import { numberedRows } from '../seeds/data/bulk-users';
import { loadSql } from './load-sql';

const FIXTURE = join(paths.root, 'test', 'fixtures', 'packs', 'django');
const BOOLEAN: Record<Dialect, [string, string]> = {
  sqlite: ['0', '1'],
  pg: ['false', 'true'],
  mysql: ['0', '1'],
  mssql: ['0', '1'],
};

/** Fills the empty database `env` names; `connect` opens it through Knex, `program` is the built bridge. */
export async function djangoDatabase(
  dialect: Dialect,
  env: Record<string, string>,
  users: number,
  connect: () => Knex,
  program: string,
): Promise<void> {
  const dump = join(FIXTURE, dialect);
  loadSql(
    dialect,
    env.BRIDGE_DB_URL!,
    ['auth.sql', 'indexes.sql'].map((file) => join(dump, file)).filter((file) => existsSync(file)),
  );
  const db = connect();
  try {
    const { prefix, from, text, date } = numberedRows(dialect, users);
    const [no, yes] = BOOLEAN[dialect];
    await db.raw(`${prefix}
      insert into auth_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
      select 100000 + n, '', ${no}, ${text('bulk')}, 'Bulk', ${text('User ')}, '', ${no}, ${yes}, ${date} from ${from}`);
    await db('auth_group').insert({ id: 9000, name: 'sales' });
    await db.raw(`${prefix} insert into auth_user_groups (user_id, group_id) select 100000 + n, 9000 from ${from}`);
    if (dialect === 'pg') await db.raw('analyze');
    if (dialect === 'mysql') await db.raw('analyze table auth_user, auth_group, auth_user_groups');
  } finally {
    await db.destroy();
  }
  rmSync(env.BRIDGE_MIGRATIONS_DIR!, { recursive: true, force: true });
  for (const args of [
    ['migrate', 'make', 'papercut_views', '--pack', 'django'],
    ['migrate', 'latest'],
  ]) {
    const result = spawnSync(program, args, { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  }
}
