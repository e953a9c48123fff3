import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BridgeError } from '../core/errors';
import { writePrivateFile } from '../core/private-files';
import type { DatabaseKey } from './database-key';

/** A count the guard compares the next answer with. */
export interface CountRecord {
  count: number;
  at: string;
}

/** The installation's last successful all-users: which database it came from. */
export interface LastAllUsers extends CountRecord {
  key: string;
  database: string;
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
  readonly key: string;
  private readonly base: string;
  private readonly legacyBase: string;

  constructor(
    readonly dir: string,
    database: DatabaseKey,
  ) {
    this.label = database.label;
    this.key = database.key;
    this.base = join(dir, database.key);
    this.legacyBase = join(dir, database.legacyKey);
  }

  get snapshotPath(): string {
    return `${this.base}.all-users.tsv`;
  }

  private get recordPath(): string {
    return `${this.base}.json`;
  }

  /** The installation's one record of where its last all-users came from. */
  private get lastAllUsersPath(): string {
    return join(this.dir, 'last-all-users.json');
  }

  /** This database's record; one kept under the URL's key by an earlier
   * version counts until the next write. */
  read(): DatabaseState {
    const state =
      this.readJson<DatabaseState>(this.recordPath) ?? this.readJson<DatabaseState>(`${this.legacyBase}.json`);
    if (state === undefined) return { database: this.label, groupMembers: {} };
    if (typeof state !== 'object' || state === null || typeof state.groupMembers !== 'object') {
      throw this.corrupt(this.recordPath, 'not a state record');
    }
    return state;
  }

  write(state: DatabaseState): void {
    this.writeJson(this.recordPath, state);
  }

  lastAllUsers(): LastAllUsers | undefined {
    const last = this.readJson<LastAllUsers>(this.lastAllUsersPath);
    if (last !== undefined && (typeof last !== 'object' || last === null || typeof last.key !== 'string')) {
      throw this.corrupt(this.lastAllUsersPath, 'not a record of the last all-users');
    }
    return last;
  }

  writeLastAllUsers(count: CountRecord): void {
    this.writeJson(this.lastAllUsersPath, { key: this.key, database: this.label, ...count });
  }

  private readJson<T>(path: string): T | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.failure('cannot read', path, error);
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw this.corrupt(path, (error as Error).message);
    }
  }

  private writeJson(path: string, value: unknown): void {
    try {
      writePrivateFile(path, `${JSON.stringify(value, null, 2)}\n`);
    } catch (error) {
      throw this.failure('cannot write', path, error);
    }
  }

  private corrupt(path: string, why: string): BridgeError {
    return new BridgeError(
      'io',
      `the state file ${path} is corrupt (${why}); move it aside to start the guard afresh for this database`,
    );
  }

  private failure(what: string, path: string, error: unknown): BridgeError {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return new BridgeError('io', `${what} the state file ${path} (${code})`, { cause: error });
  }
}
