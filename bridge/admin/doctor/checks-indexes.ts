import type { Knex } from 'knex';
import { ADAPTERS } from '../../db/dialects';
import type { DoctorContext } from './context';
import { finding, type Finding } from './findings';

export interface Probe {
  /** An existing user, and a group with one of its members: MariaDB cuts a plan short for names it finds nowhere. */
  user: string | undefined;
  group: string | undefined;
  member: string | undefined;
}

/** Whether get-user-details and is-user-in-group search an index: EXPLAIN of
 * the very queries the bridge runs for them. */
export async function checkIndexes(ctx: DoctorContext, probe: Probe): Promise<Finding[]> {
  const adapter = ADAPTERS[ctx.config.dialect];
  const lookups: [string, Knex.QueryBuilder][] = [
    ['get-user-details', ctx.queries.users(probe.user ?? 'x')],
    ['is-user-in-group', ctx.queries.members(probe.group ?? 'x', probe.member ?? 'x', ['username'])],
  ];
  if (!adapter.fullScans) {
    return lookups.map(([call]) =>
      finding(
        `indexes.${call}`,
        'info',
        `${call}: not checked on ${ctx.config.dialect} (read its plan in the server's tools)`,
      ),
    );
  }
  const findings: Finding[] = [];
  for (const [call, query] of lookups) {
    ctx.progress(`explaining ${call}`);
    const scanned = [...new Set(await adapter.fullScans(ctx.db, query))];
    findings.push(
      scanned.length
        ? finding(
            `indexes.${call}`,
            'warning',
            `${call} reads the whole of ${scanned.join(', ')} (full scan; names as the plan gives them): each call's cost grows with the table. Index the login column and the membership keys, and keep username a bare column (views/README.md, Indexes)`,
          )
        : finding(`indexes.${call}`, 'ok', `${call} uses an index (no full table scan in its plan)`),
    );
  }
  return findings;
}
