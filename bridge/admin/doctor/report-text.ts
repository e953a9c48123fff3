import { sanitize } from '../../protocol/format';
import type { ConfigSummary } from './checks-config';
import { plural, summarize, type Finding, type Level } from './findings';
import { SECTIONS, sectionOf, type DoctorReport, type SectionKey } from './report';
import { formatMs, TIMED_CALLS } from './timings';

const MARKS: Record<Level, string> = { ok: '✓', info: 'i', warning: '!', error: '✗' };

/** A name as typed, unless it holds what would garble the line: then quoted, escapes visible. */
function showName(name: string): string {
  return name === sanitize(name) && !/[,"]/.test(name) ? name : JSON.stringify(name);
}

function verdict(findings: readonly Finding[]): string {
  if (findings.length && findings.every((item) => item.check.endsWith('.skipped'))) return 'NOT CHECKED';
  const { errors, warnings } = summarize(findings);
  if (errors)
    return `FAIL (${[plural(errors, 'error'), ...(warnings ? [plural(warnings, 'warning')] : [])].join(', ')})`;
  if (warnings) return `WARN (${plural(warnings, 'warning')})`;
  return 'OK';
}

function settings(config: ConfigSummary): string[] {
  const seconds = (ms: number) => `${ms / 1000} s`;
  const rows: [string, string][] = [
    ['dialect', config.dialect],
    ['database', config.url],
    ['schema', config.schema ?? '(the connection default)'],
    ['config file', config.configFile ?? '(none)'],
    ['timeouts', `connect ${seconds(config.connectTimeoutMs)}, statement ${seconds(config.statementTimeoutMs)}`],
    ['weak hashes', config.allowWeakHashes ? 'accepted (BRIDGE_ALLOW_WEAK_HASHES=1)' : 'refused'],
    ['alias login', config.aliasLogin ? 'on' : 'off'],
    ['log file', config.logFile],
  ];
  return rows.map(([name, value]) => `  ${name.padEnd(14)}${value}`);
}

function findingLines(item: Finding): string[] {
  const lines = [`  ${MARKS[item.level]} ${item.message}`];
  if (item.examples?.length) lines.push(`      e.g. ${item.examples.map(showName).join(', ')}`);
  return lines;
}

function timingLines(report: DoctorReport): string[] {
  if (!report.server?.connected) return [];
  return TIMED_CALLS.map((call) => {
    const ms = report.timings[call];
    return `  ${call.padEnd(20)}${ms === null ? 'not measured' : formatMs(ms).padStart(10)}`;
  });
}

/** The report for people: one section per subject with a one-line verdict, and a final count. */
export function renderText(report: DoctorReport): string {
  const out: string[] = ['papercut-bridge doctor', ''];
  for (const [key, title] of SECTIONS) {
    const findings = report.findings.filter((item) => sectionOf(item) === key);
    const extra = extraLines(report, key);
    if (!findings.length && !extra.length) continue;
    out.push(`${title}: ${verdict(findings)}`, ...extra, ...findings.flatMap(findingLines), '');
  }
  const { errors, warnings } = report.summary;
  out.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${out.join('\n')}\n`;
}

function extraLines(report: DoctorReport, key: SectionKey): string[] {
  if (key === 'config' && report.config) return settings(report.config);
  if (key === 'timings') {
    const lines = timingLines(report);
    return lines.length ? ['  (milliseconds per call, its queries only, one run each)', ...lines] : [];
  }
  return [];
}
