// A member list tells which row each member's name is from every stored
// spelling of the name: ASCII names through the index, names with other
// letters by LIKE, or, past a few of those, by reading every username. Each
// way must find the row that beats a member's own (the spelling that sorts
// first), so that a member row stored under a losing spelling never lists
// the name of a user who is not a member.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { USER_COLUMNS } from '../../bridge/core/contract';
import { Directory } from '../../bridge/db/queries';
import { compareCodeUnits } from '../../bridge/protocol/format';
import { forEachDialect, useEmptyDatabase } from '../support/databases';

/** More names outside ASCII than one LIKE read takes (LIKE_NAMES_PER_READ). */
const MANY = 20;
const nordic = Array.from({ length: MANY }, (_, i) => `Åse${i + 1}`);

/** login as stored, and the groups whose membership view lists it. */
const ROWS: [string, string[]][] = [
  // The user each name is; the rows after them lose to them.
  ['Øyvind', []],
  ['øyvind', ['Few', 'Many']],
  ['Zed', []],
  ['zed', ['Few', 'Many']],
  ['zed  ', ['Few', 'Many']],
  ['amy', ['Few', 'Many']],
  ['Amy ', []],
  ['bea', ['Few', 'Many']],
  ['bea  ', []],
  ...nordic.map((login, i): [string, string[]] => [login, i < 2 ? ['Few', 'Many'] : i === 4 ? [] : ['Many']]),
  ['åse5', ['Many']],
];

/** The suite on a fresh database, its login column in `collation` if given. */
function memberSpellings(dialect: Dialect, collation?: string): void {
  const db = useEmptyDatabase(dialect);
  let directory: Directory;
  beforeAll(async () => {
    await db().schema.createTable('people', (table) => {
      table.integer('id').primary();
      const login = table.string('login', 64);
      if (collation) login.collate(collation);
      table.index('login');
    });
    await db().schema.createTable('memberships', (table) => {
      table.integer('person_id');
      table.string('group_name', 16);
    });
    await db()('people').insert(ROWS.map(([login], id) => ({ id, login })));
    await db()('memberships').insert(
      ROWS.flatMap(([, groups], id) => groups.map((group_name) => ({ person_id: id, group_name }))),
    );
    const others = USER_COLUMNS.slice(1).map((column) => `null as ${column}`);
    await db().raw(`create view papercut_users as select login as username, ${others.join(', ')} from people`);
    await db().raw(
      'create view papercut_group_members as select m.group_name, p.login as username from memberships m join people p on p.id = m.person_id',
    );
    directory = new Directory(db(), { dialect, schema: undefined, url: '' });
  });

  const names = async (group: string) =>
    (await directory.groupMemberNames(group)).map((user) => user.name).sort(compareCodeUnits);

  it('leaves out members stored under a spelling that loses, with a few names outside ASCII', async () => {
    // øyvind loses to Øyvind, zed and its padded row to Zed, amy to
    // the padded Amy (A sorts before a); bea beats its padded row.
    expect(await names('Few')).toEqual(['bea', 'Åse1', 'Åse2']);
  });

  it('does the same with more names outside ASCII than one LIKE read takes', async () => {
    const expected = ['bea', ...nordic.filter((login) => login !== 'Åse5')].sort(compareCodeUnits);
    expect(await names('Many')).toEqual(expected);
  });
}

forEachDialect(undefined, (dialect) => memberSpellings(dialect));
// MariaDB's NO PAD collations keep trailing spaces significant in `=`.
forEachDialect(['mysql'], () => describe('NO PAD', () => memberSpellings('mysql', 'utf8mb4_general_nopad_ci')));
