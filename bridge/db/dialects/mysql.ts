import type { Knex } from 'knex';
import { VIEWS } from '../../core/contract';
import { configError } from '../../core/errors';
import { likeEscaped } from '../../protocol/usernames';
import {
  inChunks,
  readCa,
  serverUrl,
  standardStringLiteral,
  urlParts,
  type DialectAdapter,
  type Row,
  type Values,
} from './adapter';

// MySQL 8 and MariaDB 10.11, through mysql2.

const TLS_MODES = ['DISABLED', 'PREFERRED', 'REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'] as const;
type TlsMode = (typeof TLS_MODES)[number];

/** mysql://user:password@host:port/database?ssl-mode=VERIFY_IDENTITY&ssl-ca=/path/ca.pem */
const URL_PARAMS = {
  'ssl-mode': (value: string) =>
    (TLS_MODES as readonly string[]).includes(value.toUpperCase())
      ? undefined
      : `ssl-mode in BRIDGE_DB_URL must be one of ${TLS_MODES.join(', ')}`,
  'ssl-ca': (value: string) => readCa(value).problem,
};

/** The drivers turn what is not text into JavaScript values; all-users reads
 * the server's own text of each value (row packets). Lookups take that text
 * too, so a view column that is not text reads the same in every call. */
const SERVER_TEXT = (field: { string(encoding: string): string | null }) => field.string('utf8');

/** mysql2 escapes values on the client, with backslashes: a session whose
 * sql_mode has NO_BACKSLASH_ESCAPES would read `\'` as the end of a string
 * and run what follows. It is taken out of every session before any value is
 * sent, and a session that keeps it is refused. */
const NO_BACKSLASH_ESCAPES_OFF =
  "SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";
const SQL_MODE_CHECK = 'SELECT @@SESSION.sql_mode AS mode';

type Done = (error: Error | null, connection: unknown) => void;

interface SessionConnection {
  query(sql: string, callback: (error: Error | null, rows?: unknown) => void): void;
}

/** What each new session needs before it is used: a safe sql_mode and the
 * statement timeout, set together (a round trip fewer), then the mode checked. */
function prepareSession(config: { statementTimeoutMs: number }) {
  // MariaDB limits statements with max_statement_time (s), MySQL with max_execution_time (ms).
  const mariaDb = `SET ${NO_BACKSLASH_ESCAPES_OFF}, SESSION max_statement_time = ${config.statementTimeoutMs / 1000}`;
  const mySql = `SET ${NO_BACKSLASH_ESCAPES_OFF}, SESSION max_execution_time = ${config.statementTimeoutMs}`;
  return (connection: SessionConnection, done: Done) => {
    const check = () =>
      connection.query(SQL_MODE_CHECK, (checkError, rows) => {
        const mode = String((rows as { mode?: unknown }[] | undefined)?.[0]?.mode ?? '');
        if (checkError || /NO_BACKSLASH_ESCAPES/i.test(mode)) {
          return done(checkError ?? new Error('the session keeps NO_BACKSLASH_ESCAPES in sql_mode'), connection);
        }
        done(null, connection);
      });
    // A statement naming a variable the server lacks sets none of them.
    connection.query(mariaDb, (mariaDbError) => {
      if (!mariaDbError) return check();
      connection.query(mySql, (error) => (error ? done(error, connection) : check()));
    });
  };
}

/** The connection settings of a URL resolveConfig has checked. */
function connection(config: { url: string; connectTimeoutMs: number }): Knex.MySql2ConnectionConfig {
  const url = new URL(config.url);
  const params = Object.fromEntries(url.searchParams);
  const mode = (params['ssl-mode'] ?? (params['ssl-ca'] ? 'VERIFY_CA' : 'DISABLED')).toUpperCase() as TlsMode;
  const ca = params['ssl-ca'] ? readCa(params['ssl-ca']) : undefined;
  if (ca?.problem) throw configError(ca.problem);
  const tls: Record<TlsMode, Knex.MySql2ConnectionConfig['ssl']> = {
    DISABLED: undefined,
    // mysql2 never falls back from TLS, so PREFERRED cannot be honoured: it means DISABLED here.
    PREFERRED: undefined,
    REQUIRED: { rejectUnauthorized: false },
    // Verify the chain but not the host name (mysql2 passes this on to tls.connect).
    VERIFY_CA: {
      ca: ca?.ca,
      rejectUnauthorized: true,
      checkServerIdentity: () => undefined,
    } as Knex.MySql2ConnectionConfig['ssl'],
    VERIFY_IDENTITY: { ca: ca?.ca, rejectUnauthorized: true },
  };
  const { host, port, user, password, database } = urlParts(url);
  return {
    host,
    port: port ?? 3306,
    user,
    password,
    database,
    charset: 'utf8mb4',
    connectTimeout: config.connectTimeoutMs,
    ssl: tls[mode],
  };
}

