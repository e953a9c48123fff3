import { FolderMigrationSource, MIGRATIONS_TABLE } from '../../db/migration-source';
import type { PackStamp } from '../../packs/scaffold';
import type { DoctorContext } from './context';
import { finding, type Finding } from './findings';

/** Where the views came from: the newest applied migration of the DBA's
 * folder that a pack made, or that no pack made them. */
export async function checkMapping(ctx: DoctorContext): Promise<Finding[]> {
  const { db, config } = ctx;
  if (config.demo) return [finding('views.mapping', 'info', "the views are the demo ERP's own")];
  if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) {
    return [finding('views.mapping', 'info', 'the views were not made by papercut-bridge migrate')];
  }
  const applied = new Set(
    ((await db(MIGRATIONS_TABLE).select('name')) as { name: string }[]).map(({ name }) => name.replace(/\.\w+$/, '')),
  );
  const source = new FolderMigrationSource(config.migrationsDir);
  const files = (await source.getMigrations()).filter(({ name }) => applied.has(name)).reverse();
  for (const file of files) {
    const pack = ((await source.getMigration(file)) as { pack?: PackStamp }).pack;
    if (!pack || typeof pack.name !== 'string') continue;
    const options = Object.entries(pack.options ?? {})
      .map(([name, value]) => `${name}=${value || '(empty)'}`)
      .join(', ');
    const message = `the views come from pack ${pack.name} ${pack.version} (migration ${file.name}${options ? `; ${options}` : ''})`;
    return [finding('views.mapping', 'info', message)];
  }
  const newest = files[0]?.name;
  return [
    finding(
      'views.mapping',
      'info',
      newest
        ? `the views come from the migration ${newest}, which no pack made`
        : 'no migration of the folder has been applied',
    ),
  ];
}
