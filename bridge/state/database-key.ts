import type { Config } from '../core/contract';
import { ADAPTERS } from '../db/dialects';

export interface DatabaseKey {
  /** The record's file name: a hash of what the database says it is (the adapter's `identity`, db/dialects/). */
  key: string;
  /** The key the record had when it was keyed on the URL, read until the record is written anew. */
  legacyKey: string;
  /** Where the views live, without credentials, for messages. */
  label: string;
}

const hash = (text: string): string => {
  // Loaded here, not at start-up: node:crypto costs SQLite calls ~5 ms, and most calls keep no state.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
};

/** Where the views live, as the configuration says, without credentials. */
export function databaseLabel(config: Pick<Config, 'dialect' | 'url' | 'schema'>): string {
  let where = config.url;
  if (!ADAPTERS[config.dialect].isFile) {
    const url = new URL(config.url);
    where = `${url.hostname}:${url.port || 'default'}${url.pathname}`;
  }
  return `${config.dialect} ${where}${config.schema ? ` schema ${config.schema}` : ''}`;
}

/** A file name for what is kept of the configured database, from its label alone. */
export const configuredKey = (config: Pick<Config, 'dialect' | 'url' | 'schema'>): string =>
  hash(databaseLabel(config));

/** Names the database and schema the views live in: the guard keeps one
 * record per database, so that pointing the bridge at another database
 * never compares two different user lists, and spelling the same one
 * differently never starts it afresh. */
export function describeDatabase(config: Pick<Config, 'dialect' | 'url' | 'schema'>, identity: string): DatabaseKey {
  const schema = config.schema ? ` schema ${config.schema}` : '';
  const label = databaseLabel(config);
  return { key: hash(`${config.dialect} ${identity}${schema}`), legacyKey: hash(label), label };
}
