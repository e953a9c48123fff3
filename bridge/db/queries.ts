import type { Knex } from 'knex';
import type { Config } from '../config';
import { SQLITE_FOLD_FUNCTION } from './connect';
import type { Dialect } from './dialect';
import { USER_COLUMNS, VIEW_COLUMNS, VIEWS, type UserRow } from './views';

/** How each dialect compares names case-insensitively while still using an index. */
interface CaseInsensitive {
  /** `column` equals `value`, ignoring case. */
  equalsValue(db: Knex, column: string, value: string): Knex.Raw;
  /** Two columns equal, ignoring case (for joins). */
  equalsColumn(db: Knex, left: string, right: string): Knex.Raw;
}

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

const CASE_INSENSITIVE: Record<Dialect, CaseInsensitive> = {
  // NOCASE can use a NOCASE index but folds ASCII only; a name with other
  // letters (Øyvind) is compared through a Unicode fold instead, without index.
  sqlite: {
    equalsValue: (db, column, value) =>
      isAscii(value)
        ? db.raw('?? = ? collate nocase', [column, value])
        : db.raw(`${SQLITE_FOLD_FUNCTION}(??) = ?`, [column, value.toLowerCase()]),
    equalsColumn: (db, left, right) => db.raw('?? = ?? collate nocase', [left, right]),
  },
  // Served by an expression index on lower(login) under the view.
  pg: {
    equalsValue: (db, column, value) => db.raw('lower(??) = lower(?)', [column, value]),
    equalsColumn: (db, left, right) => db.raw('lower(??) = lower(??)', [left, right]),
  },
  // The login column's own case-insensitive collation does the work.
  mysql: {
    equalsValue: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
  },
  mssql: {
    equalsValue: (db, column, value) => db.raw('?? = ?', [column, value]),
    equalsColumn: (db, left, right) => db.raw('?? = ??', [left, right]),
  },
};

export interface CredentialRow {
  username: string | null;
  password_hash: string | null;
  password_salt: string | null;
  password_scheme: string | null;
}

/** The few read queries the PaperCut calls need, over the four views. */
export class Directory {
  private readonly ci: CaseInsensitive;

  constructor(
    private readonly db: Knex,
    private readonly config: Pick<Config, 'dialect' | 'schema'>,
  ) {
    this.ci = CASE_INSENSITIVE[config.dialect];
  }

  private view(name: string, alias?: string): string {
    const qualified = this.config.schema ? `${this.config.schema}.${name}` : name;
    return alias ? `${qualified} as ${alias}` : qualified;
  }

  /** Fails when a view or one of its columns is missing. */
  async checkViews(): Promise<void> {
    for (const key of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) {
      await this.db.select(VIEW_COLUMNS[key]).from(this.view(VIEWS[key])).whereRaw('1 = 0');
    }
  }

  allUsers(): Promise<UserRow[]> {
    return this.db.select(USER_COLUMNS).from(this.view(VIEWS.users)).orderBy('username');
  }

  async allGroupNames(): Promise<unknown[]> {
    const rows: { group_name: unknown }[] = await this.db
      .select('group_name')
      .from(this.view(VIEWS.groups))
      .orderBy('group_name');
    return rows.map((row) => row.group_name);
  }

  /** Every papercut_users row whose username matches, ignoring case. */
  findUsers(username: string): Promise<UserRow[]> {
    return this.db
      .select(USER_COLUMNS)
      .from(this.view(VIEWS.users))
      .where(this.ci.equalsValue(this.db, 'username', username));
  }

  async groupExists(group: string): Promise<boolean> {
    const row = await this.db
      .first(this.db.raw('1 as found'))
      .from(this.view(VIEWS.groups))
      .where(this.ci.equalsValue(this.db, 'group_name', group));
    return row !== undefined;
  }

  /** The group's members that are also in papercut_users, as user rows. */
  groupMembers(group: string): Promise<UserRow[]> {
    return this.db
      .select(USER_COLUMNS.map((column) => `u.${column}`))
      .from(this.view(VIEWS.groupMembers, 'm'))
      .join(this.view(VIEWS.users, 'u'), (join) => join.on(this.ci.equalsColumn(this.db, 'u.username', 'm.username')))
      .where(this.ci.equalsValue(this.db, 'm.group_name', group))
      .orderBy('u.username');
  }

  async isMember(group: string, username: string): Promise<boolean> {
    const row = await this.db
      .first(this.db.raw('1 as found'))
      .from(this.view(VIEWS.groupMembers, 'm'))
      .join(this.view(VIEWS.users, 'u'), (join) => join.on(this.ci.equalsColumn(this.db, 'u.username', 'm.username')))
      .where(this.ci.equalsValue(this.db, 'm.group_name', group))
      .andWhere(this.ci.equalsValue(this.db, 'u.username', username));
    return row !== undefined;
  }

  /** Every credential row whose username matches, ignoring case. */
  credentials(username: string): Promise<CredentialRow[]> {
    return this.db
      .select(VIEW_COLUMNS.credentials)
      .from(this.view(VIEWS.credentials))
      .where(this.ci.equalsValue(this.db, 'username', username));
  }
}