interface MysqlConnection {
  query(options: { sql: string; values: readonly unknown[]; rowsAsArray?: boolean }): MysqlQuery;
  once(event: 'end', listener: () => void): void;
  off(event: 'end', listener: () => void): void;
}

/** mysql2's Query: an emitter, and a state machine whose `row` state reads each row packet. */
export interface MysqlQuery extends NodeJS.EventEmitter {
  row: (this: MysqlQuery, packet: MysqlPacket, connection: unknown) => unknown;
}

interface MysqlPacket {
  buffer: Buffer;
  /** Where the payload starts, after the packet's header. */
  offset: number;
  end: number;
  isEOF(): boolean;
}

/** Wraps a row handler (of up to three arguments: no rest array per row). */
type Guard = <A, B, C>(handle: (a: A, b: B, c: C) => void) => (a: A, b: B, c: C) => void;

/** Runs a query on mysql2 and lets `take` read its rows. Knex's stream over
 * mysql2 neither ends nor fails when the server kills the connection
 * mid-result, so the connection's end is watched here. A row that `take`'s
 * handler (wrapped by `guarded`) fails on fails the call, after the rest of
 * the result is drained: a throw would land in the driver's parser. */
export async function mysqlResult(
  db: Knex,
  query: Knex.QueryBuilder,
  take: (result: MysqlQuery, guarded: Guard) => void,
  options: { rowsAsArray?: boolean } = {},
): Promise<void> {
  const { sql, bindings } = query.toSQL().toNative();
  const connection = (await db.client.acquireConnection()) as MysqlConnection;
  try {
    await new Promise<void>((resolve, reject) => {
      let failure: unknown;
      const guarded: Guard = (handle) => (a, b, c) => {
        if (failure) return;
        try {
          handle(a, b, c);
        } catch (error) {
          failure = error;
        }
      };
      const lost = () =>
        finish(Object.assign(new Error('the server closed the connection'), { code: 'PROTOCOL_CONNECTION_LOST' }));
      const finish = (error?: unknown) => {
        connection.off('end', lost);
        if (error ?? failure) reject(error ?? failure);
        else resolve();
      };
      connection.once('end', lost);
      const result = connection.query({ sql, values: bindings, ...options });
      take(result, guarded);
      result.on('error', finish).on('end', () => finish());
    });
  } finally {
    await db.client.releaseConnection(connection);
  }
}

type PlanRow = Record<string, unknown>;
const columns = (db: Knex, ...sql: string[]) => sql.map((column) => db.raw(column));

