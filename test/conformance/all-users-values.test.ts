// all-users over values that test every rule of a user line, on every
// dialect: PostgreSQL answers through COPY text, whose lines the bridge
// passes on as bytes when it can, the others through rows. The expected
// answer is worked out here from the protocol's rules alone.
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { USER_COLUMNS } from '../../bridge/core/contract';
import { createDatabase, forEachDialect, type BridgeEnv, type TestDatabase } from '../support/databases';
import { callBridge, expectSameLines, scratchDir } from './spawn-bridge';

/** Values that a fast path could get wrong: escapes COPY writes, control
 * characters, spaces that trim removes (NBSP, U+3000, BOM…) or keeps (inside),
 * characters outside ASCII at either end, and `\N`, COPY's own NULL, as text. */
const AWKWARD = [
  null,
  '',
  'plain',
  'two words',
  ' leading',
  'trailing ',
  '\u00a0nbsp',
  'nbsp\u00a0',
  '\u3000ideographic',
  'bom\ufeff',
  'line\u2028separator',
  'tab\there',
  'new\nline',
  'cr\r\nlf',
  '\t\t',
  'back\\slash',
  '\\N',
  '\\',
  'N',
  'bell\u0007',
  'del\u007f',
  'vt\u000bff\u000c',
  'Øyvind',
  'ends in é',
  'é',
  '€uro',
  'emoji 😀',
  '😀',
  'C1 \u0085 control',
];

const NAMES = [
  ...['jsmith', 'JSmith', 'JSMITH', 'jsmith   ', 'JSmith ', 'mbrown', 'Øyvind', 'øyvind', 'ØYVIND  '],
  ...[' padded ', 'tab\tname', '', null, '\\N', 'bob', 'bob\u00a0', '\ufeffbob', 'bob\u0001', 'bob\u3000', 'bob\u0085'],
  ...['\u212aate', 'kate', '\u0130nci', 'i\u0307nci', 'inci', 'zero\u200bwidth'],
];

/** A deterministic sequence, so that a failure can be reproduced. */
function* numbers(seed: number): Generator<number> {
  for (let state = seed; ;) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    yield state >>> 8;
  }
}

type Row = (string | null)[];

function rows(count: number): Row[] {
  const random = numbers(42);
  const pick = <T>(list: readonly T[]) => list[random.next().value! % list.length]!;
  return Array.from({ length: count }, (_, i) => [
    // Mostly distinct names, some colliding, some unusable.
    i % 5 === 0 ? pick(NAMES) : `user${i}${i % 3 === 0 ? pick(AWKWARD.slice(2)) : ''}`,
    // Each other column empty, plain or awkward, so that trailing empty fields vary.
    ...USER_COLUMNS.slice(1).map(() => (random.next().value! % 3 === 0 ? null : pick(AWKWARD))),
  ]);
}

/** The protocol's rules, written out again: each run of TAB/CR/LF/U+2028/
 * U+2029 becomes a space, other C0 and C1 controls and DEL go, the ends are
 * trimmed, NULL is empty, trailing empty fields are left out. A username
 * loses its trailing ASCII spaces and is otherwise taken as it is, or the row
 * is skipped: empty, a space first, any other white space, a control, format
 * or unassigned character, İ or the Kelvin sign. Of names equal ignoring
 * case the row whose stored username is first in code-unit order stays. */
function expectedAnswer(all: Row[]): string {
  const field = (value: string | null) =>
    (value ?? '')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
      .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
      .trim();
  const username = (stored: string) => {
    const name = stored.replace(/ +$/, '');
    const bad =
      name === '' || name.startsWith(' ') || /[\s\p{Cc}\p{Cf}\p{Cn}\p{Co}\u0130\u212a]/u.test(name.replaceAll(' ', ''));
    return bad ? undefined : name;
  };
  const chosen = new Map<string, { stored: string; fields: string[] }>();
  for (const row of all) {
    const name = username(row[0] ?? '');
    if (name === undefined) continue;
    const fields = [name, ...row.slice(1).map(field)];
    while (fields.at(-1) === '') fields.pop();
    const key = name.toLowerCase();
    const previous = chosen.get(key);
    if (!previous || row[0]! < previous.stored) chosen.set(key, { stored: row[0]!, fields });
  }
  return [...chosen.values()].map(({ fields }) => `${fields.join('\t')}\n`).join('');
}

