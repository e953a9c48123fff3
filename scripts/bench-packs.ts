// Packs at a million users, for `npm run bench`: a system's own tables and
// rows (the pack's test fixture: made by the system itself where Debian ships
// it, as Django and Tryton; else written from its sources), many more users
// stored as the system stores them, and the views made as a DBA would, by
// `migrate make --pack` and `migrate latest`. Each fill (bench-packs/<pack>.ts)
// models the users the pack lists: active and able to sign in as the system
// decides it, named bulk1 … bulkN, all in one group 'sales' (a group, role or
// cohort as the system keeps them, as in the demo ERP); bulk1 holds a
// sha512-crypt hash only where the system keeps such hashes and the pack's
// credentials view hands them over, and then logins are timed too.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Dialect } from '../bridge/db/dialect';
import { loadSql } from './load-sql';
import { aspnetIdentity } from './bench-packs/aspnet_identity';
import { django } from './bench-packs/django';
import { dolibarr } from './bench-packs/dolibarr';
import { erpnext } from './bench-packs/erpnext';
import { idempiere } from './bench-packs/idempiere';
import { moodle } from './bench-packs/moodle';
import { odoo } from './bench-packs/odoo';
import { tryton } from './bench-packs/tryton';
import type { PackBench } from './bench-packs/common';

export type { PackBench };

export const PACK_BENCHES: readonly PackBench[] = [
  django,
  moodle,
  odoo,
  tryton,
  erpnext,
  dolibarr,
  idempiere,
  aspnetIdentity,
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
  const options = (bench.options ?? []).flatMap((option) => ['--option', option]);
  for (const args of [
    ['migrate', 'make', 'papercut_views', '--pack', bench.pack, ...options],
    ['migrate', 'latest'],
  ]) {
    const result = spawnSync(program, args, { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bench.pack}: ${args.join(' ')}: ${result.stderr}`);
  }
}
