import { type Config, VIEWS } from '../core/contract';
import { withDb } from '../db/connect';
import { ADAPTERS } from '../db/dialects';
import { usageError } from '../core/errors';
import type { Log } from '../core/log';

const VIEW_NAMES = Object.values(VIEWS);

/** Creates the read-only login PaperCut's calls should use. Run it as the
 * DBA (BRIDGE_DB_URL with rights to create logins); the password comes from
 * stdin, never from the command line. */
export async function createReader(config: Config, log: Log, role: string, password: string): Promise<string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(role)) {
    throw usageError('the reader name may use letters, digits and _ only, starting with a letter or _');
  }
  if (password.length < 12) throw usageError('give the reader a password of at least 12 characters on stdin');
  await withDb(config, log, { readOnly: false }, async (db) => {
    for (const statement of await ADAPTERS[config.dialect].readerLogin(db, role, password, config.schema))
      await statement;
  });
  return `created ${role}: SELECT on ${VIEW_NAMES.join(', ')}, nothing else`;
}
