// For developers: `npx knex migrate:latest` / `npx knex seed:run` against the
// demo ERP, from the TypeScript source. Operators and DBAs use the built
// program instead (`papercut-bridge migrate …`), which shares these settings.
import type { Knex } from 'knex';
import { migratorConfig } from './bridge/admin/migrate';
import { resolveConfig } from './bridge/config/config';
import { knexConfig } from './bridge/db/connect';
import { Log } from './bridge/core/log';

const config = resolveConfig({ env: process.env, demoWhenUnset: true });

const knexfile: Knex.Config = {
  ...knexConfig(config, new Log(process.stderr), { readOnly: false }),
  migrations: migratorConfig(config),
  seeds: { directory: './seeds', loadExtensions: ['.ts'] },
};

export default knexfile;
