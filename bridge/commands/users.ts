import type { Directory } from '../db/queries';
import type { UserRow } from '../db/views';
import { notFound } from '../errors';
import { onePerName, sanitize } from '../protocol/format';
import { UserLines, type AnswerLines } from './user-lines';

/** The all-users answer, line by line (see UserLines); returns the counts. */
export async function eachUserLine(
  directory: Directory,
  out: AnswerLines,
): Promise<{ users: number; nameless: number; collisions: number }> {
  const lines = new UserLines(out);
  await directory.eachUser(lines);
  return lines.finish();
}

/** Rows with a usable username, one per name as PaperCut sees it, and how
 * many rows were left out for want of a name or for a colliding one. */
export function distinctUsers<T extends Pick<UserRow, 'username'>>(
  rows: T[],
): { users: T[]; nameless: number; collisions: number } {
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
