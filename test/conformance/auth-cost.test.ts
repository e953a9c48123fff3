// A stored hash cannot stall a login: hashes over their cost cap are refused
// at once (even as the first credential row, which unknown users' logins used
// to be timed against), the whole call has a deadline, and an unknown user
// costs what a typical real check costs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashSync } from 'bcrypt';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDatabase } from '../support/databases';
import { loadHashVectors } from '../support/hash-vectors';
import { callBridge, scratchDir } from './spawn-bridge';

const vectors = loadHashVectors().filter((vector) => vector.expect === 'match');
const real = (scheme: string) =>
  vectors.find((vector) => vector.scheme === scheme && !vector.hash.includes('rounds='))!;
const BCRYPT = real('bcrypt');
const SHA512 = real('sha512-crypt');

/** The forms the review found stalling logins, made from real hashes as a hostile row would. */
const HOSTILE: Record<string, string> = {
  'h-bcrypt': BCRYPT.hash.replace(/^\$(2.)\$\d\d\$/, '$$$1$$30$$'),
  'h-phpass': `$P$S${real('phpass').hash.slice(4)}`,
  'h-sha512': SHA512.hash.replace(/^\$6\$/, '$$6$$rounds=10000000$$'),
  'h-argon2': real('argon2').hash.replace(/m=\d+,t=\d+/, 'm=1048576,t=64'),
};

/** A database of people and their hashes, the first row's hash first. */
function useCredentials(rows: [string, string][]) {
  const scratch = scratchDir();
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDatabase('sqlite', scratch.dir);
    const db: Knex = database.connect();
    try {
      await db.schema.createTable('people', (table) => {
        table.integer('id').primary();
        table.text('login');
        table.text('hash');
      });
      await db('people').insert(rows.map(([login, hash], id) => ({ id, login, hash })));
      await db.raw(
        'create view papercut_users as select login as username, null as full_name, null as email, null as department, null as office, null as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from people',
      );
      await db.raw("create view papercut_groups as select 'Staff' as group_name");
      await db.raw("create view papercut_group_members as select 'Staff' as group_name, login as username from people");
      await db.raw(
        'create view papercut_credentials as select login as username, hash as password_hash, null as password_salt, null as password_scheme from people order by id',
      );
    } finally {
      await db.destroy();
    }
  });
  afterAll(() => scratch.remove());
  const logFile = join(scratch.dir, 'audit.log');
  const login = async (stdin: string, extra: Record<string, string> = {}) => {
    const started = performance.now();
    const result = await callBridge([], { env: { ...database.env, BRIDGE_LOG_FILE: logFile, ...extra }, stdin });
    return { ...result, ms: performance.now() - started };
  };
  const lastReason = () => JSON.parse(readFileSync(logFile, 'utf8').trim().split('\n').at(-1)!).reason as string;
  return { login, lastReason, env: () => database.env };
}

describe('hashes over their cost cap', () => {
  const t = useCredentials([['first', HOSTILE['h-bcrypt']!], ...Object.entries(HOSTILE), ['alice', BCRYPT.hash]]);

  it('are refused at once, with the reason in the audit log', async () => {
    for (const user of Object.keys(HOSTILE)) {
      const result = await t.login(`${user}\nSecret123!\n`);
      expect({ user, stdout: result.stdout, fast: result.ms < 1_500 }).toEqual({ user, stdout: 'ERROR\n', fast: true });
      expect(t.lastReason()).toMatch(/^cost-over-cap/);
    }
  });

  it('never serve as the decoy of an unknown user, even in the first row', async () => {
    const result = await t.login('nobody\nSecret123!\n');
    expect({ stdout: result.stdout, fast: result.ms < 1_500 }).toEqual({ stdout: 'ERROR\n', fast: true });
    expect(t.lastReason()).toBe('unknown-user');
    expect((await t.login(`alice\n${BCRYPT.password}\n`)).stdout).toBe('OK\nalice\n');
  });

  it('are reported by doctor with the count of users affected', async () => {
    const result = await callBridge(['doctor', '--json'], { env: t.env() });
    const findings = (JSON.parse(result.stdout) as { findings: { check: string; level: string; count?: number }[] })
      .findings;
    expect(findings.find((item) => item.check === 'credentials.over-cap')).toMatchObject({
      level: 'error',
      count: Object.keys(HOSTILE).length + 1,
    });
  });
});

describe('the deadline of the whole call', () => {
  // At the cap, and about 3 s of work here.
  const t = useCredentials([['slow', SHA512.hash.replace(/^\$6\$/, '$$6$$rounds=1000000$$')]]);

  it('answers ERROR when it passes, and ends the call', async () => {
    const result = await t.login('slow\nSecret123!\n', { BRIDGE_AUTH_TIMEOUT: '1' });
    expect(result.stdout).toBe('ERROR\n');
    expect(result.ms).toBeGreaterThan(900);
    expect(result.ms).toBeLessThan(2_000);
    expect(t.lastReason()).toBe('deadline');
  });
});

describe('the decoy', () => {
  // An old sha512-crypt row first, a user with bcrypt at cost 12 (python's
  // and PHP's default) after it: an unknown user must cost what that user costs.
  const t = useCredentials([
    ['old', SHA512.hash],
    ['carol', hashSync('carol-password', 12)],
  ]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

  it('costs what a typical real check costs, in a database that mixes schemes and costs', async () => {
    const times = { existing: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 7; round++) {
      times.existing.push((await t.login('carol\nnot-her-password\n')).ms);
      times.unknown.push((await t.login('nobody\nnot-her-password\n')).ms);
    }
    const ratio = median(times.unknown) / median(times.existing);
    expect(ratio, `unknown ${median(times.unknown)} ms vs existing ${median(times.existing)} ms`).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.43);
  });
});
