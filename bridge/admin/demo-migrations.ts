import type { Knex } from 'knex';
import * as demoErpSchema from '../../migrations/demo-erp/20261126000000_demo_erp_schema';
import * as papercutViews from '../../migrations/views/20261126000100_papercut_views';

/** The demo ERP's migrations (migrations/), imported rather than looked up on
 * disk, so that they are part of the bundled program. */
const DEMO_MIGRATIONS: Readonly<Record<string, Knex.Migration>> = {
  '20261126000000_demo_erp_schema': demoErpSchema,
  '20261126000100_papercut_views': papercutViews,
};

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
