import type { Knex } from 'knex';
import { type Config, USER_COLUMNS, type UserColumn, type UserRow, VIEW_COLUMNS, VIEWS } from '../core/contract';
import {
  belongsTo,
  isAsciiName,
  isNameOf,
  likeAnyCase,
  nameKey,
  storedName,
  usableName,
  userPerName,
  type NameOwner,
} from '../protocol/usernames';
import type { Dialect } from './dialect';
import { ADAPTERS } from './dialects';
import type { DialectSql } from './dialects/adapter';
import { forEachRow } from './stream-rows';

export interface CredentialRow {
  username: string | null;
  password_hash: string | null;
  password_salt: string | null;
  password_scheme: string | null;
}

/** What a member row adds to the user's columns: the membership it came from. */
type MemberOf = { member_group: string | null; member_name: string | null };

/** Names outside ASCII a member list looks up with LIKE in one read of the
 * view; each costs a comparison per row, so beyond this many one read of
 * every username is cheaper. */
const LIKE_NAMES_PER_READ = 16;

const sameName = (stored: string | null, wanted: string) => stored !== null && nameKey(stored) === nameKey(wanted);

/** A papercut_users row and the name every call knows it by (see usernames.ts). */
export interface NamedUser<T extends Pick<UserRow, 'username'> = UserRow> extends NameOwner {
  row: T;
}

function namedUser<T extends Pick<UserRow, 'username'>>(row: T, spellings: readonly string[]): NamedUser<T> {
  return { row, stored: storedName(row.username), name: usableName(row.username)!, spellings };
}

/** The read queries, as Knex builders; nothing runs until they are awaited. */
export class DirectoryQueries {
  private readonly sql: DialectSql;

  constructor(
    private readonly db: Knex,
    private readonly config: Pick<Config, 'dialect' | 'schema'>,
  ) {
    this.sql = ADAPTERS[config.dialect].sql;
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

  /** The rows stored as `name` or padded, ASCII case aside, through the index. */
  users(name: string): Knex.QueryBuilder {
    return this.sql.asServerText(
      this.db
        .select(USER_COLUMNS)
        .from(this.view(VIEWS.users))
        .where(this.sql.equalsPadded(this.db, 'username', name)),
    );
  }

  /** The usernames that may be another spelling of one of `names`, whatever
   * the database's case folding of letters outside ASCII: one read of the
   * view, without an index. */
  usernamesLike(names: readonly string[]): Knex.QueryBuilder {
    return this.db
      .select('username')
      .from(this.view(VIEWS.users))
      .where((where) => {
        for (const name of names) where.orWhere(this.sql.like(this.db, 'username', likeAnyCase(name)));
      });
  }

  /** The usernames stored as one of these ASCII names or padded, ASCII case aside, through the index. */
  usernamesPadded(names: readonly string[]): Promise<Knex.QueryBuilder[]> {
    return this.sql.usernamesPadded(this.db, this.view(VIEWS.users), names);
  }

  allUsernames(): Knex.QueryBuilder {
    return this.db.select('username').from(this.view(VIEWS.users));
  }

  groups(group: string): Knex.QueryBuilder {
    return this.db
      .select('group_name')
      .from(this.view(VIEWS.groups))
      .where(this.sql.matchesName(this.db, 'group_name', group));
  }

  /** Members of the group joined to papercut_users: only active users remain.
   * `columns` are the papercut_users columns wanted (fewer is faster);
   * `stored`, a username as stored, narrows them to that user's rows. Both
   * filters reach the membership view's own columns, so that the planner can
   * push them into it: a view that expands nested groups, or removes
   * duplicates, then computes one group's or one pair's rows, not all. */
  members(group: string, stored?: string, columns: readonly UserColumn[] = USER_COLUMNS): Knex.QueryBuilder {
    const query = this.db
      .select([...columns.map((column) => `u.${column}`), 'm.group_name as member_group', 'm.username as member_name'])
      .from(this.view(VIEWS.groupMembers, 'm'))
      .join(this.view(VIEWS.users, 'u'), (join) => join.on(this.sql.equalsColumn(this.db, 'u.username', 'm.username')))
      .where(this.sql.matchesName(this.db, 'm.group_name', group));
    // Not sorted here: the member list is sorted in Node, where a few thousand names cost nothing.
    // On both sides of the join, with the fold the join uses, so the rows are
    // the same: SQLite narrows a recursive DISTINCT view only through
    // m.username, MariaDB plans some recursive views well only through u.username.
    if (stored !== undefined) {
      query
        .andWhere(this.sql.matchesName(this.db, 'm.username', stored))
        .andWhere(this.sql.matchesName(this.db, 'u.username', stored));
    }
    return this.sql.asServerText(query);
  }

  usersByAlias(alias: string): Knex.QueryBuilder {
    return this.sql.asServerText(
      this.db
        .select(USER_COLUMNS)
        .from(this.view(VIEWS.users))
        .where(this.sql.matchesName(this.db, 'alias', alias)),
    );
  }

  /** Up to `count` stored hashes among the view's first `scan` rows, in its
   * order: what an unknown user's login is timed against. Every login reads
   * them, so the rows read are bounded: in a view that lists users without a
   * hash (a directory whose users mostly log in elsewhere), looking for
   * `count` hashes read the whole view. */
  someCredentials(count: number, scan: number): Knex.QueryBuilder {
    const first = this.db.select(VIEW_COLUMNS.credentials).from(this.view(VIEWS.credentials)).limit(scan);
    return this.db
      .select(VIEW_COLUMNS.credentials)
      .from(first.as('first_rows'))
      .whereNotNull('password_hash')
      .limit(count);
  }

  credentials(name: string): Knex.QueryBuilder {
    return this.db
      .select(VIEW_COLUMNS.credentials)
      .from(this.view(VIEWS.credentials))
      .where(this.sql.equalsPadded(this.db, 'username', name));
  }
}

/** What the PaperCut calls ask of the views, with names matched exactly as
 * PaperCut matches them (`nameKey`), whatever the database's collation. */
export class Directory {
  private readonly queries: DirectoryQueries;

