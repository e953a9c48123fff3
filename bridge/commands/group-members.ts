import type { Directory, NamedUser } from '../db/queries';
import type { UserRow } from '../db/views';
import { compareCodeUnits, userLine } from '../protocol/format';
import { nameKey } from '../protocol/usernames';
import { guardCount } from '../state/guard';
import { stateOf, withDirectory, type CallContext } from './context';
import { requireGroup } from './users';

/** The group's active members, one per name, with their usernames as
 * PaperCut sees them, in code-unit order. */
async function members<T extends Pick<UserRow, 'username'>>(
  ctx: CallContext,
  group: string,
  read: (directory: Directory) => Promise<NamedUser<T>[]>,
): Promise<NamedUser<T>[]> {
  const users = await withDirectory(ctx, async (directory) => {
    await requireGroup(directory.groupExists(group), group);
    return read(directory);
  });
  return users.sort((a, b) => compareCodeUnits(a.name, b.name));
}

/** `- group-member-names GROUP`: the usernames of the group's active members. */
export async function groupMemberNames(ctx: CallContext, group: string): Promise<void> {
  for (const { name } of await members(ctx, group, (directory) => directory.groupMemberNames(group))) {
    ctx.out.line(name);
  }
}

/** `- group-members GROUP`: a user line for each of the group's active
 * members. PaperCut syncs from this list when the sync is restricted to a
 * group, so the mass-deletion guard watches it per group. */
export async function groupMembers(ctx: CallContext, group: string): Promise<void> {
  const state = stateOf(ctx);
  const record = state.read();
  const users = await members(ctx, group, (directory) => directory.groupMembers(group));
  const key = nameKey(group);
  guardCount({
    what: `group-members ${group} for ${state.label}`,
    count: users.length,
    previous: record.groupMembers[key],
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: false,
  });
  for (const { row, name } of users) ctx.out.line(userLine(row, name)!);
  const groupMembers = { ...record.groupMembers, [key]: { count: users.length, at: new Date().toISOString() } };
  state.write({ ...record, database: state.label, groupMembers });
}
