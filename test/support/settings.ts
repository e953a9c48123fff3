import { DEFAULT_TIMEOUTS, type Config } from '../../bridge/config';
import type { Dialect } from '../../bridge/db/dialect';
import { Log } from '../../bridge/log';

/** A Log that writes nowhere. */
export const SILENT_LOG = new Log({ write: () => true } as never);

/** A resolved configuration for a dialect and URL, as resolveConfig would give it. */
export function testConfig(dialect: Dialect, url: string, extra: Partial<Config> = {}): Config {
  return {
    dialect,
    url,
    schema: undefined,
    demo: false,
    migrationsDir: '/tmp',
    configFile: undefined,
    ...DEFAULT_TIMEOUTS,
    ...extra,
  };
}
