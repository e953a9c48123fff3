import { listRelations } from '../../db/catalog';
import { VIEW_COLUMNS, VIEWS } from '../../core/contract';
import type { DoctorContext, ViewKey } from './context';
import { finding, plural, type Finding } from './findings';
import { describeError } from './errors';

export interface ViewsResult {
  findings: Finding[];
  /** True when all four views have all their columns: the data checks need them. */
  complete: boolean;
}

/** The four views and their columns, and how many rows each returns; the
 * views in `uncounted` are counted by a later pass over their rows (see
 * `countFinding`). */
export async function checkViews(ctx: DoctorContext, uncounted: readonly ViewKey[] = []): Promise<ViewsResult> {
  const findings: Finding[] = [];
  let complete = true;
  for (const key of Object.keys(VIEWS) as ViewKey[]) {
    ctx.progress(`checking ${VIEWS[key]}`);
    const problem = await viewProblem(ctx, key);
    if (problem) {
      complete = false;
      findings.push(finding(`views.${VIEWS[key]}`, 'error', problem));
      continue;
    }
    if (uncounted.includes(key)) {
      findings.push(countFinding(key, undefined));
      continue;
    }
    const [row] = await ctx.db(ctx.view(key)).count({ n: '*' });
    findings.push(countFinding(key, Number(row?.n ?? 0)));
  }
  return { findings, complete };
}

export function countFinding(key: ViewKey, count: number | undefined): Finding {
  const columns = plural(VIEW_COLUMNS[key].length, 'column');
  const check = `views.${VIEWS[key]}`;
  if (count === undefined) return finding(check, 'ok', `${VIEWS[key]}: ${columns}`);
  // all-users refuses an empty list, since PaperCut would delete every synced account.
  if (key === 'users' && count === 0) {
    const message = `${VIEWS[key]} returns no rows: all-users refuses to answer and PaperCut cannot sync`;
    return finding(check, 'error', message, { count });
  }
  return finding(check, 'ok', `${VIEWS[key]}: ${columns}, ${plural(count, 'row')}`, { count });
}

/** Why the bridge cannot read a view: missing, lacking columns, or unreadable. */
async function viewProblem(ctx: DoctorContext, key: ViewKey): Promise<string | undefined> {
  try {
    await ctx.queries.viewCheck(key);
    return undefined;
  } catch (error) {
    const name = VIEWS[key];
    const relations = await listRelations(ctx.db, ctx.config.dialect, ctx.config.schema).catch(() => undefined);
    if (relations && !relations.some((relation) => relation.toLowerCase() === name)) {
      return `${name} is missing${ctx.config.schema ? ` from schema ${ctx.config.schema}` : ''}: create it (views/README.md)`;
    }
    const missing: string[] = [];
    for (const column of VIEW_COLUMNS[key]) {
      const readable = await ctx.db
        .select(column)
        .from(ctx.view(key))
        .whereRaw('1 = 0')
        .then(
          () => true,
          () => false,
        );
      if (!readable) missing.push(column);
    }
    if (missing.length) return `${name} lacks ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}`;
    return `cannot read ${name}: ${describeError(ctx.config, error)}`;
  }
}
