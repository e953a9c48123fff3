import type { Config } from '../config';

/** Names the database and schema the views live in, without credentials:
 * the guard keeps one record per database, so that pointing the bridge at
 * another database never compares two different user lists. */
export function describeDatabase(config: Pick<Config, 'dialect' | 'url' | 'schema'>): { key: string; label: string } {
  let where = config.url;
  if (config.dialect !== 'sqlite') {
    const url = new URL(config.url);
    where = `${url.hostname}:${url.port || 'default'}${url.pathname}`;
  }
  const label = `${config.dialect} ${where}${config.schema ? ` schema ${config.schema}` : ''}`;
  // Loaded here, not at start-up: node:crypto costs SQLite calls ~5 ms, and most calls keep no state.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return { key: createHash('sha256').update(label).digest('hex').slice(0, 16), label };
}
