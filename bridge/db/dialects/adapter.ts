import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Config } from '../../core/contract';

// What the bridge needs from each database family: everything one dialect
// knows lives in its file beside this one (see README.md).

export interface ConnectOptions {
  /** Calls from PaperCut only read; migrations write. */
  readOnly: boolean;
}

export type Row = Record<string, unknown>;
/** A row as the values of its columns, in the order selected: cheaper than an object per row. */
export type Values = unknown[];
export type RowShape = 'objects' | 'values';

/** How a dialect finds names case-insensitively with an index, and orders
 * them the same way everywhere. The SQL may return more than the exact
 * matches (MySQL's `_ci` collations also ignore accents and trailing spaces);
 * `Directory` keeps only names equal under `nameKey`. */
export interface DialectSql {
  /** The column holds the name, case aside, through an index where the view has one. */
  matchesName(db: Knex, column: string, value: string): Knex.Raw;
  /** Through an index: every row whose column is `name` followed by up to
   * MAX_PADDING spaces (CHAR padding), at least ASCII case aside. */
  equalsPadded(db: Knex, column: string, name: string): Knex.Raw;
  /** equalsPadded for many ASCII names at once: queries that together read
   * every row of `view` whose `username` is one of `names` followed by up to
   * MAX_PADDING spaces, ASCII case aside, each name an index search (a member
   * list looks up thousands of names). Each selects `username`. */
  usernamesPadded(db: Knex, view: string, names: readonly string[]): Promise<Knex.QueryBuilder[]>;
  /** `column LIKE pattern ESCAPE '!'`, case-insensitive at least for ASCII. */
  like(db: Knex, column: string, pattern: string): Knex.Raw;
  equalsColumn(db: Knex, left: string, right: string): Knex.Raw;
  /** Code-point order, identical on every dialect, so answers are byte-identical. */
  binaryOrder(db: Knex, column: string): Knex.Raw;
  /** The query's values as the server's own text, as all-users reads them. */
  asServerText(query: Knex.QueryBuilder): Knex.QueryBuilder;
  /** The column as text compared byte for byte, whatever its type and
   * collation: two columns set side by side (a UNION) then always agree. */
  exactText(db: Knex, column: string): Knex.Raw;
  /** `value` as one complete string literal, as this dialect's parser reads it
   * with the session settings the bridge gives it. */
  stringLiteral(value: string): string;
}

export interface DialectAdapter {
  /** The server's name, for messages and doctor. */
  readonly product: string;
  /** The npm package of the driver Knex loads, for messages. */
  readonly driverPackage: string;
  /** The names of Knex clients that mean this dialect, as a DBA's migration may be given one. */
  readonly knexClients: readonly string[];
  /** One file is one database: the URL is the file's path, and there is no
   * server, host or schema. */
  readonly isFile: boolean;
  /** Whether Knex's client makes each lone ? of a knex.raw() statement a
   * numbered parameter even without bindings: a literal ? is then written \? there. */
  readonly rawNumbersQuestionMarks: boolean;
  /** BRIDGE_DB_URL as the bridge will use it (for SQLite the file's absolute
   * path), or undefined with the problems pushed: every part of the URL is
   * checked here, when the settings are resolved, before any connection. */
  checkUrl(url: string, root: string, problems: string[]): string | undefined;
  /** Knex's settings: the client, timeouts, TLS, and what each new
   * connection needs. Only the chosen client's driver is ever loaded. */
  knexConfig(config: Config, options: ConnectOptions): Knex.Config;
  /** Name matching and ordering. */
  readonly sql: DialectSql;
  /** Names of the tables and views in the schema the bridge works in (the
   * configured one, or the connection's default). */
  relations(db: Knex, schema: string | undefined): Promise<{ name: string }[]>;
  /** What the database itself says it is, however the URL spells its host or
   * path: the guard keys its records on it. Runs under a reader login. */
  identity(db: Knex, config: Pick<Config, 'url'>): Promise<string>;
  /** Runs a query and hands its rows to `onRow` one at a time, without
   * holding them all; `onRow` must not query (the pool's one connection is busy). */
  streamRows(db: Knex, query: Knex.QueryBuilder, shape: RowShape, onRow: (row: Row | Values) => void): Promise<void>;
  /** The server's version as doctor shows it. Connects if need be. */
  serverVersion(db: Knex): Promise<string>;
  /** Whether a connection URL encrypts (not merely allows it), and the
   * parameter that makes it do so; absent for a file. */
  readonly encryption?: { encrypted(params: URLSearchParams): boolean; setting: string };
  /** The tables a query's plan reads whole (no index search), by the name the
   * plan gives them; absent where doctor cannot read plans. */
  fullScans?(db: Knex, query: Knex.QueryBuilder): Promise<string[]>;
  /** The statements that create a login allowed to SELECT the four views and
   * nothing else. Views run with their owner's rights, so the reader sees the
   * mapped rows but never the ERP's tables. */
  readerLogin(db: Knex, role: string, password: string, schema: string | undefined): Promise<Knex.Raw[]>;
}

/** `items` in runs of at most `size`, for statements whose parameters or
 * expression depth the server limits. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/** The SQL standard's string literal: quotes doubled, nothing else special. */
export const standardStringLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A server's connection URL: one of its schemes, a host, and only the
 * parameters it knows (checked here, so that a misspelt one fails every call
 * with its name). Undefined, with the problem pushed, otherwise. */
export function serverUrl(
  dialect: string,
  url: string,
  { schemes, params }: { schemes: readonly string[]; params?: Record<string, (value: string) => string | undefined> },
  problems: string[],
): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL may hold a password: never echo it.
    problems.push(`BRIDGE_DB_URL is not a valid URL for ${dialect}`);
    return undefined;
  }
  if (!schemes.includes(parsed.protocol)) {
    problems.push(`BRIDGE_DB_URL for ${dialect} must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
    return undefined;
  }
  if (parsed.hostname === '') {
    problems.push(`BRIDGE_DB_URL for ${dialect} names no host`);
    return undefined;
  }
  if (params) {
    for (const [key, value] of parsed.searchParams) {
      const check = params[key];
      const problem = check
        ? check(value)
        : `BRIDGE_DB_URL has an unknown parameter '${key}' (known: ${Object.keys(params).join(', ')})`;
      if (problem) problems.push(problem);
    }
  }
  return parsed;
}

/** The parts of a server URL every driver takes. */
export function urlParts(url: URL) {
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : undefined,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
}

/** A CA file named in the URL; undefined with the problem said when it cannot be read. */
export function readCa(path: string): { ca?: string; problem?: string } {
  try {
    return { ca: readFileSync(path, 'utf8') };
  } catch (error) {
    return { problem: `cannot read the CA file named by ssl-ca: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
}
