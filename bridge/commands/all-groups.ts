import { onePerName, sanitize } from '../protocol/format';
import { withDirectory, type CallContext } from './context';

/** `- all-groups`: every group name once. */
export async function allGroups(ctx: CallContext): Promise<void> {
  const names = await withDirectory(ctx, (directory) => directory.allGroupNames());
  const { kept } = onePerName(
    names.map(sanitize).filter((name) => name !== ''),
    (name) => name,
  );
  for (const name of kept) ctx.out.line(name);
}
