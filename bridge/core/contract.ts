// What every part of the bridge agrees on: the four views DBAs create, their
// columns, the environment a run reads its settings from and the settings it
// resolves them to (config.ts). It imports nothing, so that anything may
// import it.

/** The database families the bridge speaks: each has an adapter in
 * db/dialects/, and a new one fails to compile until it has one. */
export const DIALECTS = ['sqlite', 'pg', 'mysql', 'mssql'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The process environment, or what stands for it in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The view contract: the names DBAs create and every query reads. */
export const VIEWS = {
  users: 'papercut_users',
  groups: 'papercut_groups',
  groupMembers: 'papercut_group_members',
  credentials: 'papercut_credentials',
} as const;

/** papercut_users columns, in the protocol's user-line field order. */
export const USER_COLUMNS = [
  'username',
  'full_name',
  'email',
  'department',
  'office',
  'card_number',
  'other_emails',
  'card_number2',
  'alias',
  'home_directory',
  'pin',
] as const;

export type UserColumn = (typeof USER_COLUMNS)[number];
export type UserRow = Record<UserColumn, string | null>;
/** A papercut_users row as its values, in USER_COLUMNS order. */
export type UserValues = unknown[];

export const VIEW_COLUMNS: Record<keyof typeof VIEWS, readonly string[]> = {
  users: USER_COLUMNS,
  groups: ['group_name'],
  groupMembers: ['group_name', 'username'],
  credentials: ['username', 'password_hash', 'password_salt', 'password_scheme'],
};

/** The resolved settings of a run (config.ts makes them, checked and frozen). */
export interface Config {
  readonly dialect: Dialect;
  /** A connection URL, or the database file's absolute path for SQLite. Secret: never print it. */
  readonly url: string;
  readonly schema: string | undefined;
  /** True when the embedded demo ERP answers: only when chosen (BRIDGE_DB_CLIENT=demo). */
  readonly demo: boolean;
  /** The DBA's own mapping migrations. */
  readonly migrationsDir: string;
  /** Where the settings came from, for messages. */
  readonly configFile: string | undefined;
  /** How long to wait for a connection, and for one statement. */
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
  /** How long a login may take in all: at the deadline the answer is ERROR. */
  readonly authTimeoutMs: number;
  /** Accept logins against weak hashes (plaintext, single digests, md5-crypt …). */
  readonly allowWeakHashes: boolean;
  /** Accept a user's alias as login name, answering with the canonical username. */
  readonly aliasLogin: boolean;
  /** The audit log: one JSON line per call. */
  readonly logFile: string;
  /** What the mass-deletion guard remembers, and the last all-users answer. */
  readonly stateDir: string;
  /** How far the user count may fall against the last successful answer; 100 turns the check off. */
  readonly maxUserDropPercent: number;
}
