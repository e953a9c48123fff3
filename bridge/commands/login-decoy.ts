import type { StoredCredential } from '../auth/registry';
import { chooseDecoy, servesAsDecoy } from '../auth/verify';
import type { CredentialRow, Directory } from '../db/queries';
import { storedName } from '../protocol/usernames';
import type { DecoyOwner } from '../state/decoy-owner';

/** Stored hashes read for choosing the decoy (see chooseDecoy). */
const DECOY_SAMPLE = 64;
/** The credential rows read to find them: a bounded read. */
const DECOY_SCAN = 1024;

/** A credential row as the registry takes it. Trailing spaces go: CHAR
 * columns pad with them (SQL Server, Oracle-born schemas). */
export const toStored = (row: CredentialRow | undefined): StoredCredential | undefined =>
  row?.password_hash
    ? {
        hash: row.password_hash.replace(/ +$/, ''),
        salt: row.password_salt?.replace(/ +$/, '') ?? null,
        scheme: row.password_scheme,
      }
    : undefined;

/** The stored hash a refused login is timed against. Every login asks, known
 * user or not, so its cost tells nothing. It is the remembered owner's
 * credential, read by name through the index, while that still serves;
 * otherwise it is chosen from a sample of the credentials view and its owner
 * remembered (DecoyOwner). A state folder that cannot be written only costs
 * the sample on every login. */
export async function loginDecoy(
  directory: Directory,
  owner: DecoyOwner,
  warn: (message: string) => void,
): Promise<StoredCredential | undefined> {
  const remembered = owner.read();
  if (remembered !== undefined) {
    const rows = await directory.credentials({ stored: remembered, name: remembered, spellings: [] });
    const own = rows.filter((row) => storedName(row.username) === remembered);
    const stored = own.length === 1 ? toStored(own[0]) : undefined;
    if (stored && servesAsDecoy(stored)) return stored;
  }
  const sample = await directory.someCredentials(DECOY_SAMPLE, DECOY_SCAN);
  const chosen = chooseDecoy(
    sample.flatMap((row) => {
      const stored = toStored(row);
      return stored ? [{ ...stored, owner: storedName(row.username) }] : [];
    }),
  );
  if (chosen) {
    try {
      owner.write(chosen.owner);
    } catch (error) {
      warn(
        `cannot remember whose hash times refused logins in ${owner.path} (${codeOf(error)}); every login reads a sample of hashes instead`,
      );
    }
  }
  return chosen;
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';