export const mysql: DialectAdapter = {
  product: 'MySQL/MariaDB',
  driverPackage: 'mysql2',
  knexClients: ['mysql2', 'mysql'],
  isFile: false,
  rawNumbersQuestionMarks: false,

  checkUrl: (url, _root, problems) =>
    serverUrl('mysql', url, { schemes: ['mysql:', 'mariadb:'], params: URL_PARAMS }, problems) ? url : undefined,

  knexConfig: (config, { readOnly }) => ({
    client: 'mysql2',
    // Knex asks a new connection's server its version (a query and a round
    // trip) only to build tables, which calls from PaperCut never do;
    // 'latest' tells it not to ask. Migrations still ask.
    version: readOnly ? 'latest' : undefined,
    connection: connection(config),
    pool: { afterCreate: prepareSession(config) },
  }),

  // The login column's own case-insensitive collation does the work. PAD
  // SPACE collations (MariaDB's, MySQL's before 8.0) ignore padding in `=`;
  // the LIKE, a range of the same index, finds it under NO PAD ones.
  sql: {
    matchesName: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsPadded: (db, column, name) =>
      db.raw("(?? = ? or ?? like ? escape '!')", [column, name, column, `${likeEscaped(name)} %`]),
    // Under a PAD SPACE collation `=` finds the padded spellings, and an IN
    // list is one index search a name. Under NO PAD ones (MySQL 8's default)
    // each name would need equalsPadded's LIKE too, which the range optimizer
    // takes in bulk more slowly than reading every username: that is done
    // instead. One name's row, found by index, tells which the column has.
    async usernamesPadded(db, view, names) {
      const [rows] = (await db.raw("select ?? = concat(??, ' ') as pads from ?? where ?? = ? limit 1", [
        'username',
        'username',
        view,
        'username',
        names[0] ?? '',
      ])) as [{ pads: unknown }[]];
      if (rows.length === 0 || Number(rows[0]!.pads) !== 1) return [db.select('username').from(view)];
      return inChunks(names, 2000).map((chunk) => db.select('username').from(view).whereIn('username', chunk));
    },
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('binary ??', [column]),
    asServerText: (query) => query.options({ typeCast: SERVER_TEXT }),
    // A view's columns may each have their own collation (a table's column
    // beside CAST(NULL AS CHAR)): MySQL refuses to UNION or compare them.
    exactText: (db, column) => db.raw('convert(?? using utf8mb4) collate utf8mb4_bin', [column]),
    // A backslash is an escape in a literal: the bridge's sessions leave NO_BACKSLASH_ESCAPES off.
    stringLiteral: (value) => standardStringLiteral(value.replace(/\\/g, '\\\\')),
  },

  relations: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('database()')),

  // MariaDB has no @@server_uuid: its host name and data directory name the server.
  async identity(db) {
    const row: Row = await db.first(
      columns(db, 'version() as version', '@@hostname as host', '@@datadir as datadir', 'database() as db'),
    );
    const server = /mariadb/i.test(String(row.version))
      ? `host ${String(row.host)} datadir ${String(row.datadir)}`
      : `server ${String(((await db.first(columns(db, '@@server_uuid as id'))) as Row).id)}`;
    return `${server} database ${String(row.db)}`;
  },

  streamRows: (db, query, shape, onRow) =>
    mysqlResult(
      db,
      query,
      (result, guarded) =>
        result.on(
          'result',
          guarded((row: Row | Values) => onRow(row)),
        ),
      { rowsAsArray: shape === 'values' },
    ),

  async serverVersion(db) {
    const [rows] = await db.raw('select version() as version');
    return String(rows[0]?.version ?? 'unknown').trim();
  },

  // PREFERRED does not encrypt with mysql2 (see the README); a CA alone means VERIFY_CA.
  encryption: {
    encrypted: (params) =>
      ['REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'].includes((params.get('ssl-mode') ?? '').toUpperCase()) ||
      (params.get('ssl-mode') === null && params.get('ssl-ca') !== null),
    setting: 'ssl-mode=VERIFY_IDENTITY',
  },

  // type ALL is a full table scan. Only the lookup's own selects count: DERIVED
  // and UNION rows build the view's intermediate results (its role expansion).
  async fullScans(db, query) {
    const { sql, bindings } = query.toSQL();
    const [rows] = (await db.raw(`explain ${sql}`, bindings as Knex.RawBinding[])) as [PlanRow[]];
    return rows
      .filter((row) => ['SIMPLE', 'PRIMARY'].includes(String(row.select_type)) && row.type === 'ALL')
      .map((row) => String(row.table))
      .filter((table) => !table.startsWith('<'));
  },

  async readerLogin(db, role, password, schema) {
    const [rows] = await db.raw('select database() as db');
    const target = schema ?? (rows[0].db as string);
    return [
      db.raw(`create user ?@'%' identified by ?`, [role, password]),
      ...Object.values(VIEWS).map((view) => db.raw(`grant select on ??.?? to ?@'%'`, [target, view, role])),
    ];
  },
};
