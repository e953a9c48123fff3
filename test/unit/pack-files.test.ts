// Every shipped pack, read as the DBA's tools will run it: each dialect's
// templates rendered with every option value that changes them and for every
// combination of optional parts, each a single CREATE VIEW of its file's view,
// with nothing another dialect would read differently. This is all SQL Server
// gets here; the other dialects run the packs live (test/packs/).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../bridge/db/dialect';
import { readViewStatements } from '../../bridge/db/view-sql';
import { VIEWS } from '../../bridge/core/contract';
import { listPacks, type Pack } from '../../bridge/packs/manifest';
import { renderViewSets } from '../../bridge/packs/scaffold';
import { CREATE_VIEW, codeOf } from '../support/sql-code';

const PACKS = listPacks();

/** Code (comments and literals emptied) that one dialect reads otherwise than intended. */
const FOREIGN: Record<Dialect, [RegExp, string][]> = {
  mssql: [
    [/\|\|/, '|| (SQL Server concatenates with + or CONCAT)'],
    [/\bLIMIT\b/i, 'LIMIT'],
    [/\bRECURSIVE\b/i, 'WITH RECURSIVE (SQL Server writes WITH)'],
    [/\b(TRUE|FALSE)\b/i, 'a boolean literal (SQL Server compares BIT with 1 or 0)'],
    [/::/, ':: casts'],
    [/\bI?LIKE\s+ANY\b|\bILIKE\b/i, 'ILIKE'],
    [/`/, 'backquoted names'],
  ],
  mysql: [
    [/\|\|/, '|| (logical OR in MySQL unless PIPES_AS_CONCAT)'],
    [/"/, 'double-quoted text (a string in MySQL unless ANSI_QUOTES)'],
    [/::/, ':: casts'],
    [/\[/, 'bracketed names'],
  ],
  pg: [
    [/`/, 'backquoted names'],
    [/\bIFNULL\b/i, 'IFNULL (COALESCE in PostgreSQL)'],
  ],
  sqlite: [[/::/, ':: casts']],
};

/** The defaults, then each choice and boolean value in turn, and each text option set. */
function optionSets(pack: Pack): Record<string, string>[] {
  const defaults = Object.fromEntries(Object.entries(pack.options).map(([name, option]) => [name, option.default]));
  const sets = [defaults];
  for (const [name, option] of Object.entries(pack.options)) {
    const values =
      option.type === 'choice'
        ? option.choices!
        : option.type === 'boolean'
          ? ['yes', 'no']
          : option.type === 'integer'
            ? ['', '7']
            : option.type === 'identifier'
              ? [option.default || 'x_']
              : ['', "it's"];
    for (const value of values) if (value !== option.default) sets.push({ ...defaults, [name]: value });
  }
  return sets;
}

it('there are packs, each in a folder of its own', () => {
  expect(PACKS.map((pack) => pack.name)).toEqual(expect.arrayContaining(['django', 'moodle', 'odoo', 'tryton']));
});

describe.each(PACKS)('pack $name', (pack) => {
  it('has a README and exactly the dialect folders pack.json names, with the same four files', () => {
    expect(existsSync(join(pack.dir, 'README.md'))).toBe(true);
    const folders = readdirSync(pack.dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual([...pack.dialects].sort());
    for (const dialect of pack.dialects) {
      const views = readdirSync(join(pack.dir, dialect)).map((file) => file.replace(/^\d+_/, '').replace(/\.sql$/, ''));
      expect(views.sort(), dialect).toEqual(Object.values(VIEWS).sort());
    }
  });

  const cases = pack.dialects.flatMap((dialect) => optionSets(pack).map((options) => ({ dialect, options })));
  it.each(cases)(
    '$dialect with $options renders one CREATE VIEW per file, in its own dialect',
    ({ dialect, options }) => {
      const views = readViewStatements(dialect, pack.dir).map((statement) => statement.view);
      for (const [features, statements] of Object.entries(renderViewSets(pack, dialect, options))) {
        statements.forEach((sql, index) => {
          const where = `${dialect} ${features || '(no optional part)'} #${index + 1}`;
          expect(sql, where).not.toContain('?');
          const code = codeOf(sql, dialect === 'mysql').trim();
          expect(code, where).not.toContain(';');
          const creates = [...code.matchAll(CREATE_VIEW)];
          expect(creates, where).toHaveLength(1);
          expect(code.indexOf(creates[0]![0]), `${where}: starts with CREATE VIEW`).toBe(0);
          const name = creates[0]!.slice(1).find((group) => group !== undefined);
          expect(name?.toLowerCase(), where).toBe(views[index]);
          for (const [pattern, what] of FOREIGN[dialect]) expect(pattern.test(code), `${where}: ${what}`).toBe(false);
        });
      }
    },
  );
});
