import { performance } from 'node:perf_hooks';
import type { DoctorContext } from './context';
import type { Finding } from './findings';
import { GROUP_WORDING, NameTally, nameFindings } from './name-tally';
import { forEachRow } from '../../db/stream-rows';

export interface GroupsResult {
  findings: Finding[];
  /** Streaming all-groups' own query, with these checks on each row. */
  allGroupsMs: number;
  /** Every group name, for the membership check. */
  names: NameTally;
}

/** One pass over all-groups' query: empty, colliding and unclean group names. */
export async function checkGroups(ctx: DoctorContext): Promise<GroupsResult> {
  const names = new NameTally('group names');
  ctx.progress('reading papercut_groups');
  const started = performance.now();
  await forEachRow(ctx.db, ctx.config.dialect, ctx.queries.allGroups(), (row) => names.add(row.group_name), {
    label: 'papercut_groups',
    report: ctx.progress,
  });
  return { findings: nameFindings(names, GROUP_WORDING), allGroupsMs: performance.now() - started, names };
}
