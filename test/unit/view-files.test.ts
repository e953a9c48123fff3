import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDialect, type Dialect } from '../../bridge/db/dialect';
import { readViewStatements } from '../../bridge/db/view-sql';
import { VIEWS } from '../../bridge/core/contract';
import { CREATE_VIEW, codeOf } from '../support/sql-code';

const VIEWS_DIR = resolve(__dirname, '..', '..', 'views');
const folders = readdirSync(VIEWS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const sqlFiles = (folder: string) =>
  readdirSync(join(VIEWS_DIR, folder))
    .filter((file) => file.endsWith('.sql'))
    .sort();

describe('codeOf', () => {
  it('drops comments and literal contents but keeps code', () => {
    expect(codeOf("SELECT 'a;b' AS x -- c;d\nFROM t /* e;f */;", false)).toBe("SELECT '' AS x \nFROM t  ;");
    expect(codeOf("SELECT 'it''s;' AS \"x;y\"", false)).toBe('SELECT \'\' AS ""');
    expect(codeOf("SELECT 'it\\'s;'", true)).toBe("SELECT ''");
  });
});

describe('view files', () => {
  it('has the sqlite folder and only dialect folders', () => {
    expect(folders).toContain('sqlite');
    for (const folder of folders) expect(isDialect(folder), `views/${folder}`).toBe(true);
  });

  it.each(folders)('views/%s holds exactly the file names of views/sqlite', (folder) => {
    expect(sqlFiles(folder)).toEqual(sqlFiles('sqlite'));
  });

  it('names the files <number>_<view>.sql, one per view of the contract', () => {
    const files = sqlFiles('sqlite');
    for (const file of files) expect(file).toMatch(/^\d+_[a-z][a-z0-9_]*\.sql$/);
    const viewNames = files.map((file) => file.replace(/^\d+_/, '').replace(/\.sql$/, ''));
    expect(viewNames.sort()).toEqual(Object.values(VIEWS).sort());
  });

  const cases = folders.flatMap((folder) => sqlFiles(folder).map((file) => ({ folder, file })));

  describe.each(cases)('views/$folder/$file', ({ folder, file }) => {
    const text = readFileSync(join(VIEWS_DIR, folder, file), 'utf8');
    const code = codeOf(text, folder === 'mysql').trim();
    const view = file.replace(/^\d+_/, '').replace(/\.sql$/, '');

    it('holds one statement: no ; except a final one', () => {
      expect(code.replace(/;$/, '')).not.toContain(';');
    });

    it('has no ? anywhere (Knex would read it as a binding)', () => {
      expect(text).not.toContain('?');
    });

    it('is a single CREATE VIEW of the view its name gives', () => {
      expect(code).toMatch(/^CREATE\s/i);
      const creates = [...code.matchAll(CREATE_VIEW)];
      expect(creates).toHaveLength(1);
      const match = creates[0];
      const name = match?.slice(1).find((group) => group !== undefined);
      expect(name?.toLowerCase()).toBe(view);
    });
  });

  describe.each(folders)('readViewStatements(%s)', (folder) => {
    const statements = readViewStatements(folder as Dialect, VIEWS_DIR);

    it('reads the four views of the contract', () => {
      expect(statements.map((statement) => statement.view).sort()).toEqual(Object.values(VIEWS).sort());
    });

    it('gives each statement without a final ; and nothing after it', () => {
      for (const statement of statements) {
        const code = codeOf(statement.sql, folder === 'mysql').trim();
        expect(code, statement.file).not.toContain(';');
        expect(code, statement.file).toMatch(/^CREATE\s+VIEW\s/i);
      }
    });
  });
});
