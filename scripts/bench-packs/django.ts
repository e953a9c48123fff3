// Django's auth_user, auth_group and auth_user_groups (the fixture made by Django itself).
import { numberedRows } from '../../seeds/data/bulk-users';
import { BOOLEAN, fixtureFiles, type PackBench } from './common';

export const django: PackBench = {
  pack: 'django',
  dialects: ['sqlite', 'pg', 'mysql'],
  fixture: (dialect) => fixtureFiles('django', dialect, ['auth.sql', 'indexes.sql']),
  // Django writes its own hash formats only (no sha512-crypt): no login is timed.
  login: false,
  tables: ['auth_user', 'auth_group', 'auth_user_groups'],
  async fill(db, dialect, users) {
    const { prefix, from, text, date } = numberedRows(dialect, users);
    const [no, yes] = BOOLEAN[dialect];
    await db.raw(`${prefix}
      insert into auth_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
      select 100000 + n, '', ${no}, ${text('bulk')}, 'Bulk', ${text('User ')}, '', ${no}, ${yes}, ${date} from ${from}`);
    await db('auth_group').insert({ id: 9000, name: 'sales' });
    await db.raw(`${prefix} insert into auth_user_groups (user_id, group_id) select 100000 + n, 9000 from ${from}`);
  },
};
