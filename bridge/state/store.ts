import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { BridgeError } from '../errors';
import { describeDatabase } from './database-key';

/** A count the guard compares the next answer with. */
export interface CountRecord {
  count: number;
  at: string;
}

/** What the bridge remembers of one database. */
export interface DatabaseState {
  database: string;
  allUsers?: CountRecord;
  /** group-members, per group (by its name as PaperCut sees it). */
  groupMembers: Record<string, CountRecord>;
}

/** The state directory: one JSON record per database and the last all-users
 * answer. Writes are atomic (write, then rename); a record that cannot be
 * read is reported, never silently started afresh. */
export class StateStore {
  readonly label: string;
  private readonly base: string;

  constructor(
    readonly dir: string,
    config: Pick<Config, 'dialect' | 'url' | 'schema'>,
  ) {
    const { key, label } = describeDatabase(config);
    this.label = label;
    this.base = join(dir, key);
  }

  get snapshotPath(): string {
    return `${this.base}.all-users.tsv`;
  }

  private get recordPath(): string {
    return `${this.base}.json`;
  }

  read(): DatabaseState {
    let text: string;
    try {
      text = readFileSync(this.recordPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { database: this.label, groupMembers: {} };
      throw this.failure('cannot read', error);
    }
    try {
      const state = JSON.parse(text) as DatabaseState;
      if (typeof state !== 'object' || state === null || typeof state.groupMembers !== 'object')
        throw new Error('not a state record');
      return state;
    } catch (error) {
      throw new BridgeError(
        'io',
        `the state file ${this.recordPath} is corrupt (${(error as Error).message}); ` +
          'move it aside to start the guard afresh for this database',
      );
    }
  }

  write(state: DatabaseState): void {
    const temporary = `${this.recordPath}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, this.recordPath);
    } catch (error) {
      throw this.failure('cannot write', error);
    }
  }

  private failure(what: string, error: unknown): BridgeError {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return new BridgeError('io', `${what} the state file ${this.recordPath} (${code})`, { cause: error });
  }
}
