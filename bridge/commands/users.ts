import type { UserRow } from '../db/views';
import { notFound } from '../errors';
import { onePerName, sanitize } from '../protocol/format';
import type { CallContext } from './context';

/** Rows with a usable username, one per name as PaperCut sees it. */
export function distinctUsers(ctx: CallContext, rows: UserRow[]): UserRow[] {
  const named = rows.filter((row) => sanitize(row.username) !== '');
  const { kept, dropped } = onePerName(named, (row) => sanitize(row.username));
  if (named.length < rows.length) {
    ctx.log.warn(`skipped ${rows.length - named.length} row(s) of papercut_users with an empty username`);
  }
  if (dropped) ctx.log.warn(`${dropped} username(s) collide case-insensitively with another; each name is listed once`);
  return kept;
}

/** Of the rows that match one name case-insensitively, the one every call
 * picks (see `onePerName`); undefined when none has a usable username. */
export function pickUser(rows: UserRow[]): UserRow | undefined {
  return onePerName(
    rows.filter((row) => sanitize(row.username) !== ''),
    (row) => sanitize(row.username),
  ).kept[0];
}

/** Fails with "unknown group" unless papercut_groups lists the group. */
export async function requireGroup(exists: Promise<boolean>, group: string): Promise<void> {
  if (!(await exists)) throw notFound(`group '${group}' is not in papercut_groups`);
}
