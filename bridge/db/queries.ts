import type { Knex } from 'knex';
import type { Config } from '../config';
import { nameKey } from '../protocol/format';
import { DIALECT_SQL, type DialectSql } from './dialect-sql';
import { exportRows, type ExportSink } from './stream-rows';
import { USER_COLUMNS, VIEW_COLUMNS, VIEWS, type UserColumn, type UserRow } from './views';

export interface CredentialRow {
  username: string | null;
  password_hash: string | null;
  password_salt: string | null;
  password_scheme: string | null;
}

/** What a member row adds to the user's columns: the membership it came from. */
type MemberOf = { member_group: string | null; member_name: string | null };

const sameName = (stored: string | null, wanted: string) => stored !== null && nameKey(stored) === nameKey(wanted);

/** The read queries, as Knex builders; nothing runs until they are awaited. */
export class DirectoryQueries {
  private readonly sql: DialectSql;

  constructor(
    private readonly db: Knex,
    private readonly config: Pick<Config, 'dialect' | 'schema'>,
  ) {
    this.sql = DIALECT_SQL[config.dialect];
  }

  private view(name: string, alias?: string): string {
    const qualified = this.config.schema ? `${this.config.schema}.${name}` : name;
    return alias ? `${qualified} as ${alias}` : qualified;
  }

  /** Selects no rows, but fails when a view or one of its columns is missing. */
  viewCheck(key: keyof typeof VIEWS): Knex.QueryBuilder {
    return this.db.select(VIEW_COLUMNS[key]).from(this.view(VIEWS[key])).whereRaw('1 = 0');
  }

  /** In the database's own order: sorting a million rows would cost more than
   * the export itself (BENCHMARKS.md), and PaperCut reads the list as a set. */
  allUsers(): Knex.QueryBuilder {
    return this.db.select(USER_COLUMNS).from(this.view(VIEWS.users));
  }

  allGroups(): Knex.QueryBuilder {
    return this.db
      .select('group_name')
      .from(this.view(VIEWS.groups))
      .orderBy(this.sql.binaryOrder(this.db, 'group_name') as never);
  }

  users(username: string): Knex.QueryBuilder {
    return this.sql.asExported(
      this.db
        .select(USER_COLUMNS)
        .from(this.view(VIEWS.users))
        .where(this.sql.equalsValue(this.db, 'username', username)),
    );
  }

  groups(group: string): Knex.QueryBuilder {
    return this.db
      .select('group_name')
      .from(this.view(VIEWS.groups))
      .where(this.sql.equalsValue(this.db, 'group_name', group));
  }

  /** Members of the group joined to papercut_users: only active users remain.
   * `columns` are the papercut_users columns wanted (fewer is faster). */
  members(group: string, username?: string, columns: readonly UserColumn[] = USER_COLUMNS): Knex.QueryBuilder {
    const query = this.db
      .select([...columns.map((column) => `u.${column}`), 'm.group_name as member_group', 'm.username as member_name'])
      .from(this.view(VIEWS.groupMembers, 'm'))
      .join(this.view(VIEWS.users, 'u'), (join) => join.on(this.sql.equalsColumn(this.db, 'u.username', 'm.username')))
      .where(this.sql.equalsValue(this.db, 'm.group_name', group));
    // Not sorted here: the member list is sorted in Node, where a few thousand names cost nothing.
    if (username !== undefined) query.andWhere(this.sql.equalsValue(this.db, 'u.username', username));
    return this.sql.asExported(query);
  }

  usersByAlias(alias: string): Knex.QueryBuilder {
    return this.sql.asExported(
      this.db
        .select(USER_COLUMNS)
        .from(this.view(VIEWS.users))
        .where(this.sql.equalsValue(this.db, 'alias', alias)),
    );
  }

  /** Any one stored hash: what an unknown user's login is timed against. */
  anyCredential(): Knex.QueryBuilder {
    return this.db.first(VIEW_COLUMNS.credentials).from(this.view(VIEWS.credentials)).whereNotNull('password_hash');
  }

  credentials(username: string): Knex.QueryBuilder {
    return this.db
      .select(VIEW_COLUMNS.credentials)
      .from(this.view(VIEWS.credentials))
      .where(this.sql.equalsValue(this.db, 'username', username));
  }
}

/** What the PaperCut calls ask of the views, with names matched exactly as
 * PaperCut matches them (`nameKey`), whatever the database's collation. */
export class Directory {
  private readonly queries: DirectoryQueries;

  constructor(
    private readonly db: Knex,
    private readonly config: Pick<Config, 'dialect' | 'schema'>,
  ) {
    this.queries = new DirectoryQueries(db, config);
  }

  /** Fails when a view or one of its columns is missing. */
  async checkViews(): Promise<void> {
    for (const key of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) await this.queries.viewCheck(key);
  }

  /** Every papercut_users row, its columns in USER_COLUMNS order, in no
   * particular order and without holding them all. */
  eachUser(sink: ExportSink): Promise<void> {
    return exportRows(this.db, this.config.dialect, this.queries.allUsers(), sink);
  }

  async allGroupNames(): Promise<unknown[]> {
    const rows: { group_name: unknown }[] = await this.queries.allGroups();
    return rows.map((row) => row.group_name);
  }

  /** Every papercut_users row whose username matches, ignoring case. */
  async findUsers(username: string): Promise<UserRow[]> {
    const rows: UserRow[] = await this.queries.users(username);
    return rows.filter((row) => sameName(row.username, username));
  }

  async groupExists(group: string): Promise<boolean> {
    const rows: { group_name: string | null }[] = await this.queries.groups(group);
    return rows.some((row) => sameName(row.group_name, group));
  }

  /** The group's members that are also in papercut_users, as user rows. */
  async groupMembers(group: string): Promise<UserRow[]> {
    return this.exactMembers(await this.queries.members(group), group);
  }

  /** groupMembers, with the username only. */
  async groupMemberNames(group: string): Promise<Pick<UserRow, 'username'>[]> {
    return this.exactMembers(await this.queries.members(group, undefined, ['username']), group);
  }

  async isMember(group: string, username: string): Promise<boolean> {
    const rows = this.exactMembers(await this.queries.members(group, username, ['username']), group);
    return rows.some((row) => sameName(row.username, username));
  }

  /** Every papercut_users row whose alias matches, ignoring case. */
  async findUsersByAlias(alias: string): Promise<UserRow[]> {
    const rows: UserRow[] = await this.queries.usersByAlias(alias);
    return rows.filter((row) => sameName(row.alias, alias));
  }

  async anyCredential(): Promise<CredentialRow | undefined> {
    return this.queries.anyCredential();
  }

  /** Every credential row whose username matches, ignoring case. */
  async credentials(username: string): Promise<CredentialRow[]> {
    const rows: CredentialRow[] = await this.queries.credentials(username);
    return rows.filter((row) => sameName(row.username, username));
  }

  private exactMembers<T extends Pick<UserRow, 'username'>>(rows: (T & MemberOf)[], group: string): T[] {
    return rows.filter(
      (row) => sameName(row.member_group, group) && row.member_name !== null && sameName(row.username, row.member_name),
    );
  }
}
