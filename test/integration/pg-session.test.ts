// What each PostgreSQL session the bridge opens is set up with.
import { knex } from 'knex';
import { expect, inject, it } from 'vitest';
import { knexConfig } from '../../bridge/db/connect';
import { SILENT_LOG, testConfig } from '../support/settings';

const server = inject('servers').pg;

/** `show jit` on a connection made as the bridge makes it, to the server's own database. */
async function jitOf(url: string): Promise<string> {
  const db = knex(knexConfig(testConfig('pg', url), SILENT_LOG, { readOnly: true }));
  try {
    const result = (await db.raw('show jit')) as { rows: { jit: string }[] };
    return result.rows[0]!.jit;
  } finally {
    await db.destroy();
  }
}

it.skipIf('skip' in server)('runs without JIT, which a member list paid for in compiling', async () => {
  const url = (server as { url: string }).url;
  expect(await jitOf(url)).toBe('off');
  // A URL that sets its own options has them instead.
  const own = new URL(url);
  own.searchParams.set('options', '-c jit=on');
  expect(await jitOf(own.toString())).toBe('on');
});
