import type { Directory, NamedUser } from '../db/queries';
import type { UserRow } from '../core/contract';
import { compareCodeUnits, userLine } from '../protocol/format';
import { nameKey } from '../protocol/usernames';
import { guardCount } from '../state/guard';
import { stateOf, withDirectory, type CallContext } from './context';
import { requireGroup } from './require-group';

/** The group's active members, one per name, with their usernames as
 * PaperCut sees them, in code-unit order. PaperCut syncs a group from this
 * list (group-members when the sync is restricted to a group,
 * group-member-names for every group it knows), so the mass-deletion guard
 * watches it per group; the count is remembered once the guard lets it through. */
async function members<T extends Pick<UserRow, 'username'>>(
  ctx: CallContext,
  group: string,
  read: (directory: Directory) => Promise<NamedUser<T>[]>,
): Promise<NamedUser<T>[]> {
  const { users, state, record } = await withDirectory(ctx, async (directory) => {
    const state = await stateOf(ctx.config, directory);
    const record = state.read();
    await requireGroup(directory.groupExists(group), group);
    return { users: await read(directory), state, record };
  });
  const key = nameKey(group);
  guardCount({
    what: `the members of ${group} in ${state.label}`,
    count: users.length,
    // A record per group name: `constructor` or `__proto__` is a group like any other.
    previous: Object.hasOwn(record.groupMembers, key) ? record.groupMembers[key] : undefined,
    maxDropPercent: ctx.config.maxUserDropPercent,
    refuseEmpty: false,
  });
  const groupMembers = { ...record.groupMembers, [key]: { count: users.length, at: new Date().toISOString() } };
  state.write({ ...record, database: state.label, groupMembers });
  return users.sort((a, b) => compareCodeUnits(a.name, b.name));
}

/** `- group-member-names GROUP`: the usernames of the group's active members. */
export async function groupMemberNames(ctx: CallContext, group: string): Promise<void> {
  for (const { name } of await members(ctx, group, (directory) => directory.groupMemberNames(group))) {
    ctx.out.line(name);
  }
}

/** `- group-members GROUP`: a user line for each of the group's active members. */
export async function groupMembers(ctx: CallContext, group: string): Promise<void> {
  for (const { row, name } of await members(ctx, group, (directory) => directory.groupMembers(group))) {
    ctx.out.line(userLine(row, name)!);
  }
}