  constructor(
    private readonly db: Knex,
    private readonly config: Pick<Config, 'dialect' | 'schema' | 'url'>,
  ) {
    this.queries = new DirectoryQueries(db, config);
  }

  /** What the database says it is (see identity.ts). */
  identity(): Promise<string> {
    return ADAPTERS[this.config.dialect].identity(this.db, this.config);
  }

  /** Fails when a view or one of its columns is missing. */
  async checkViews(): Promise<void> {
    for (const key of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) await this.queries.viewCheck(key);
  }

  /** What the all-users export reads (export/): every papercut_users row,
   * its columns in USER_COLUMNS order, in the database's own order. */
  allUsersExport(): { db: Knex; dialect: Dialect; query: Knex.QueryBuilder } {
    return { db: this.db, dialect: this.config.dialect, query: this.queries.allUsers() };
  }

  async allGroupNames(): Promise<unknown[]> {
    const rows: { group_name: unknown }[] = await this.queries.allGroups();
    return rows.map((row) => row.group_name);
  }

  /** The papercut_users row that the name `login` is, as every call sees it
   * (see usernames.ts): undefined when no usable row is that name, or when
   * `login` is not itself a usable name as all-users would list it. */
  async findUser(login: string): Promise<NamedUser | undefined> {
    if (usableName(login) !== login) return undefined;
    const key = nameKey(login);
    // An ASCII name's other spellings are ASCII (usable names never fold into
    // or out of ASCII), which every database folds alike and finds by index.
    // Others' may not be: their spellings are read first, without the index.
    const spellings = isAsciiName(login)
      ? undefined
      : ((await this.spellingsFrom([this.queries.usernamesLike([login])], new Set([key]))).get(key) ?? []);
    const stored = spellings && userPerName(spellings, (name) => name).get(key);
    if (spellings && stored === undefined) return undefined;
    // Rows of other names the database's collation let in (accents, padding) are left out.
    const found: UserRow[] = await this.queries.users(stored === undefined ? login : usableName(stored)!);
    const rows = found.filter((row) => isNameOf(row.username, key));
    const row = userPerName(
      stored === undefined ? rows : rows.filter((user) => storedName(user.username) === stored),
      (user) => user.username,
    ).get(key);
    return row && namedUser(row, spellings ?? rows.map((user) => storedName(user.username)));
  }

  async groupExists(group: string): Promise<boolean> {
    const rows: { group_name: string | null }[] = await this.queries.groups(group);
    return rows.some((row) => sameName(row.group_name, group));
  }

  /** The group's members that are also in papercut_users, each the user its
   * name is (see findUser), one per name. */
  async groupMembers(group: string): Promise<NamedUser[]> {
    return this.namedMembers(await this.queries.members(group), group);
  }

