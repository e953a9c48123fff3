import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { Config } from '../core/contract';
import { withDb } from '../db/connect';
import { FolderMigrationSource, MIGRATIONS_TABLE, type MigrationFile } from '../db/migration-source';
import { DemoMigrationSource } from './demo-migrations';
import { readViewStatements } from '../db/view-sql';
import { BridgeError, configError, usageError } from '../core/errors';
import { loadPack } from '../packs/manifest';
import { packMigration } from '../packs/scaffold';
import type { Log } from '../core/log';

/** The demo ERP's database gets the demo tables and their views (and so does
 * an empty database `papercut-bridge demo` fills); a real database only ever
 * gets the DBA's own mapping folder. */
export function migratorConfig(config: Config, { demoTables = config.demo } = {}): Knex.MigratorConfig {
  return {
    migrationSource: demoTables ? new DemoMigrationSource() : new FolderMigrationSource(config.migrationsDir),
    tableName: MIGRATIONS_TABLE,
    schemaName: config.schema,
  };
}

export type MigrateAction = 'latest' | 'rollback' | 'status';

/** Applies, rolls back or lists migrations; returns the lines to show. */
export async function migrate(config: Config, log: Log, action: MigrateAction): Promise<string[]> {
  const settings = migratorConfig(config);
  return withDb(config, log, { readOnly: false }, async (db) => {
    if (action === 'latest') {
      const [batch, names] = (await db.migrate.latest(settings).catch(migrationFailure)) as [number, string[]];
      return names.length ? names.map((name) => `applied ${name} (batch ${batch})`) : ['already up to date'];
    }
    if (action === 'rollback') {
      const [batch, names] = (await db.migrate.rollback(settings)) as [number, string[]];
      return names.length ? names.map((name) => `rolled back ${name} (batch ${batch})`) : ['nothing to roll back'];
    }
    // With a custom source, Knex lists pending migrations as that source's own objects.
    const [done, pending] = (await db.migrate.list(settings)) as [{ name: string }[], MigrationFile[]];
    return [
      ...done.map((migration) => `applied  ${migration.name}`),
      ...pending.map((migration) => `pending  ${migration.name}`),
    ];
  });
}

/** A migration that threw (a pack's check of the tables, a view the
 * database refused): one line naming it; Knex rolled its transaction back. */
function migrationFailure(error: unknown): never {
  if (error instanceof BridgeError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new BridgeError('software', `migration failed, nothing of it applied: ${message}`, { cause: error });
}

export interface MakeOptions {
  /** A mapping pack's views instead of the demo's scaffold. */
  pack?: string;
  /** The pack's KEY=VALUE options. */
  options?: readonly string[];
  now?: Date;
}

/** Writes a new mapping migration with the four views for the configured
 * dialect: a pack's, or the demo's as a scaffold to adapt. */
export function makeMigration(
  config: Config,
  name: string,
  { pack, options = [], now = new Date() }: MakeOptions = {},
): string {
  if (config.demo) {
    throw configError('set BRIDGE_DB_CLIENT and BRIDGE_DB_URL for your ERP before scaffolding its mapping');
  }
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw usageError('the migration name may use letters, digits, _ and - only');
  if (!pack && options.length) throw usageError('--option is for a pack: name it with --pack');
  // Rendered first: a refused option writes nothing.
  const text = pack ? packMigration(loadPack(pack), config.dialect, options) : scaffold(config);
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const file = join(config.migrationsDir, `${stamp}_${name}.js`);
  mkdirSync(config.migrationsDir, { recursive: true });
  // Owner-only: a pack's secret option (a salt) is written into it.
  writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  return file;
}

function scaffold(config: Config): string {
  const views = readViewStatements(config.dialect);
  const statements = views.map(({ sql }) => `  \`${sql.replace(/[`\\$]/g, '\\$&')}\`,`).join('\n');
  const names = views.map(({ view }) => JSON.stringify(view)).join(', ');
  return `// Maps your ERP's tables to the four views PaperCut reads (see views/README.md).
// Written for ${config.dialect} from the demo ERP's mapping: replace its tables
// (hr_employees, sec_roles, …) with your ERP's, then run
//   papercut-bridge migrate latest
// knex.raw() treats a lone ? as a binding: write \\\\? for a literal question mark.

const VIEWS = [${names}];

const CREATE_VIEWS = [
${statements}
];

exports.up = async function up(knex) {
  for (const view of [...VIEWS].reverse()) await knex.schema.dropViewIfExists(view);
  for (const sql of CREATE_VIEWS) await knex.raw(sql);
};

exports.down = async function down(knex) {
  for (const view of [...VIEWS].reverse()) await knex.schema.dropViewIfExists(view);
};
`;
}
