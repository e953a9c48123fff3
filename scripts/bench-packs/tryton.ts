// Tryton's res_user, res_group and "res_user-res_group" (the fixture made by Tryton itself).
import { numberedRows } from '../../seeds/data/bulk-users';
import { BOOLEAN, fixtureFiles, type PackBench } from './common';

export const tryton: PackBench = {
  pack: 'tryton',
  dialects: ['pg', 'sqlite'],
  fixture: (dialect) => fixtureFiles('tryton', dialect, ['tryton.sql', 'indexes.sql']),
  // A site's [password] passlib file may have Tryton hash with sha512_crypt,
  // and the view hands such hashes over as stored.
  login: true,
  tables: ['res_user', 'res_group', 'res_user-res_group'],
  async fill(db, dialect, users, hash) {
    const { prefix, from, text, date } = numberedRows(dialect, users);
    const yes = BOOLEAN[dialect][1];
    // The menu Tryton gives every user (root's): a NOT NULL column without a default.
    const { menu } = (await db('res_user').where({ id: 0 }).first('menu')) as { menu: number };
    await db.raw(`${prefix}
      insert into res_user (id, name, active, login, email, menu, create_date, create_uid)
      select 100000 + n, ${text('Bulk User ')}, ${yes}, ${text('bulk')}, ${text('bulk')} || '@example.com', ${Number(menu)}, ${date}, 0
      from ${from}`);
    await db('res_user').where({ id: 100_001 }).update({ password_hash: hash });
    await db.raw(
      `insert into res_group (id, name, active, create_date, create_uid) values (9000, 'sales', ${yes}, ${date}, 0)`,
    );
    await db.raw(`${prefix}
      insert into "res_user-res_group" (id, "user", "group", create_date, create_uid)
      select 100000 + n, 100000 + n, 9000, ${date}, 0 from ${from}`);
  },
};
