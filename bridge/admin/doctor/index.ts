import { type Config, type Env, VIEWS } from '../../core/contract';
import { withDb } from '../../db/connect';
import { ADAPTERS } from '../../db/dialects';
import { BridgeError, EXIT_STATUS } from '../../core/errors';
import { oneLine, redactUrl, type Log } from '../../core/log';
import { checkConfig, configProblem, loadConfig, summarizeConfig, urlPassword } from './checks-config';
import { checkData } from './checks-data';
import { checkGroups } from './checks-groups';
import { checkHashes } from './checks-hashes';
import { checkIndexes } from './checks-indexes';
import { checkMapping } from './checks-mapping';
import { checkMemberships } from './checks-memberships';
import { checkUsers } from './checks-users';
import { checkViews, countFinding } from './checks-views';
import { doctorContext, type DoctorContext } from './context';
import { describeError } from './errors';
import { finding, summarize, type Finding } from './findings';
import type { DoctorReport } from './report';
import { renderJson } from './report-json';
import { renderText } from './report-text';
import { serverInfo, unreachable } from './server';
import { emptyTimings, formatMs, timeCalls, timingFindings } from './timings';

export interface DoctorOptions {
  env: Env;
  log: Log;
  /** JSON for machines instead of text for people. */
  json: boolean;
  /** Writes a transient progress line (to stderr) during long checks. */
  progress: (line: string) => void;
}

/** Exit statuses. Warnings alone exit 0: they are records the bridge skips,
 * cleans or refuses safely, which almost every real ERP has; failing on them
 * would make doctor useless as a gate or a scheduled check. An error (PaperCut
 * cannot work, or could act for the wrong person) exits 1. */
const DOCTOR_STATUS = { healthy: 0, problems: 1, config: EXIT_STATUS.config } as const;

/** Doctor reads far more than any PaperCut call does: the per-call statement
 * timeout would cut its checks on a large directory short. */
const DOCTOR_STATEMENT_TIMEOUT_MS = 600_000;

/** `papercut-bridge doctor`: what a DBA needs to know about the bridge's
 * configuration, database, views and data. Findings are reported, never
 * thrown; only a programming error throws. */
export async function runDoctor(options: DoctorOptions): Promise<{ output: string; status: number }> {
  const { env, log, json, progress } = options;
  const findings: Finding[] = [];
  const report: DoctorReport = {
    config: null,
    server: null,
    findings,
    timings: emptyTimings(),
    summary: { errors: 0, warnings: 0 },
  };
  const done = (status?: number, secret?: string) => {
    report.summary = summarize(findings);
    const output = scrub((json ? renderJson : renderText)(report), secret);
    return { output, status: status ?? (report.summary.errors ? DOCTOR_STATUS.problems : DOCTOR_STATUS.healthy) };
  };

  const loaded = loadConfig(env);
  if (!('dialect' in loaded)) {
    findings.push(loaded);
    return done(DOCTOR_STATUS.config);
  }
  const config = loaded;
  const secret = urlPassword(config.url);
  report.config = summarizeConfig(config);
  findings.push(...checkConfig(config, log));

  const settings: Config = {
    ...config,
    statementTimeoutMs: Math.max(config.statementTimeoutMs, DOCTOR_STATEMENT_TIMEOUT_MS),
  };
  try {
    await withDb(settings, log, { readOnly: true }, (db) => examine(doctorContext(db, config, progress), report));
  } catch (error) {
    // A driver that cannot be loaded, or a CA file gone since, is configuration too.
    if (error instanceof BridgeError && error.code === 'config') {
      const at = findings.findIndex((item) => item.check === 'config.resolve');
      findings.splice(at, 1, configProblem(error));
      return done(DOCTOR_STATUS.config, secret);
    }
    throw error;
  }
  return done(undefined, secret);
}

/** Everything that needs the database, in order; a check that fails is an
 * error finding and the rest still run, except when there is no connection
 * or the views are incomplete. */
async function examine(ctx: DoctorContext, report: DoctorReport): Promise<void> {
  const { findings, timings } = report;
  const { config } = ctx;
  const step = async <T>(check: string, what: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (isProgrammingError(error)) throw error;
      findings.push(finding(check, 'error', `${what} failed: ${describeError(config, error)}`));
      return undefined;
    }
  };

  ctx.progress(`connecting to the ${config.dialect} database`);
  try {
    report.server = await serverInfo(ctx.db, config.dialect);
  } catch (error) {
    if (isProgrammingError(error)) throw error;
    report.server = unreachable(config.dialect);
    const where = ADAPTERS[config.dialect].isFile ? config.url : `the ${config.dialect} server`;
    const reason = oneLine(redactUrl(error instanceof Error ? error.message : String(error)));
    findings.push(finding('server.connect', 'error', `cannot connect to ${where}: ${reason}`));
    findings.push(finding('views.skipped', 'info', 'views, data, indexes and timings not checked: no connection'));
    return;
  }
  const { product, version, connectMs } = report.server;
  timings.connect = connectMs;
  findings.push(finding('server.connect', 'ok', `connected to ${product} ${version} in ${formatMs(connectMs ?? 0)}`));

  // The membership view is counted by its data pass: expanding it is costly.
  const views = await step('views.check', 'reading the views', () => checkViews(ctx, ['groupMembers']));
  if (!views) return;
  findings.push(...views.findings);
  findings.push(...((await step('views.mapping', 'reading the migrations', () => checkMapping(ctx))) ?? []));
  if (!views.complete) {
    findings.push(
      finding('data.skipped', 'info', 'data, hashes, indexes and timings not checked: fix the views first'),
    );
    return;
  }

  const users = await step('data.users', 'reading papercut_users', () => checkUsers(ctx));
  if (users) {
    findings.push(...users.findings);
    timings['all-users'] = users.allUsersMs;
  }
  const groups = await step('data.groups', 'reading papercut_groups', () => checkGroups(ctx));
  if (groups) {
    findings.push(...groups.findings);
    timings['all-groups'] = groups.allGroupsMs;
  }
  const memberships =
    users &&
    groups &&
    (await step('data.memberships', 'reading papercut_group_members', () =>
      checkMemberships(ctx, users.names, groups.names),
    ));
  if (memberships) {
    findings.push(...memberships.findings);
    const at = findings.findIndex((item) => item.check === `views.${VIEWS.groupMembers}`);
    findings[at] = countFinding('groupMembers', memberships.rows);
  }
  findings.push(...((await step('data.aggregates', 'the data checks', () => checkData(ctx))) ?? []));
  findings.push(...((await step('credentials.check', 'reading papercut_credentials', () => checkHashes(ctx))) ?? []));

  const timed = await step('timings.calls', 'timing the calls', () =>
    timeCalls(ctx, timings, users?.sampleUser, memberships?.largestGroup),
  );
  findings.push(...timingFindings(timings, config.statementTimeoutMs));
  const probe = timed?.probe ?? { user: users?.sampleUser, group: undefined, member: undefined };
  findings.push(...((await step('indexes.check', 'explaining the lookups', () => checkIndexes(ctx, probe))) ?? []));
}

/** Mistakes in doctor itself, as opposed to what the database said. */
function isProgrammingError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError;
}

/** Masks a secret anywhere in the output: every message is masked already; this is the last line of defence. */
function scrub(output: string, secret: string | undefined): string {
  // Very short passwords would mask ordinary words; they cannot be told apart from text anyway.
  if (!secret || secret.length < 4) return output;
  return output.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
}
