import { withDirectory, type CallContext } from './context';
import { requireGroup } from './users';

/** `- is-user-in-group GROUP USER`: Y or N; an unknown or inactive user is N. */
export async function isUserInGroup(ctx: CallContext, group: string, username: string): Promise<void> {
  const member = await withDirectory(ctx, async (directory) => {
    await requireGroup(directory.groupExists(group), group);
    return directory.isMember(group, username);
  });
  ctx.out.line(member ? 'Y' : 'N');
}
