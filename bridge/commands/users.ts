import type { Directory } from '../db/queries';
import { notFound } from '../errors';
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

/** Fails with "unknown group" unless papercut_groups lists the group. */
export async function requireGroup(exists: Promise<boolean>, group: string): Promise<void> {
  if (!(await exists)) throw notFound(`group '${group}' is not in papercut_groups`);
}
