// The SCRAM verifier create-reader sends must be the one PostgreSQL itself
// makes of the same password: PostgreSQL SASLprep-normalises it first. The
// server computes its own verifier here, and ours, with its salt, must match.
import { expect, it } from 'vitest';
import { scramSha256 } from '../../bridge/db/dialects/pg-scram';
import { connectWith, createDatabase, forEachDialect } from '../support/databases';
import { scratchDir } from '../conformance/spawn-bridge';

const PASSWORDS = [
  'plain-ascii-password',
  'pässwörd-with-umlauts',
  'soft\u00adhyphen-inside',
  'no\u00a0break-space-inside',
  'ideographic\u3000space',
  'roman-\u2168-numeral',
  'fullwidth-\uff50\uff41\uff53\uff53',
  'zero\u200bwidth-space',
  'bell\u0007-is-prohibited',
  'private-\ue000-use',
  '\u05d0\u05d1\u05d2-hebrew-and-latin',
  '\u05d0\u05d1\u05d2\u05d3',
];

forEachDialect(['pg'], (dialect) => {
  it('matches the verifier PostgreSQL computes for every password', async () => {
    const scratch = scratchDir();
    const database = await createDatabase(dialect, scratch.dir);
    const db = connectWith(database.env);
    try {
      await db.raw("set password_encryption = 'scram-sha-256'");
      for (const [i, password] of PASSWORDS.entries()) {
        const role = `bridge_scram_${process.pid}_${i}`;
        // CREATE ROLE takes no parameters: the server quotes the name and the password into the statement.
        const { rows: statement } = await db.raw('select format(?::text, ?::text, ?::text) as sql', [
          'create role %I password %L',
          role,
          password,
        ]);
        await db.raw(statement[0].sql);
        try {
          const { rows } = await db.raw('select rolpassword from pg_authid where rolname = ?', [role]);
          const theirs = String(rows[0].rolpassword);
          const [, iterationsAndSalt] = theirs.split('$');
          const [iterations, salt] = iterationsAndSalt!.split(':');
          const ours = scramSha256(password, Buffer.from(salt!, 'base64'), Number(iterations));
          expect({ password, ours }).toEqual({ password, ours: theirs });
        } finally {
          await db.raw('drop role ??', [role]);
        }
      }
    } finally {
      await db.destroy();
      await database.drop();
      scratch.remove();
    }
  });
});