  /** groupMembers, with the username only. */
  async groupMemberNames(group: string): Promise<NamedUser<Pick<UserRow, 'username'>>[]> {
    return this.namedMembers(await this.queries.members(group, undefined, ['username']), group);
  }

  async isMember(group: string, user: NamedUser): Promise<boolean> {
    const rows = this.memberRows(await this.queries.members(group, user.stored, ['username']), group);
    return rows.some(
      (row) => storedName(row.username) === user.stored && belongsTo(storedName(row.member_name), user, true),
    );
  }

  /** The users whose alias matches, ignoring case, each the user its name is. */
  async findUsersByAlias(alias: string): Promise<NamedUser[]> {
    const rows: UserRow[] = await this.queries.usersByAlias(alias);
    const found = new Map<string, NamedUser>();
    for (const row of rows.filter((candidate) => sameName(candidate.alias, alias))) {
      const name = usableName(row.username);
      if (name === undefined || found.has(nameKey(name))) continue;
      const user = await this.findUser(name);
      if (user && user.stored === storedName(row.username)) found.set(nameKey(name), user);
    }
    return [...found.values()];
  }

  /** Up to `count` credential rows with a hash among the view's first `scan` rows, whoever they belong to. */
  async someCredentials(count: number, scan: number): Promise<CredentialRow[]> {
    return this.queries.someCredentials(count, scan);
  }

  /** The credential rows of the user: those stored under the user's very
   * name (see belongsTo), never under another spelling. */
  async credentials(user: NameOwner): Promise<CredentialRow[]> {
    const rows: CredentialRow[] = await this.queries.credentials(user.name);
    return rows.filter((row) => belongsTo(storedName(row.username), user));
  }

  /** Every stored spelling in papercut_users of each name key: ASCII names
   * through the index, others (whose case the database may fold differently)
   * by one read of the view, or, when there are many of them, by reading
   * every username once. */
  private async spellingsOf(keys: ReadonlySet<string>): Promise<Map<string, string[]>> {
    const ascii = [...keys].filter(isAsciiName);
    const others = [...keys].filter((key) => !isAsciiName(key));
    const queries =
      others.length > LIKE_NAMES_PER_READ
        ? [this.queries.allUsernames()]
        : [
            ...(ascii.length > 0 ? await this.queries.usernamesPadded(ascii) : []),
            ...(others.length > 0 ? [this.queries.usernamesLike(others)] : []),
          ];
    return this.spellingsFrom(queries, keys);
  }

  /** The stored usernames of the queries' rows that are usable names with one of `keys`, by key. */
  private async spellingsFrom(queries: Knex.QueryBuilder[], keys: ReadonlySet<string>): Promise<Map<string, string[]>> {
    const spellings = new Map<string, string[]>();
    for (const query of queries) {
      await forEachRow(this.db, this.config.dialect, query, (row) => {
        const name = usableName(row.username);
        const key = name === undefined ? undefined : nameKey(name);
        if (key === undefined || !keys.has(key)) return;
        const list = spellings.get(key);
        if (list) list.push(storedName(row.username));
        else spellings.set(key, [storedName(row.username)]);
      });
    }
    return spellings;
  }

  /** Member rows of the group, joined to a user row of their name. */
  private memberRows<T extends Pick<UserRow, 'username'> & MemberOf>(rows: T[], group: string): T[] {
    return rows.filter((row) => sameName(row.member_group, group) && usableName(row.member_name) !== undefined);
  }

  /** Members as the users their names are: a member row stands for its name
   * only when it belongs to the row of papercut_users, member or not, that
   * the name is, which every stored spelling of the name decides. Each row's
   * name is worked out once: a member list may hold tens of thousands. */
  private async namedMembers<T extends Pick<UserRow, 'username'>>(
    rows: (T & MemberOf)[],
    group: string,
  ): Promise<NamedUser<T>[]> {
    const members: { row: T & MemberOf; key: string }[] = [];
    for (const row of this.memberRows(rows, group)) {
      const name = usableName(row.username);
      if (name !== undefined) members.push({ row, key: nameKey(name) });
    }
    const spellings = await this.spellingsOf(new Set(members.map((member) => member.key)));
    const winners = userPerName([...spellings.values()].flat(), (stored) => stored);
    const named = new Map<string, NamedUser<T>>();
    for (const { row, key } of members) {
      if (named.has(key)) continue;
      const user = namedUser(row, spellings.get(key) ?? []);
      if (winners.get(key) === user.stored && belongsTo(storedName(row.member_name), user, true)) {
        named.set(key, user);
      }
    }
    return [...named.values()];
  }
}
