import { performance } from 'node:perf_hooks';
import type { DoctorContext } from './context';
import { finding, type Finding } from './findings';
import type { Probe } from './checks-indexes';
import { isAscii } from './name-tally';
import { forEachRow } from '../../db/stream-rows';

/** Milliseconds per PaperCut call (its queries, one run each); null when not measured. */
export type Timings = Record<TimedCall, number | null>;

export const TIMED_CALLS = [
  'connect',
  'is-valid',
  'all-users',
  'all-groups',
  'get-user-details',
  'group-member-names',
  'is-user-in-group',
] as const;
export type TimedCall = (typeof TIMED_CALLS)[number];

export function emptyTimings(): Timings {
  return Object.fromEntries(TIMED_CALLS.map((call) => [call, null])) as Timings;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Times the single-user and group calls the way the bridge runs them (the
 * streamed all-users and all-groups passes are timed by their checks): one
 * existing user, and the largest group. Returns the names the index check explains. */
export async function timeCalls(
  ctx: DoctorContext,
  timings: Timings,
  sampleUser: string | undefined,
  group: string | undefined,
): Promise<{ probe: Probe }> {
  const { directory } = ctx;
  ctx.progress('timing the PaperCut calls');
  timings['is-valid'] = await time(() => directory.checkViews());
  if (sampleUser !== undefined) timings['get-user-details'] = await time(() => directory.findUser(sampleUser));

  let member: string | undefined;
  if (group !== undefined) {
    // Streamed: the largest group may hold every user; one member is kept, an
    // ASCII name if there is one (see isAscii).
    timings['group-member-names'] = await time(async () => {
      await directory.groupExists(group);
      await forEachRow(ctx.db, ctx.config.dialect, ctx.queries.members(group, undefined, ['username']), (row) => {
        if (typeof row.username !== 'string' || (member !== undefined && !isAscii(row.username))) return;
        if (!isAscii(member)) member = row.username;
      });
    });
    const asked = member ?? sampleUser;
    if (asked !== undefined) {
      timings['is-user-in-group'] = await time(async () => {
        await directory.groupExists(group);
        const user = await directory.findUser(asked);
        if (user) await directory.isMember(group, user);
      });
    }
  }
  return { probe: { user: sampleUser, group, member } };
}

/** A call slower than BRIDGE_STATEMENT_TIMEOUT fails when PaperCut makes it. */
export function timingFindings(timings: Timings, statementTimeoutMs: number): Finding[] {
  return TIMED_CALLS.flatMap((call) => {
    const ms = timings[call];
    if (ms === null || ms <= statementTimeoutMs) return [];
    return [
      finding(
        `timings.${call}`,
        'warning',
        `${call} took ${formatMs(ms)}, longer than BRIDGE_STATEMENT_TIMEOUT (${formatMs(statementTimeoutMs)}): PaperCut's call would fail`,
      ),
    ];
  });
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}
