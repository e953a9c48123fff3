import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join } from 'node:path';
import type { Knex } from 'knex';
import { configError } from '../core/errors';
import { compareCodeUnits } from '../protocol/format';

/** The bookkeeping table; not Knex's default name, so an ERP that uses Knex itself is left alone. */
export const MIGRATIONS_TABLE = 'papercut_bridge_migrations';

const LOADABLE = new Set(['.js', '.cjs', '.ts']);

export interface MigrationFile {
  name: string;
  path: string;
}

/** The DBA's migrations: the files of one folder, ordered by name. A
 * migration is named without its extension, so the same migration run from
 * the TypeScript source (knexfile.ts) or from the built program is recorded once. */
export class FolderMigrationSource implements Knex.MigrationSource<MigrationFile> {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<MigrationFile[]> {
    if (!existsSync(this.dir)) return [];
    const files = readdirSync(this.dir);
    // The program is CommonJS loaded from a code cache (or a single executable), where import() is not available.
    const esm = files.find((file) => extname(file) === '.mjs');
    if (esm) {
      throw configError(
        `${join(this.dir, esm)} is an ES module, which the bridge cannot load: write migrations as CommonJS (.js), as migrate make does`,
      );
    }
    return files
      .filter((file) => LOADABLE.has(extname(file)) && !file.endsWith('.d.ts'))
      .map((file) => ({ name: basename(file, extname(file)), path: join(this.dir, file) }))
      .sort((a, b) => compareCodeUnits(a.name, b.name));
  }

  getMigrationName(migration: MigrationFile): string {
    return migration.name;
  }

  async getMigration(migration: MigrationFile): Promise<Knex.Migration> {
    // Through a require() of the file's own, since a release executable's require() reaches Node's modules only.
    return createRequire(migration.path)(migration.path) as Knex.Migration;
  }
}
