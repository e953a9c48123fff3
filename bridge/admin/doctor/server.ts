import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { Dialect } from '../../core/contract';
import { ADAPTERS } from '../../db/dialects';

export interface ServerInfo {
  dialect: Dialect;
  product: string;
  connected: boolean;
  version: string | null;
  /** Connecting and asking the version: what each PaperCut call pays before its query. */
  connectMs: number | null;
}

/** Connects (the first query opens the connection) and asks the version. Throws when the server cannot be reached. */
export async function serverInfo(db: Knex, dialect: Dialect): Promise<ServerInfo> {
  const started = performance.now();
  const version = await ADAPTERS[dialect].serverVersion(db);
  const connectMs = performance.now() - started;
  return { dialect, product: ADAPTERS[dialect].product, connected: true, version, connectMs };
}

export function unreachable(dialect: Dialect): ServerInfo {
  return { dialect, product: ADAPTERS[dialect].product, connected: false, version: null, connectMs: null };
}
