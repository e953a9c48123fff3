// Pack options of type text and secret (a language, a company, Moodle's salt)
// are written into the views' SQL as literals by each dialect's adapter: the
// server must read back exactly the value, whatever it holds.
import { expect, it } from 'vitest';
import { ADAPTERS } from '../../bridge/db/dialects';
import { forEachDialect, useEmptyDatabase } from '../support/databases';

const VALUES = [
  '',
  "O'Brien",
  "''",
  '\\',
  "\\'; select 1; --",
  'back\\nslash\\0',
  '100%_x',
  '"double" `tick` [bracket]',
  'ü€ 😀 İ',
  "9#kZ?'w%L;x",
];

forEachDialect(undefined, (dialect) => {
  const knex = useEmptyDatabase(dialect);

  it('reads each string literal back as the very value', async () => {
    const read: string[] = [];
    for (const value of VALUES) {
      // As the packs' migrations write it for knex.raw().
      const adapter = ADAPTERS[dialect];
      const literal = adapter.sql.stringLiteral(value).replace(/\?/g, adapter.rawNumbersQuestionMarks ? '\\?' : '?');
      const result = await knex().raw(`select ${literal} as v`);
      const rows = (dialect === 'pg' ? result.rows : dialect === 'mysql' ? result[0] : result) as { v: string }[];
      read.push(rows[0]!.v);
    }
    expect(read).toEqual(VALUES);
  });
});
