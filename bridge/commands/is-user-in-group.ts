import { withDirectory, type CallContext } from './context';
import { requireGroup } from './require-group';

/** `- is-user-in-group GROUP USER`: Y or N; an unknown or inactive user is N. */
export async function isUserInGroup(ctx: CallContext, group: string, username: string): Promise<void> {
  const member = await withDirectory(ctx, async (directory) => {
    await requireGroup(directory.groupExists(group), group);
    const user = await directory.findUser(username);
    return user !== undefined && (await directory.isMember(group, user));
  });
  ctx.out.line(member ? 'Y' : 'N');
}
