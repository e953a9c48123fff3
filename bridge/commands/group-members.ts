import { sanitize, userLine } from '../protocol/format';
import { withDirectory, type CallContext } from './context';
import { distinctUsers, requireGroup } from './users';

async function members(ctx: CallContext, group: string) {
  const rows = await withDirectory(ctx, async (directory) => {
    await requireGroup(directory.groupExists(group), group);
    return directory.groupMembers(group);
  });
  return distinctUsers(rows).users;
}

/** `- group-member-names GROUP`: the usernames of the group's active members. */
export async function groupMemberNames(ctx: CallContext, group: string): Promise<void> {
  for (const row of await members(ctx, group)) ctx.out.line(sanitize(row.username));
}

/** `- group-members GROUP`: a user line for each of the group's active members. */
export async function groupMembers(ctx: CallContext, group: string): Promise<void> {
  for (const row of await members(ctx, group)) ctx.out.line(userLine(row)!);
}
