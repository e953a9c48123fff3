// `papercut-bridge doctor` against the SQLite demo ERP, whose data has its
// problems on purpose: each must be found, with the right level and examples,
// and no secret may reach the report.
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../bridge/admin/doctor';
import type { Finding } from '../../bridge/admin/doctor/findings';
import { Log } from '../../bridge/core/log';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

type Env = Record<string, string>;

interface JsonReport {
  config: Record<string, unknown> | null;
  server: { dialect: string; connected: boolean; version: string | null } | null;
  findings: Finding[];
  timings: Record<string, number | null>;
  summary: { errors: number; warnings: number };
}

const scratch = scratchDir();
let demo: Env;

beforeAll(async () => {
  demo = await freshDemoDatabase(scratch.dir);
});
afterAll(() => scratch.remove());

/** Runs doctor in-process; stderr (warnings) and progress lines are captured. */
async function doctor(env: Env, json = false) {
  const stderr: string[] = [];
  const progress: string[] = [];
  const log = new Log(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        stderr.push(chunk.toString());
        done();
      },
    }),
  );
  const result = await runDoctor({ env, log, json, progress: (line) => progress.push(line) });
  return { ...result, stderr: stderr.join(''), progress };
}

async function report(env: Env): Promise<{ status: number; report: JsonReport; output: string; stderr: string }> {
  const result = await doctor(env, true);
  return {
    status: result.status,
    report: JSON.parse(result.output) as JsonReport,
    output: result.output,
    stderr: result.stderr,
  };
}

const byCheck = (json: JsonReport, check: string) => {
  const found = json.findings.find((item) => item.check === check);
  if (!found) throw new Error(`no finding ${check} in ${json.findings.map((item) => item.check).join(', ')}`);
  return found;
};

let copies = 0;
/** A copy of the demo ERP changed by `sql`. */
function demoWith(sql: string): Env {
  const file = join(scratch.dir, `variant-${++copies}.sqlite`);
  copyFileSync(demo.BRIDGE_DB_URL!, file);
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: file };
}

