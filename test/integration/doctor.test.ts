// `papercut-bridge doctor` on the server dialects: the same data findings as
// on SQLite, and the index check reading each server's own EXPLAIN.
import { beforeAll, expect, it } from 'vitest';
import { runDoctor } from '../../bridge/admin/doctor';
import type { Finding } from '../../bridge/admin/doctor/findings';
import type { ServerDialect } from '../support/servers';
import { forEachDialect, useDemoDatabase } from '../support/databases';
import { SILENT_LOG } from '../support/settings';

interface JsonReport {
  server: { dialect: string; connected: boolean; version: string | null };
  findings: Finding[];
  timings: Record<string, number | null>;
  summary: { errors: number; warnings: number };
}

async function doctor(env: Record<string, string>): Promise<{ status: number; report: JsonReport }> {
  const { output, status } = await runDoctor({ env, log: SILENT_LOG, json: true, progress: () => {} });
  return { status, report: JSON.parse(output) as JsonReport };
}

const finding = (report: JsonReport, check: string) => report.findings.find((item) => item.check === check);

/** The data findings of the demo ERP, identical on every dialect (SQLite's are in test/conformance/doctor.test.ts). */
const DEMO_DATA: [check: string, level: string, count?: number][] = [
  ['data.usernames.empty', 'warning', 1],
  ['data.usernames.collisions', 'error', 2],
  ['data.usernames.unclean', 'ok'],
  ['data.fields.full_name', 'warning', 1],
  ['data.fields.department', 'warning', 6],
  ['data.group-names.empty', 'ok'],
  ['data.group-names.collisions', 'ok'],
  ['data.group-names.unclean', 'ok'],
  ['data.memberships.unknown-users', 'info', 12],
  ['data.memberships.unknown-groups', 'ok'],
  ['data.groups.without-members', 'info', 2],
  ['data.cards.duplicates', 'ok'],
  ['data.credentials.missing', 'info', 1],
  ['data.credentials.several', 'ok'],
];

/** Drops the demo's login index, and how the plan then names the employee table. */
const WITHOUT_LOGIN_INDEX: Record<Exclude<ServerDialect, 'mssql'>, { sql: string; scanned: RegExp }> = {
  pg: { sql: 'drop index hr_employees_login_name_idx', scanned: /reads the whole of hr_employees/ },
  // MySQL's EXPLAIN names tables by their alias in the view.
  mysql: { sql: 'drop index hr_employees_login_name_idx on hr_employees', scanned: /reads the whole of e \(/ },
};

forEachDialect(['pg', 'mysql'], (dialect) => {
  const demo = useDemoDatabase(dialect);
  let result: { status: number; report: JsonReport };

  beforeAll(async () => {
    result = await doctor(demo.env());
  });

  it('connects and names the server version', () => {
    expect(result.report.server).toMatchObject({ dialect, connected: true });
    expect(result.report.server.version).toMatch(/\d+\.\d+/);
  });

  it('finds the same data problems as on SQLite, and exits 1 for the collision', () => {
    const data = result.report.findings
      .filter((item) => item.check.startsWith('data.'))
      .map((item): [string, string, number?] =>
        item.count === undefined ? [item.check, item.level] : [item.check, item.level, item.count],
      );
    expect(data).toEqual(DEMO_DATA);
    expect(finding(result.report, 'data.usernames.collisions')?.examples).toEqual(['MBrown', 'mbrown']);
    expect(finding(result.report, 'credentials.schemes')?.message).toBe('hash schemes: bcrypt 44');
    expect(result.status).toBe(1);
  });

  it('times every call', () => {
    for (const ms of Object.values(result.report.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('sees get-user-details search the login index, and is-user-in-group never scan the employee table', () => {
    expect(finding(result.report, 'indexes.get-user-details')?.level).toBe('ok');
    const membership = finding(result.report, 'indexes.is-user-in-group');
    expect(membership?.message).not.toMatch(/hr_employees|\be\b/);
  });

  // Last: it changes the suite's database.
  it('warns of the full scan once the login index is gone', async () => {
    const db = demo.database().connect();
    try {
      await db.raw(WITHOUT_LOGIN_INDEX[dialect as keyof typeof WITHOUT_LOGIN_INDEX].sql);
    } finally {
      await db.destroy();
    }
    const { report } = await doctor(demo.env());
    const lookup = finding(report, 'indexes.get-user-details');
    expect(lookup?.level).toBe('warning');
    expect(lookup?.message).toMatch(WITHOUT_LOGIN_INDEX[dialect as keyof typeof WITHOUT_LOGIN_INDEX].scanned);
  });
});
