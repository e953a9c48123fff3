import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../bridge/config/config';
import { classifyDbError, withoutQuotedValues } from '../../bridge/db/connect';

const config = (env: Record<string, string>) => resolveConfig({ env, readFile: () => undefined });
const mysql = config({
  BRIDGE_DB_CLIENT: 'mysql',
  BRIDGE_DB_URL: 'mysql://bridge:pw@db/erp',
  BRIDGE_DB_SCHEMA: 'views',
});
const pg = config({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://bridge:pw@db/erp' });

describe("database errors never quote a row's values", () => {
  it('keeps the names of the views, their columns, the schema and the database', () => {
    for (const message of [
      "Table 'erp.papercut_users' doesn't exist",
      "Unknown column 'u.pin' in 'field list'",
      "Table 'views.papercut_credentials' doesn't exist",
    ]) {
      expect(withoutQuotedValues(message, mysql)).toBe(message);
    }
    expect(withoutQuotedValues('relation "papercut_group_members" does not exist', pg)).toBe(
      'relation "papercut_group_members" does not exist',
    );
  });

  it('replaces every other quoted part', () => {
    expect(withoutQuotedValues("XPATH syntax error: '~$2b$10$abcdefghijklmnopqrstuv'", mysql)).toBe(
      "XPATH syntax error: '…'",
    );
    expect(withoutQuotedValues("Truncated incorrect INTEGER value: '4242x'", mysql)).toBe(
      "Truncated incorrect INTEGER value: '…'",
    );
    expect(withoutQuotedValues('invalid input syntax for type integer: "1234x"', pg)).toBe(
      'invalid input syntax for type integer: "…"',
    );
    expect(withoutQuotedValues("Duplicate entry 'jsmith-4242' for key 'PRIMARY'", mysql)).toBe(
      "Duplicate entry '…' for key '…'",
    );
  });

  it('in the message every failed query reports', () => {
    const error = Object.assign(new Error("Truncated incorrect DOUBLE value: 'S3cret!'"), {
      code: 'ER_TRUNCATED_WRONG_VALUE',
    });
    expect(classifyDbError(mysql, error).message).not.toContain('S3cret');
  });
});
