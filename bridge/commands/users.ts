import type { Directory } from '../db/queries';
import type { UserRow } from '../db/views';
import { notFound } from '../errors';
import { nameKey, onePerName, sanitize, userLine } from '../protocol/format';

/** The all-users answer, line by line as it streams from the database: rows
 * without a usable username are skipped, and since rows come in code-point
 * order, the first of names that collide case-insensitively is the one every
 * call picks (see onePerName). Returns the counts. */
export async function eachUserLine(
  directory: Directory,
  onLine: (line: string) => void,
): Promise<{ users: number; nameless: number; collisions: number }> {
  const seen = new Set<string>();
  let nameless = 0;
  let collisions = 0;
  await directory.eachUser((row) => {
    const name = sanitize(row.username);
    if (name === '') return void nameless++;
    const key = nameKey(name);
    if (seen.has(key)) return void collisions++;
    seen.add(key);
    onLine(userLine(row)!);
  });
  return { users: seen.size, nameless, collisions };
}

/** Rows with a usable username, one per name as PaperCut sees it, and how
 * many rows were left out for want of a name or for a colliding one. */
export function distinctUsers(rows: UserRow[]): { users: UserRow[]; nameless: number; collisions: number } {
  const named = rows.filter((row) => sanitize(row.username) !== '');
  const { kept, dropped } = onePerName(named, (row) => sanitize(row.username));
  return { users: kept, nameless: rows.length - named.length, collisions: dropped };
}

/** Of the rows that match one name case-insensitively, the one every call
 * picks (see `onePerName`); undefined when none has a usable username. */
export function pickUser(rows: UserRow[]): UserRow | undefined {
  return distinctUsers(rows).users[0];
}

/** Fails with "unknown group" unless papercut_groups lists the group. */
export async function requireGroup(exists: Promise<boolean>, group: string): Promise<void> {
  if (!(await exists)) throw notFound(`group '${group}' is not in papercut_groups`);
}
