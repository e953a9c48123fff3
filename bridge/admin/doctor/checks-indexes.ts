import type { Knex } from 'knex';
import type { Dialect } from '../../db/dialect';
import type { DoctorContext } from './context';
import { finding, type Finding } from './findings';

type PlanRow = Record<string, unknown>;

/** The tables a query's plan reads whole (no index search), by the name the
 * plan gives them. Undefined where doctor cannot read plans. */
const FULL_SCANS: Record<Dialect, ((db: Knex, query: Knex.QueryBuilder) => Promise<string[]>) | undefined> = {
  // A recursive view reads its role tables whole whatever the indexes, inside
  // its co-routines; only the lookup's own reads (top level) count.
  sqlite: async (db, query) => {
    const { sql, bindings } = query.toSQL();
    const rows = (await db.raw(`explain query plan ${sql}`, bindings as Knex.RawBinding[])) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const isCte = (row: { detail: string }) => /^(CO-ROUTINE|MATERIALIZE)\b/.test(row.detail);
    const inSubquery = (row: { parent: number }): boolean => {
      const parent = byId.get(row.parent);
      return parent !== undefined && (isCte(parent) || inSubquery(parent));
    };
    // A scan beside a CTE's co-routine reads that CTE's rows (the role tree), not a table.
    const readsCte = (row: { parent: number }) => rows.some((other) => other.parent === row.parent && isCte(other));
    return rows
      .filter(
        (row) => /^SCAN \S+/.test(row.detail) && !/ USING /.test(row.detail) && !inSubquery(row) && !readsCte(row),
      )
      .map((row) => row.detail.split(' ')[1]!)
      .filter((name) => name !== 'CONSTANT');
  },
  // With sequential scans priced out, the planner keeps a whole-table read only
  // where no index can serve it, whatever the tables' size today. CTE
  // definitions (a recursive role expansion) read their tables whole by design.
  pg: (db, query) =>
    db.transaction(async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      const { sql, bindings } = query.toSQL();
      const result = await trx.raw(`explain (format json) ${sql}`, bindings as Knex.RawBinding[]);
      const tables: string[] = [];
      const walk = (node: PlanRow) => {
        if (String(node['Subplan Name'] ?? '').startsWith('CTE ')) return;
        if (readsWhole(node)) tables.push(String(node['Relation Name']));
        for (const child of children(node)) walk(child);
      };
      walk((result.rows[0]['QUERY PLAN'] as { Plan: PlanRow }[])[0]!.Plan);
      return tables;
    }),
  // type ALL is a full table scan. Only the lookup's own selects count: DERIVED
  // and UNION rows build the view's intermediate results (its role expansion).
  mysql: async (db, query) => {
    const { sql, bindings } = query.toSQL();
    const [rows] = (await db.raw(`explain ${sql}`, bindings as Knex.RawBinding[])) as [PlanRow[]];
    return rows
      .filter((row) => ['SIMPLE', 'PRIMARY'].includes(String(row.select_type)) && row.type === 'ALL')
      .map((row) => String(row.table))
      .filter((table) => !table.startsWith('<'));
  },
  mssql: undefined,
};

const children = (node: PlanRow) => (node.Plans as PlanRow[] | undefined) ?? [];

/** A PostgreSQL plan node that reads a whole table: a sequential scan, or an index scan without a search condition. */
function readsWhole(node: PlanRow): boolean {
  const searches = (item: PlanRow): boolean => 'Index Cond' in item || children(item).some(searches);
  switch (node['Node Type']) {
    case 'Seq Scan':
      return true;
    case 'Index Scan':
    case 'Index Only Scan':
      return !('Index Cond' in node);
    case 'Bitmap Heap Scan':
      return !searches(node);
    default:
      return false;
  }
}

export interface Probe {
  /** An existing user, and a group with one of its members: MariaDB cuts a plan short for names it finds nowhere. */
  user: string | undefined;
  group: string | undefined;
  member: string | undefined;
}

/** Whether get-user-details and is-user-in-group search an index: EXPLAIN of
 * the very queries the bridge runs for them. */
export async function checkIndexes(ctx: DoctorContext, probe: Probe): Promise<Finding[]> {
  const explain = FULL_SCANS[ctx.config.dialect];
  const lookups: [string, Knex.QueryBuilder][] = [
    ['get-user-details', ctx.queries.users(probe.user ?? 'x')],
    ['is-user-in-group', ctx.queries.members(probe.group ?? 'x', probe.member ?? 'x', ['username'])],
  ];
  if (!explain) {
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
    const scanned = [...new Set(await explain(ctx.db, query))];
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
