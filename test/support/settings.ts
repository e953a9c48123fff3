import { resolveConfig } from '../../bridge/config/config';
import type { Config } from '../../bridge/core/contract';
import type { Dialect } from '../../bridge/db/dialect';
import { Log } from '../../bridge/core/log';

/** A Log that writes nowhere. */
export const SILENT_LOG = new Log({ write: () => true } as never);

/** The configuration resolveConfig gives for a dialect and URL, with changes. */
export function testConfig(dialect: Dialect, url: string, extra: Partial<Config> = {}): Config {
  const env = { BRIDGE_DB_CLIENT: dialect, BRIDGE_DB_URL: url };
  return { ...resolveConfig({ env, readFile: () => undefined }), ...extra };
}
