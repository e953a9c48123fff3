// What each SQLite connection the bridge opens is set up with.
import { join } from 'node:path';
import { knex } from 'knex';
import { afterAll, expect, it } from 'vitest';
import { knexConfig } from '../../bridge/db/connect';
import { scratchDir } from '../conformance/spawn-bridge';
import { SILENT_LOG, testConfig } from '../support/settings';

const scratch = scratchDir();
afterAll(() => scratch.remove());

it("keeps SQLite's own 2 MB page cache, not better-sqlite3's 16 MB: an export reads each page once", async () => {
  const file = join(scratch.dir, 'cache.sqlite');
  const db = knex(knexConfig(testConfig('sqlite', file), SILENT_LOG, { readOnly: false }));
  try {
    expect(await db.raw('pragma cache_size')).toEqual([{ cache_size: -2000 }]);
  } finally {
    await db.destroy();
  }
});