const ROWS = rows(3_000);

/** A fresh database of the dialect for the enclosing suite, made by `build`;
 * returns the bridge's settings for it, with a state directory. */
function useDatabase(dialect: Dialect, build: (db: Knex) => Promise<unknown>): { env: () => BridgeEnv; dir: string } {
  const scratch = scratchDir();
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createDatabase(dialect, scratch.dir);
    const db = database.connect();
    try {
      await build(db);
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    await database?.drop();
    scratch.remove();
  });
  return { env: () => ({ ...database!.env, BRIDGE_STATE_DIR: join(scratch.dir, 'state') }), dir: scratch.dir };
}

forEachDialect(undefined, (dialect) => {
  const { env, dir } = useDatabase(dialect, async (db) => {
    await db.schema.createTable('people', (table) => {
      table.integer('id').primary();
      for (const column of USER_COLUMNS) table.text(column);
    });
    await db.raw(`create view papercut_users as select ${USER_COLUMNS.join(', ')} from people`);
    const records = ROWS.map((row, id) => ({ id, ...Object.fromEntries(USER_COLUMNS.map((c, i) => [c, row[i]])) }));
    await db.batchInsert('people', records, 200);
  });

  it('answers what the protocol’s rules give for every row, byte for byte', async () => {
    const result = await callBridge(['-', 'all-users'], { env: env(), cwd: dir });
    expect(result.stderr).toMatch(/collide case-insensitively/);
    expect(result.status).toBe(0);
    expectSameLines(result.stdout, expectedAnswer(ROWS));
  });
});

// The contract asks for text columns; one that is not still reads the same in
// every call: the server's own text for it, as all-users reads it (COPY on
// PostgreSQL, row packets on MySQL), not the driver's JavaScript value.
const TYPED: Partial<Record<Dialect, { table: string; view: string; answer: string }>> = {
  pg: {
    table:
      'create table staff (login text, badge integer, active boolean, hired timestamp, score float8, amount numeric)',
    view: 'create view papercut_users as select login as username, hired as full_name, active as email, score as department, amount as office, badge as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from staff',
    answer: 'jsmith\t2024-02-29 08:30:00\tt\t1e+20\t12.50\t417\nmbrown\t1999-12-31 23:59:59.5\tf\t0.1\t-3\n',
  },
  mysql: {
    table:
      'create table staff (login varchar(50), badge int, active boolean, hired datetime(1), score double, amount decimal(10,2))',
    view: 'create view papercut_users as select login as username, hired as full_name, active as email, score as department, amount as office, badge as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from staff',
    answer: 'jsmith\t2024-02-29 08:30:00.0\t1\t1e20\t12.50\t417\nmbrown\t1999-12-31 23:59:59.5\t0\t0.1\t-3.00\n',
  },
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  const typed = TYPED[dialect]!;
  const { env, dir } = useDatabase(dialect, async (db) => {
    await db.raw(typed.table);
    await db.raw(
      "insert into staff values ('jsmith', 417, true, '2024-02-29 08:30:00', 1e20, 12.50), ('mbrown', null, false, '1999-12-31 23:59:59.5', 0.1, -3)",
    );
    await db.raw(typed.view);
  });

  it('answers get-user-details with the line all-users gives', async () => {
    const all = await callBridge(['-', 'all-users'], { env: env(), cwd: dir });
    expect(all.status).toBe(0);
    expectSameLines(all.stdout, typed.answer);
    for (const user of ['jsmith', 'mbrown']) {
      const details = await callBridge(['-', 'get-user-details'], { env: env(), cwd: dir, stdin: `${user}\n` });
      expect(all.stdout.split('\n')).toContain(details.stdout.slice(0, -1));
    }
  });
});
