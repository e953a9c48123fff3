import type { Knex } from 'knex';
import { VIEWS } from '../../core/contract';
import { inChunks, serverUrl, standardStringLiteral, urlParts, type DialectAdapter, type Row } from './adapter';

// SQL Server, through tedious (the driver Knex's mssql client uses).

const trueOrFalse = (name: string) => (value: string) =>
  value === 'true' || value === 'false' ? undefined : `${name} in BRIDGE_DB_URL must be true or false`;

/** mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=false&instanceName=X */
const URL_PARAMS = {
  encrypt: trueOrFalse('encrypt'),
  trustServerCertificate: trueOrFalse('trustServerCertificate'),
  instanceName: () => undefined,
};

const columns = (db: Knex, ...sql: string[]) => sql.map((column) => db.raw(column));

export const mssql: DialectAdapter = {
  product: 'SQL Server',
  driverPackage: 'tedious',
  knexClients: ['mssql'],
  isFile: false,
  rawNumbersQuestionMarks: true,

  checkUrl: (url, _root, problems) =>
    serverUrl('mssql', url, { schemes: ['mssql:', 'sqlserver:'], params: URL_PARAMS }, problems) ? url : undefined,

  knexConfig(config) {
    const url = new URL(config.url);
    const params = url.searchParams;
    const flag = (name: string, fallback: boolean) => (params.has(name) ? params.get(name) === 'true' : fallback);
    const { host, port, user, password, database } = urlParts(url);
    return {
      client: 'mssql',
      connection: {
        server: host,
        port: port ?? 1433,
        user,
        password,
        database,
        connectionTimeout: config.connectTimeoutMs,
        requestTimeout: config.statementTimeoutMs,
        options: {
          // Encrypted and verified unless the DBA says otherwise, as tedious itself defaults.
          encrypt: flag('encrypt', true),
          trustServerCertificate: flag('trustServerCertificate', false),
          instanceName: params.get('instanceName') ?? undefined,
        },
      } as Knex.MsSqlConnectionConfig,
    };
  },

  // `=` ignores trailing spaces on SQL Server.
  sql: {
    matchesName: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsPadded: (db, column, name) => db.raw('?? = ?', [column, name]),
    // Within the 2 100 parameters a statement may have.
    usernamesPadded: async (db, view, names) =>
      inChunks(names, 1000).map((chunk) => db.select('username').from(view).whereIn('username', chunk)),
    like: (db, column, pattern) => db.raw("?? like ? escape '!'", [column, pattern]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
    binaryOrder: (db, column) => db.raw('?? collate Latin1_General_100_BIN2', [column]),
    asServerText: (query) => query,
    exactText: (db, column) => db.raw('cast(?? as nvarchar(4000)) collate Latin1_General_100_BIN2', [column]),
    // N'…': a plain literal is read in the database's code page, which may not hold every character.
    stringLiteral: (value) => `N${standardStringLiteral(value)}`,
  },

  relations: (db, schema) =>
    db
      .select('table_name as name')
      .from('information_schema.tables')
      .where('table_schema', schema ?? db.raw('schema_name()')),

  async identity(db) {
    const row: Row = await db
      .first(columns(db, 'cast(service_broker_guid as nvarchar(36)) as id', 'db_name() as db'))
      .from('sys.databases')
      .where(db.raw('database_id = db_id()'));
    return `database ${String(row.id)} ${String(row.db)}`;
  },

  // Not streamed yet: correct, at the cost of memory (no SQL Server to measure against here).
  async streamRows(_db, query, shape, onRow) {
    for (const row of (await query) as Row[]) onRow(shape === 'values' ? Object.values(row) : row);
  },

  // SQL Server answers with its name and build details around the version.
  async serverVersion(db) {
    const rows = (await db.raw('select @@version as version')) as { version?: unknown }[];
    return String(rows[0]?.version ?? 'unknown')
      .trim()
      .split('\n')[0]!
      .replace(/^Microsoft SQL Server\s+/, '')
      .trim();
  },

  encryption: { encrypted: (params) => params.get('encrypt') !== 'false', setting: 'encrypt=true' },

  async readerLogin(db, role, password, schema) {
    const target = schema ?? 'dbo';
    return [
      // CREATE LOGIN takes no parameters: the password goes as a bound value into the statement built on the server.
      db.raw(
        "declare @sql nvarchar(max) = N'create login ' + quotename(?) + N' with password = N''' + replace(?, N'''', N'''''') + N''', check_policy = on'; exec sp_executesql @sql",
        [role, password],
      ),
      db.raw('create user ?? for login ??', [role, role]),
      ...Object.values(VIEWS).map((view) => db.raw('grant select on ??.?? to ??', [target, view, role])),
    ];
  },
};
