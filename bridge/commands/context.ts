import type { Config } from '../core/contract';
import { withDb } from '../db/connect';
import { Directory } from '../db/queries';
import type { Io } from '../core/io';
import type { Log } from '../core/log';
import type { Spool } from '../core/spool';
import { describeDatabase } from '../state/database-key';
import { StateStore } from '../state/store';

/** What every PaperCut call gets: settings, diagnostics, stdin and the answer spool. */
export interface CallContext {
  config: Config;
  log: Log;
  io: Io;
  out: Spool;
}

/** Runs read queries against the views, over one read-only connection. */
export function withDirectory<T>(ctx: CallContext, work: (directory: Directory) => Promise<T>): Promise<T> {
  return withDb(ctx.config, ctx.log, { readOnly: true }, (db) => work(new Directory(db, ctx.config)));
}

/** What the bridge remembers of the database the directory reads. */
export async function stateOf(config: Config, directory: Directory): Promise<StateStore> {
  return new StateStore(config.stateDir, describeDatabase(config, await directory.identity()));
}
