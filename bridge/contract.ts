// What every part of the bridge agrees on: the four views DBAs create, their
// columns, and the environment a run reads its settings from. It imports
// nothing, so that anything may import it.

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
