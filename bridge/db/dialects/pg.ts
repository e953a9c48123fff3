import type { Knex } from 'knex';
import { VIEWS } from '../../core/contract';
import { MAX_PADDING } from '../../protocol/usernames';
import { serverUrl, standardStringLiteral, type DialectAdapter, type Row, type Values } from './adapter';
import { scramSha256 } from './pg-scram';

/** Rows fetched per round trip: with the next batch asked for ahead, small
 * batches cost no time and keep memory down. */
const BATCH = 2_000;

/** The drivers turn what is not text (dates, booleans, floats) into
 * JavaScript values; all-users reads the server's own text of each value
 * (COPY). Lookups take that text too, so a view column that is not text reads
 * the same in every call. */
const SERVER_TEXT = { getTypeParser: () => (value: string) => value };

type PlanRow = Record<string, unknown>;
const children = (node: PlanRow) => (node.Plans as PlanRow[] | undefined) ?? [];

/** A plan node that reads a whole table: a sequential scan, or an index scan without a search condition. */
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

/** Given to Knex instead of the server's version where no table is built
 * (see knexConfig): the oldest the bridge runs on (it sets \`jit\`, new in 11). */
const SCHEMA_UNUSED_VERSION = '11';

const columns = (db: Knex, ...sql: string[]) => sql.map((column) => db.raw(column));

export const pg: DialectAdapter = {
  product: 'PostgreSQL',
  driverPackage: 'pg',
  knexClients: ['pg', 'postgres', 'postgresql'],
  isFile: false,
  rawNumbersQuestionMarks: true,

  // TLS comes with the URL: sslmode, sslrootcert, sslcert, sslkey (libpq's names, read by pg).
  checkUrl: (url, _root, problems) =>
    serverUrl('pg', url, { schemes: ['postgres:', 'postgresql:'] }, problems) ? url : undefined,

  knexConfig: (config, { readOnly }) => ({
    client: 'pg',
    // Knex asks a new connection's server its version (a query and a round
    // trip) only to choose column types when it builds tables, which calls
    // from PaperCut never do. Migrations still ask.
    version: readOnly ? SCHEMA_UNUSED_VERSION : undefined,
    connection: {
      connectionString: config.url,
      connectionTimeoutMillis: config.connectTimeoutMs,
      statement_timeout: config.statementTimeoutMs,
      // The planner cannot size a member list's name lookups (one index range
      // per name, each taken for a tenth of the table) and has JIT compile
      // them: 80 ms of a 20 000-member call. The bridge's other queries are
      // index lookups and a plain scan, which JIT does not speed up. A URL's
      // own `options` takes the place of this one.
      options: '-c jit=off',
    },
    searchPath: config.schema ? [config.schema] : undefined,
  }),

  // Served by an expression index on lower(login) under the view.
  sql: {
    matchesName: (db, column, value) => db.raw('lower(??) = lower(?)', [column, value]),
    // The padded spellings as an array: one probe each of the same index.
    equalsPadded: (db, column, name) =>
      db.raw("lower(??) = any(array(select lower(?) || repeat(' ', n) from generate_series(0, ?) as n))", [
        column,
        name,
        MAX_PADDING,
      ]),
    // One range of the lower(login) index per name, from the name to the name
    // and MAX_PADDING spaces: a string sorts after its prefixes in every
    // collation, so its padded spellings lie inside (with some others, which
    // Directory leaves out). equalsPadded's array would be 256 probes a name.
    usernamesPadded: async (db, view, names) => [
      db
        .select('u.username')
        .fromRaw(db.raw('json_array_elements_text(?::json) as k(name)', [JSON.stringify(names)]))
        .joinRaw(
          "join ?? as u on lower(u.username) >= lower(k.name) and lower(u.username) <= lower(k.name) || repeat(' ', ?)",
          [view, MAX_PADDING],
        ),
    ],
    like: (db, column, pattern) => db.raw("?? ilike ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('lower(??) = lower(??)', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate "C"', [column]),
    asServerText: (query) => query.options({ types: SERVER_TEXT }),
    exactText: (db, column) => db.raw('cast(?? as text) collate "C"', [column]),
    stringLiteral: standardStringLiteral,
  },

  relations: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('current_schema()')),

  async identity(db) {
    const row: Row = await db
      .first(columns(db, 'system_identifier::text as id', 'current_database() as db'))
      .from(db.raw('pg_control_system()'));
    return `cluster ${String(row.id)} database ${String(row.db)}`;
  },

  // Knex's pg streaming needs pg-query-stream, which the bridge does not ship; a cursor does the same.
  streamRows: (db, query, shape, onRow) =>
    db.transaction(async (trx) => {
      const { sql, bindings } = query.toSQL();
      await trx.raw(`declare papercut_bridge_rows no scroll cursor for ${sql}`, bindings as Knex.RawBinding[]);
      const fetch = () =>
        trx
          .raw(`fetch ${BATCH} from papercut_bridge_rows`)
          .options({ rowMode: shape === 'values' ? 'array' : undefined })
          .then((result: { rows: (Row | Values)[] }) => result.rows);
      // The next batch is asked for before this one is handled, so the server
      // works while Node does; a fetch past the end just returns no rows.
      for (let next = fetch(); ;) {
        const rows = await next;
        if (rows.length === BATCH) {
          next = fetch();
          // Handled when awaited; if onRow fails first, its failure must not surface unhandled.
          next.catch(() => undefined);
        }
        for (const row of rows) onRow(row);
        if (rows.length < BATCH) break;
      }
    }),

  // PostgreSQL answers with its name and build details around the version.
  async serverVersion(db) {
    const { rows } = await db.raw('select version() as version');
    return String(rows[0]?.version ?? 'unknown')
      .trim()
      .replace(/^PostgreSQL\s+/, '')
      .replace(/ on .*$/, '');
  },

  encryption: {
    encrypted: (params) => ['require', 'verify-ca', 'verify-full'].includes(params.get('sslmode') ?? ''),
    setting: 'sslmode=verify-full',
  },

  // With sequential scans priced out, the planner keeps a whole-table read only
  // where no index can serve it, whatever the tables' size today. CTE
  // definitions (a recursive role expansion) read their tables whole by design.
  fullScans: (db, query) =>
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

  async readerLogin(db, role, password, schema) {
    const { rows } = await db.raw('select current_database() as db, current_schema() as schema');
    const target = schema ?? (rows[0].schema as string);
    return [
      // The password leaves as a SCRAM verifier, so server logs never hold it.
      db.raw(`create role ?? login password '${scramSha256(password)}'`, [role]),
      db.raw('alter role ?? set default_transaction_read_only = on', [role]),
      db.raw('grant connect on database ?? to ??', [rows[0].db, role]),
      db.raw('grant usage on schema ?? to ??', [target, role]),
      ...Object.values(VIEWS).map((view) => db.raw('grant select on ??.?? to ??', [target, view, role])),
    ];
  },
};
