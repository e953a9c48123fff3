import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { compareCodeUnits } from '../protocol/format';
import * as demoErpSchema from '../../migrations/demo-erp/20261126000000_demo_erp_schema';
import * as papercutViews from '../../migrations/views/20261126000100_papercut_views';

/** The demo ERP's migrations (migrations/), imported rather than looked up on
 * disk, so that they are part of the bundled program. */
export const DEMO_MIGRATIONS: Readonly<Record<string, Knex.Migration>> = {
  '20261126000000_demo_erp_schema': demoErpSchema,
  '20261126000100_papercut_views': papercutViews,
};

/** The bookkeeping table; not Knex's default name, so an ERP that uses Knex itself is left alone. */
export const MIGRATIONS_TABLE = 'papercut_bridge_migrations';

const LOADABLE = new Set(['.js', '.cjs', '.mjs', '.ts']);

export interface MigrationFile {
  name: string;
  path: string;
}

/** The demo ERP's migrations, ordered by name. */
export class DemoMigrationSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return Object.keys(DEMO_MIGRATIONS).sort();
  }

  getMigrationName(name: string): string {
    return name;
  }

  async getMigration(name: string): Promise<Knex.Migration> {
    return DEMO_MIGRATIONS[name]!;
  }
}

/** The DBA's migrations: the files of one folder, ordered by name. A
 * migration is named without its extension, so the same migration run from
 * the TypeScript source (knexfile.ts) or from the built program is recorded once. */
export class FolderMigrationSource implements Knex.MigrationSource<MigrationFile> {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<MigrationFile[]> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((file) => LOADABLE.has(extname(file)) && !file.endsWith('.d.ts'))
      .map((file) => ({ name: basename(file, extname(file)), path: join(this.dir, file) }))
      .sort((a, b) => compareCodeUnits(a.name, b.name));
  }

  getMigrationName(migration: MigrationFile): string {
    return migration.name;
  }

  async getMigration(migration: MigrationFile): Promise<Knex.Migration> {
    // DBAs write CommonJS (the scaffold does); an ES module needs import().
    if (migration.path.endsWith('.mjs')) return (await import(pathToFileURL(migration.path).href)) as Knex.Migration;
    return require(migration.path) as Knex.Migration;
  }
}
