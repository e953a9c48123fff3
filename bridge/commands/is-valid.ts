import { withDirectory, type CallContext } from './context';

/** `- is-valid`: Y when the database answers and the four views have their
 * columns. Any failure is answered N by the call table (see `calls.ts`). */
export async function isValid(ctx: CallContext): Promise<void> {
  await withDirectory(ctx, (directory) => directory.checkViews());
  ctx.out.line('Y');
}
