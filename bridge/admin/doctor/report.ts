import type { ConfigSummary } from './checks-config';
import type { Finding, Summary } from './findings';
import type { ServerInfo } from './server';
import type { Timings } from './timings';

/** Everything doctor found, before it is written as text or JSON. */
export interface DoctorReport {
  /** Null when the configuration cannot be resolved. */
  config: ConfigSummary | null;
  /** Null when doctor never got as far as connecting. */
  server: ServerInfo | null;
  findings: Finding[];
  timings: Timings;
  summary: Summary;
}

/** The report's sections, in order: a finding's check starts with its key. */
export const SECTIONS = [
  ['config', 'Configuration'],
  ['server', 'Server'],
  ['views', 'Views'],
  ['data', 'Data quality'],
  ['credentials', 'Password hashes'],
  ['indexes', 'Indexes'],
  ['timings', 'Timings'],
] as const;

export type SectionKey = (typeof SECTIONS)[number][0];

export function sectionOf(item: Finding): SectionKey {
  const key = item.check.split('.')[0];
  return SECTIONS.find(([section]) => section === key)?.[0] ?? 'data';
}

/** Findings in section order, each section's in the order found. */
export function ordered(findings: readonly Finding[]): Finding[] {
  const rank = (item: Finding) => SECTIONS.findIndex(([section]) => section === sectionOf(item));
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
