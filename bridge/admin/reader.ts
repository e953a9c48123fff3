import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { withDb } from '../db/connect';
import type { Dialect } from '../db/dialect';
import { VIEWS } from '../contract';
import { configError, usageError } from '../errors';
import type { Log } from '../log';
import { saslprep } from './saslprep';

const VIEW_NAMES = Object.values(VIEWS);

/** The statements that create a login allowed to SELECT the four views and
 * nothing else. Views run with their owner's rights, so the reader sees the
 * mapped rows but can never read the ERP's tables. */
export const READER_SQL: Record<
  Dialect,
  (db: Knex, role: string, password: string, schema: string | undefined) => Promise<Knex.Raw[]>
> = {
  sqlite: async () => {
    throw configError(
      'SQLite has no logins: make the database file readable, not writable, by the PaperCut service account',
    );
  },
  pg: async (db, role, password, schema) => {
    const { rows } = await db.raw('select current_database() as db, current_schema() as schema');
    const target = schema ?? (rows[0].schema as string);
    return [
      // The password leaves as a SCRAM verifier, so server logs never hold it.
      db.raw(`create role ?? login password '${scramSha256(password)}'`, [role]),
      db.raw('alter role ?? set default_transaction_read_only = on', [role]),
      db.raw('grant connect on database ?? to ??', [rows[0].db, role]),
      db.raw('grant usage on schema ?? to ??', [target, role]),
      ...VIEW_NAMES.map((view) => db.raw('grant select on ??.?? to ??', [target, view, role])),
    ];
  },
  mysql: async (db, role, password, schema) => {
    const [rows] = await db.raw('select database() as db');
    const target = schema ?? (rows[0].db as string);
    return [
      db.raw(`create user ?@'%' identified by ?`, [role, password]),
      ...VIEW_NAMES.map((view) => db.raw(`grant select on ??.?? to ?@'%'`, [target, view, role])),
    ];
  },
  mssql: async (db, role, password, schema) => {
    const target = schema ?? 'dbo';
    return [
      // CREATE LOGIN takes no parameters: the password goes as a bound value into the statement built on the server.
      db.raw(
        "declare @sql nvarchar(max) = N'create login ' + quotename(?) + N' with password = N''' + replace(?, N'''', N'''''') + N''', check_policy = on'; exec sp_executesql @sql",
        [role, password],
      ),
      db.raw('create user ?? for login ??', [role, role]),
      ...VIEW_NAMES.map((view) => db.raw('grant select on ??.?? to ??', [target, view, role])),
    ];
  },
};

/** Creates the read-only login PaperCut's calls should use. Run it as the
 * DBA (BRIDGE_DB_URL with rights to create logins); the password comes from
 * stdin, never from the command line. */
export async function createReader(config: Config, log: Log, role: string, password: string): Promise<string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(role)) {
    throw usageError('the reader name may use letters, digits and _ only, starting with a letter or _');
  }
  if (password.length < 12) throw usageError('give the reader a password of at least 12 characters on stdin');
  await withDb(config, log, { readOnly: false }, async (db) => {
    for (const statement of await READER_SQL[config.dialect](db, role, password, config.schema)) await statement;
  });
  return `created ${role}: SELECT on ${VIEW_NAMES.join(', ')}, nothing else`;
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802 / 7677). */
export function scramSha256(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(saslprep(password), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest('base64');
  const serverKey = createHmac('sha256', salted).update('Server Key').digest('base64');
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey}:${serverKey}`;
}
