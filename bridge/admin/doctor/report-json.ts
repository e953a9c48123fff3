import { ordered, type DoctorReport } from './report';

const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);

/** The report for machines: { config, server, findings, timings (ms), summary }. */
export function renderJson(report: DoctorReport): string {
  const server = report.server && {
    dialect: report.server.dialect,
    product: report.server.product,
    connected: report.server.connected,
    version: report.server.version,
  };
  const timings = Object.fromEntries(Object.entries(report.timings).map(([call, ms]) => [call, round(ms)]));
  const document = {
    config: report.config,
    server,
    findings: ordered(report.findings),
    timings,
    summary: report.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
