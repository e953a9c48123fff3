import type { Directory } from '../db/queries';
import type { UserRow } from '../db/views';
import { notFound } from '../errors';
import { DistinctNames, FIRST, REPEATED } from '../protocol/distinct-names';
import { onePerName, sanitize, userLineOf } from '../protocol/format';

/** Where the all-users answer goes, line by line. */
export interface AnswerLines {
  line(text: string): void;
  /** Leaves out a line given earlier (counted from 0). */
  dropLine(index: number): void;
}

/** The all-users answer, line by line as rows stream from the database in
 * whatever order it returns them: rows without a usable username are skipped,
 * and of names that collide case-insensitively only the one every call picks
 * is kept (see onePerName), which may drop a line given earlier. Returns the counts. */
export async function eachUserLine(
  directory: Directory,
  out: AnswerLines,
): Promise<{ users: number; nameless: number; collisions: number }> {
  const names = new DistinctNames();
  let lines = 0;
  let nameless = 0;
  let collisions = 0;
  await directory.eachUser((values) => {
    const name = sanitize(values[0]);
    if (name === '') return void nameless++;
    const outcome = names.add(name, lines);
    if (outcome === REPEATED) return void collisions++;
    if (outcome !== FIRST) {
      out.dropLine(outcome);
      collisions++;
    }
    out.line(userLineOf(values, name)!);
    lines++;
  });
  return { users: names.size, nameless, collisions };
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
