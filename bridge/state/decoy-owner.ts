import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/contract';
import { writePrivateFile } from '../core/private-files';
import { configuredKey } from './database-key';

/** How long a remembered owner serves before a login chooses again, so that
 * a database moving to another scheme or cost is followed within a day. */
export const DECOY_OWNER_KEPT_MS = 24 * 60 * 60 * 1000;
/** Longer names are not remembered: the file stays small whatever a row holds. */
const MAX_NAME_LENGTH = 256;

interface Remembered {
  username: string;
  at: string;
}

/** Whose stored hash an unknown user's login is timed against (chooseDecoy),
 * remembered by username only, never by hash. A login then reads that one
 * credential by name instead of a sample of the credentials view, which is
 * slow where the view filters a large user table down to a few hashes.
 * Kept per configured database: a name that is not there is chosen again. */
export class DecoyOwner {
  readonly path: string;

  constructor(config: Pick<Config, 'stateDir' | 'dialect' | 'url' | 'schema'>) {
    this.path = join(config.stateDir, `${configuredKey(config)}.decoy-owner.json`);
  }

  /** The remembered username, unless it is missing, unreadable or too old. */
  read(now = Date.now()): string | undefined {
    let record: Partial<Remembered>;
    try {
      record = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Remembered>;
    } catch {
      // Missing or damaged: the login chooses again and writes it anew.
      return undefined;
    }
    const age = now - Date.parse(String(record?.at));
    if (typeof record?.username !== 'string' || !(age >= 0 && age < DECOY_OWNER_KEPT_MS)) return undefined;
    return record.username;
  }

  /** Remembers `username`; false when it is too long to keep. Throws when the file cannot be written. */
  write(username: string, now = Date.now()): boolean {
    if (username.length > MAX_NAME_LENGTH) return false;
    const record: Remembered = { username, at: new Date(now).toISOString() };
    writePrivateFile(this.path, `${JSON.stringify(record)}\n`);
    return true;
  }
}
