// Moodle's mdl_user, with cohorts as groups (the fixture written from Moodle's sources).
import { numberedRows } from '../../seeds/data/bulk-users';
import { fixtureFiles, type PackBench } from './common';

export const moodle: PackBench = {
  pack: 'moodle',
  dialects: ['pg', 'mysql'],
  fixture: (dialect) => fixtureFiles('moodle', dialect, ['moodle45.sql', 'moodle45-dba.sql']),
  // Moodle keeps sha512-crypt hashes (PHP's crypt()).
  login: true,
  tables: ['mdl_user', 'mdl_cohort', 'mdl_cohort_members'],
  async fill(db, dialect, users, hash) {
    const { prefix, from, text } = numberedRows(dialect, users);
    await db.raw(`${prefix}
      insert into mdl_user (id, auth, confirmed, deleted, suspended, mnethostid, username, password, firstname, lastname, email, timecreated, timemodified)
      select 100000 + n, 'manual', 1, 0, 0, 1, ${text('bulk')}, '', 'Bulk', ${text('User ')}, '', 1717171717, 1717171717 from ${from}`);
    await db('mdl_user').where({ id: 100_001 }).update({ password: hash });
    await db('mdl_cohort').insert({
      id: 9000,
      contextid: 1,
      name: 'sales',
      descriptionformat: 1,
      timecreated: 1717171717,
      timemodified: 1717171717,
    });
    await db.raw(
      // Ids given: the fixture's own rows left the sequence behind them.
      `${prefix} insert into mdl_cohort_members (id, cohortid, userid, timeadded) select 100000 + n, 9000, 100000 + n, 1717171717 from ${from}`,
    );
  },
};
