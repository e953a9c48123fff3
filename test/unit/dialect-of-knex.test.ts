// Migrations that hold SQL per dialect ask which dialect a Knex instance
// speaks: by the client name the bridge gives Knex, or one a DBA's knexfile uses.
import { describe, expect, it } from 'vitest';
import { DIALECTS, dialectOfKnex } from '../../bridge/db/dialect';

const knexWith = (client: unknown) => ({ client: { config: { client } } });

describe('dialectOfKnex', () => {
  it.each([
    ['better-sqlite3', 'sqlite'],
    ['sqlite3', 'sqlite'],
    ['pg', 'pg'],
    ['postgres', 'pg'],
    ['postgresql', 'pg'],
    ['mysql', 'mysql'],
    ['mysql2', 'mysql'],
    ['mssql', 'mssql'],
  ])('takes Knex client %s for %s', (client, dialect) => {
    expect(dialectOfKnex(knexWith(client))).toBe(dialect);
  });

  it('names every dialect by some client', () => {
    const named = new Set(['better-sqlite3', 'pg', 'mysql2', 'mssql'].map((client) => dialectOfKnex(knexWith(client))));
    expect([...named].sort()).toEqual([...DIALECTS].sort());
  });

  it('refuses a client the bridge has no dialect for', () => {
    for (const client of ['oracledb', 'cockroachdb', '', undefined, 42]) {
      expect(() => dialectOfKnex(knexWith(client))).toThrow(/unsupported Knex client/);
    }
  });
});
