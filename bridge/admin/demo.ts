import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { withDb } from '../db/connect';
import { usageError } from '../errors';
import type { Log } from '../log';
import { paths } from '../paths';
import { migratorConfig } from './migrate';

/** Creates the demo ERP (tables, views, people) in a SQLite file: the
 * installation's own demo database, which it replaces, or a new file. It never
 * writes into an existing file it does not own, so no real ERP gets demo tables. */
export async function createDemo(log: Log, file?: string): Promise<string> {
  const target = file ? resolve(file) : paths.demoDatabase;
  if (file && existsSync(target)) throw usageError(`${target} exists; the demo ERP is only created in a new file`);
  if (!file) rmSync(target, { force: true });
  mkdirSync(dirname(target), { recursive: true });

  const config: Config = {
    dialect: 'sqlite',
    url: target,
    schema: undefined,
    demo: true,
    migrationsDir: paths.defaultMappingDir,
    configFile: undefined,
  };
  await withDb(config, log, { readOnly: false }, async (db) => {
    await db.migrate.latest(migratorConfig(config));
    const { seed } = require('../../seeds/01_demo_erp') as { seed: (knex: Knex) => Promise<void> };
    await seed(db);
  });
  return target;
}
