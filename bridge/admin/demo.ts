import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Knex } from 'knex';
import { resolveConfig } from '../config/config';
import type { Config, Env } from '../core/contract';
import { listRelations } from '../db/catalog';
import { withDb } from '../db/connect';
import { ADAPTERS } from '../db/dialects';
import { usageError } from '../core/errors';
import type { Log } from '../core/log';
import { migratorConfig } from './migrate';

/** Creates the demo ERP (tables, views, people): in a new SQLite file, in the
 * installation's own demo file (replacing it), or in the configured database
 * if that is empty. It never writes into a database that holds anything, so no
 * real ERP ever gets demo tables. Returns where it went. */
export async function createDemo(log: Log, env: Env, file?: string): Promise<string> {
  if (file) {
    const target = resolve(file);
    if (existsSync(target)) throw usageError(`${target} exists; the demo ERP is only created in a new file`);
    return fill(log, sqliteFileConfig(target), target);
  }
  const config = resolveConfig({ env, demoWhenUnset: true });
  if (config.demo) {
    rmSync(config.url, { force: true });
    return fill(log, config, config.url);
  }
  return fill(log, config, `the configured ${config.dialect} database`, async (db) => {
    const existing = await listRelations(db, config.dialect, config.schema);
    if (existing.length) {
      throw usageError(
        `the configured database already holds ${existing.length} table(s) or view(s); the demo ERP only goes into an empty one`,
      );
    }
  });
}

function sqliteFileConfig(file: string): Config {
  const settings = { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: file };
  return resolveConfig({ env: settings, readFile: () => undefined });
}

async function fill(log: Log, config: Config, where: string, check?: (db: Knex) => Promise<void>): Promise<string> {
  if (ADAPTERS[config.dialect].isFile) mkdirSync(dirname(config.url), { recursive: true });
  await withDb(config, log, { readOnly: false }, async (db) => {
    await check?.(db);
    await db.migrate.latest(migratorConfig(config, { demoTables: true }));
    const { seed } = require('../../seeds/01_demo_erp') as { seed: (knex: Knex) => Promise<void> };
    await seed(db);
  });
  return where;
}
