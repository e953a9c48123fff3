import { notFound } from '../core/errors';

/** Fails with "unknown group" unless papercut_groups lists the group. */
export async function requireGroup(exists: Promise<boolean>, group: string): Promise<void> {
  if (!(await exists)) throw notFound(`group '${group}' is not in papercut_groups`);
}