describe('the demo ERP', () => {
  let json: JsonReport;
  let status: number;

  beforeAll(async () => {
    ({ report: json, status } = await report(demo));
  });

  it('reports the JSON shape: config, server, findings, timings, summary', () => {
    expect(Object.keys(json)).toEqual(['config', 'server', 'findings', 'timings', 'summary']);
    expect(json.config).toMatchObject({ dialect: 'sqlite', url: demo.BRIDGE_DB_URL, allowWeakHashes: false });
    expect(json.server).toMatchObject({ dialect: 'sqlite', connected: true });
    expect(json.server?.version).toMatch(/^3\.\d+/);
    for (const item of json.findings) {
      expect(['ok', 'info', 'warning', 'error']).toContain(item.level);
      expect(item.examples?.length ?? 0).toBeLessThanOrEqual(5);
    }
    expect(json.summary).toEqual({ errors: 1, warnings: 3 });
  });

  it('exits 1: two users collide, which is an error', () => {
    expect(status).toBe(1);
  });

  it('counts the rows of the four views', () => {
    expect(byCheck(json, 'views.papercut_users')).toMatchObject({ level: 'ok', count: 46 });
    expect(byCheck(json, 'views.papercut_groups')).toMatchObject({ level: 'ok', count: 18 });
    // 111 distinct pairs; bodegard and MBrown reach all-staff through two roles each.
    expect(byCheck(json, 'views.papercut_group_members')).toMatchObject({ level: 'ok', count: 113 });
    expect(byCheck(json, 'views.papercut_credentials')).toMatchObject({ level: 'ok', count: 49 });
  });

  it('finds MBrown and mbrown colliding, and the empty login', () => {
    expect(byCheck(json, 'data.usernames.collisions')).toMatchObject({
      level: 'error',
      count: 2,
      examples: ['MBrown', 'mbrown'],
    });
    expect(byCheck(json, 'data.usernames.empty')).toMatchObject({ level: 'warning', count: 1 });
    expect(byCheck(json, 'data.usernames.unclean').level).toBe('ok');
  });

  it('finds the TAB and newline in department names and the BEL in a name, naming users', () => {
    const department = byCheck(json, 'data.fields.department');
    expect(department).toMatchObject({ level: 'warning', count: 6 });
    expect(department.examples).toEqual(expect.arrayContaining(['astrom', 'cdubois']));
    expect(byCheck(json, 'data.fields.full_name')).toMatchObject({
      level: 'warning',
      count: 1,
      examples: ['klundberg'],
    });
  });

  it('reports groups without members and memberships of inactive users as info', () => {
    const empty = byCheck(json, 'data.groups.without-members');
    expect(empty).toMatchObject({ level: 'info', count: 2 });
    expect([...(empty.examples ?? [])].sort()).toEqual(['color-printing', 'legacy-contractors']);
    const inactive = byCheck(json, 'data.memberships.unknown-users');
    expect(inactive).toMatchObject({ level: 'info', count: 12 });
    expect(inactive.examples).toEqual(expect.arrayContaining(['rjones', 'lrossi']));
    expect(byCheck(json, 'data.memberships.unknown-groups').level).toBe('ok');
  });

  it('reports dkowalski as a user without credentials, as info', () => {
    expect(byCheck(json, 'data.credentials.missing')).toMatchObject({
      level: 'info',
      count: 1,
      examples: ['dkowalski'],
    });
    expect(byCheck(json, 'data.credentials.several').level).toBe('ok');
    expect(byCheck(json, 'data.cards.duplicates').level).toBe('ok');
  });

  it('sees only bcrypt hashes, none weak or unrecognised', () => {
    expect(byCheck(json, 'credentials.schemes')).toMatchObject({ level: 'ok', message: 'hash schemes: bcrypt 44' });
    expect(byCheck(json, 'credentials.weak').level).toBe('ok');
    expect(byCheck(json, 'credentials.unrecognised').level).toBe('ok');
  });

  it('sees both lookups use an index', () => {
    expect(byCheck(json, 'indexes.get-user-details').level).toBe('ok');
    expect(byCheck(json, 'indexes.is-user-in-group').level).toBe('ok');
  });

  it('times every read call, in milliseconds', () => {
    expect(Object.keys(json.timings)).toEqual([
      'connect',
      'is-valid',
      'all-users',
      'all-groups',
      'get-user-details',
      'group-member-names',
      'is-user-in-group',
    ]);
    for (const ms of Object.values(json.timings)) {
      expect(ms).toBeTypeOf('number');
      expect(ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('writes a text report with a verdict per section and a final count', async () => {
    const { output, status: textStatus, progress, stderr } = await doctor(demo);
    expect(textStatus).toBe(1);
    expect(output).toMatch(/^Configuration: OK$/m);
    expect(output).toMatch(/^Server: OK$/m);
    expect(output).toMatch(/^Views: OK$/m);
    expect(output).toMatch(/^Data quality: FAIL \(1 error, 3 warnings\)$/m);
    expect(output).toMatch(/^Password hashes: OK$/m);
    expect(output).toMatch(/^Indexes: OK$/m);
    expect(output).toMatch(/^ {2}✗ 2 rows of papercut_users share a username/m);
    expect(output).toMatch(/^ {6}e\.g\. MBrown, mbrown$/m);
    expect(output).toMatch(/^ {2}all-users +[\d.]+ ms$/m);
    expect(output.endsWith('\n1 error, 3 warnings\n')).toBe(true);
    expect(progress).toContain('reading papercut_users');
    expect(stderr).toBe('');
  });

  it('never prints a hash, salt or PIN', async () => {
    const text = (await doctor(demo)).output;
    const raw = new Database(demo.BRIDGE_DB_URL!, { readonly: true });
    const hashes = raw.prepare('select password_hash from papercut_credentials').pluck().all() as string[];
    raw.close();
    expect(hashes.length).toBeGreaterThan(40);
    for (const hash of hashes) {
      for (const output of [text, JSON.stringify(json)]) {
        expect(output).not.toContain(hash);
        // The bcrypt salt and digest part: a shortened hash must not leak either.
        expect(output).not.toContain(hash.slice(7, 29));
      }
    }
  });
});

describe('status and levels', () => {
  it('exits 0 when only warnings remain', async () => {
    const { status, report: json } = await report(
      demoWith("UPDATE hr_employees SET status = 'SUSPENDED' WHERE login_name = 'mbrown'"),
    );
    expect(json.summary).toEqual({ errors: 0, warnings: 3 });
    expect(byCheck(json, 'data.usernames.collisions').level).toBe('ok');
    expect(status).toBe(0);
  });

  it('reports a missing view as an error, skips the data checks and exits 1', async () => {
    const { status, report: json } = await report(demoWith('DROP VIEW papercut_groups'));
    expect(byCheck(json, 'views.papercut_groups')).toMatchObject({ level: 'error' });
    expect(byCheck(json, 'views.papercut_groups').message).toMatch(/papercut_groups is missing/);
    expect(byCheck(json, 'data.skipped').level).toBe('info');
    expect(json.findings.some((item) => item.check.startsWith('indexes.'))).toBe(false);
    expect(status).toBe(1);
  });

  it('names the missing columns of a view', async () => {
    const { status, report: json } = await report(
      demoWith(
        'DROP VIEW papercut_credentials; CREATE VIEW papercut_credentials AS SELECT e.login_name AS username, c.password_hash AS password_hash FROM sec_credentials c JOIN hr_employees e ON e.id = c.employee_id',
      ),
    );
    expect(byCheck(json, 'views.papercut_credentials')).toMatchObject({
      level: 'error',
      message: 'papercut_credentials lacks columns password_salt, password_scheme',
    });
    expect(status).toBe(1);
  });

  it('reports an empty papercut_users as an error', async () => {
    const { status, report: json } = await report(demoWith("UPDATE hr_employees SET status = 'TERMINATED'"));
    expect(byCheck(json, 'views.papercut_users')).toMatchObject({ level: 'error', count: 0 });
    expect(status).toBe(1);
  });

  it('reports a card two users hold as an error, naming the users', async () => {
    const { report: json } = await report(
      demoWith("UPDATE hr_employees SET badge_no = '10001' WHERE login_name = 'mwisniewska'"),
    );
    const cards = byCheck(json, 'data.cards.duplicates');
    expect(cards).toMatchObject({ level: 'error', count: 1 });
    expect([...(cards.examples ?? [])].sort()).toEqual(['JSmith', 'mwisniewska']);
    expect(JSON.stringify(json)).not.toContain('10001');
  });

  it('reports memberships of groups missing from papercut_groups as a warning', async () => {
    const { report: json } = await report(
      demoWith(
        "DROP VIEW papercut_groups; CREATE VIEW papercut_groups AS SELECT role_name AS group_name FROM sec_roles WHERE role_name <> 'finance'",
      ),
    );
    expect(byCheck(json, 'data.memberships.unknown-groups')).toMatchObject({
      level: 'warning',
      examples: ['finance'],
    });
  });

  it('reports weak hashes as a warning (info when allowed) and unrecognised ones as a warning, without the hashes', async () => {
    const weak = '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=';
    const unknown = 'not-a-hash-at-all';
    const env = demoWith(`
      UPDATE sec_credentials SET password_hash = '${weak}' WHERE employee_id = (SELECT id FROM hr_employees WHERE login_name = 'jmueller');
      UPDATE sec_credentials SET password_hash = '${unknown}' WHERE employee_id = (SELECT id FROM hr_employees WHERE login_name = 'tmoreau');`);
    const refused = await report(env);
    expect(byCheck(refused.report, 'credentials.weak')).toMatchObject({
      level: 'warning',
      count: 1,
      examples: ['jmueller'],
    });
    expect(byCheck(refused.report, 'credentials.unrecognised')).toMatchObject({
      level: 'warning',
      count: 1,
      examples: ['tmoreau'],
    });
    expect(byCheck(refused.report, 'credentials.schemes').message).toBe('hash schemes: bcrypt 42, ldap-digest 1');
    const allowed = await report({ ...env, BRIDGE_ALLOW_WEAK_HASHES: '1' });
    expect(byCheck(allowed.report, 'credentials.weak').level).toBe('info');
    for (const output of [refused.output, allowed.output, (await doctor(env)).output]) {
      expect(output).not.toContain(weak);
      expect(output).not.toContain(unknown);
    }
  });

  it('warns when a lookup scans the employee table', async () => {
    const { report: json } = await report(demoWith('DROP INDEX hr_employees_login_name_idx'));
    const lookup = byCheck(json, 'indexes.get-user-details');
    expect(lookup.level).toBe('warning');
    expect(lookup.message).toMatch(/reads the whole of e \(full scan/);
  });
});

describe('configuration', () => {
  const password = 'Sup3r-S3cret-Pw';
  const configFile = (name: string, mode: number) => {
    const file = join(scratch.dir, name);
    writeFileSync(
      file,
      `BRIDGE_DB_CLIENT=pg\nBRIDGE_DB_URL=postgres://bridge:${password}@127.0.0.1:1/erp\nBRIDGE_CONNECT_TIMEOUT=1\n`,
    );
    chmodSync(file, mode);
    return file;
  };

  it.skipIf(process.platform === 'win32')(
    'warns on stderr and in the report when a config file holding a password is readable by everyone',
    async () => {
      const file = configFile('open.env', 0o644);
      const started = Date.now();
      const text = await doctor({ BRIDGE_CONFIG_FILE: file });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(text.stderr).toMatch(
        /^papercut-bridge: warning: .*open\.env holds the database password and is readable by everyone/,
      );
      expect(text.output).toMatch(/^ {2}! .*open\.env holds the database password/m);
      const { report: json, status } = await report({ BRIDGE_CONFIG_FILE: file });
      expect(byCheck(json, 'config.file-mode').level).toBe('warning');
      expect(json.config).toMatchObject({ url: 'postgres://bridge:***@127.0.0.1:1/erp', configFile: file });
      // The unreachable server: an error, found within the connect timeout.
      expect(byCheck(json, 'server.connect')).toMatchObject({ level: 'error' });
      expect(byCheck(json, 'server.connect').message).toMatch(/^cannot connect to the pg server: /);
      expect(status).toBe(1);
      for (const output of [text.output, text.stderr, JSON.stringify(json)]) expect(output).not.toContain(password);
    },
  );

  it.skipIf(process.platform === 'win32')('says nothing of a config file only its owner can read', async () => {
    const file = configFile('closed.env', 0o600);
    const { report: json, stderr, output } = await report({ BRIDGE_CONFIG_FILE: file });
    expect(stderr).toBe('');
    expect(json.findings.map((item) => item.check)).not.toContain('config.file-mode');
    expect(output).not.toContain(password);
  });

  it('reports configuration that cannot be resolved, with status 78', async () => {
    const text = await doctor({ BRIDGE_DB_CLIENT: 'oracle', BRIDGE_DB_URL: `oracle://u:${password}@db/erp` });
    expect(text.status).toBe(78);
    expect(text.output).toMatch(/^Configuration: FAIL \(1 error\)$/m);
    expect(text.output).toMatch(/BRIDGE_DB_CLIENT must be one of/);
    expect(text.output).not.toContain(password);
    const { status, report: json } = await report({
      BRIDGE_DB_CLIENT: 'mysql',
      BRIDGE_DB_URL: 'mysql://u@127.0.0.1/db?x=1',
    });
    // Found when the settings are resolved, before any connection.
    expect(status).toBe(78);
    expect(json.config).toBeNull();
    expect(byCheck(json, 'config.resolve')).toMatchObject({ level: 'error', message: expect.stringMatching(/'x'/) });
    expect(json.summary).toEqual({ errors: 1, warnings: 0 });
  });

  it('reports a database file that cannot be opened as an error', async () => {
    const { status, report: json } = await report({
      BRIDGE_DB_CLIENT: 'sqlite',
      BRIDGE_DB_URL: join(scratch.dir, 'absent.sqlite'),
    });
    expect(byCheck(json, 'server.connect')).toMatchObject({ level: 'error' });
    expect(json.server).toMatchObject({ connected: false, version: null });
    expect(status).toBe(1);
  });
});

describe('the built program', () => {
  it('prints the JSON report on stdout and exits 1 on the demo ERP', async () => {
    const result = await callBridge(['doctor', '--json'], { env: demo, cwd: scratch.dir });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as JsonReport;
    expect(json.summary).toEqual({ errors: 1, warnings: 3 });
  });

  it('prints the text report by default', async () => {
    const result = await callBridge(['doctor'], { env: demo, cwd: scratch.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/\n1 error, 3 warnings\n$/);
    // Progress goes to stderr, never to stdout.
    expect(result.stdout).not.toMatch(/^checking /m);
  });
});
