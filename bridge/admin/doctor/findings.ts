/** How bad a finding is. The rule used throughout doctor:
 * - error: PaperCut cannot work (no connection, a view or column missing, no
 *   users), or could act for the wrong person (a username, group name or card
 *   that names two people);
 * - warning: records the bridge skips, cleans up or refuses safely, which the
 *   DBA should still fix (the people concerned cannot print or log in, or see
 *   mangled values);
 * - info: expected situations worth knowing; ok: checked, nothing found. */
export type Level = 'ok' | 'info' | 'warning' | 'error';

export interface Finding {
  /** `section.name`: the section decides where the text report lists it. */
  check: string;
  level: Level;
  message: string;
  count?: number;
  /** At most MAX_EXAMPLES usernames or group names; never a secret. */
  examples?: string[];
}

export const MAX_EXAMPLES = 5;

export function finding(
  check: string,
  level: Level,
  message: string,
  extra: { count?: number; examples?: readonly string[] } = {},
): Finding {
  const result: Finding = { check, level, message };
  if (extra.count !== undefined) result.count = extra.count;
  if (extra.examples?.length) result.examples = extra.examples.slice(0, MAX_EXAMPLES);
  return result;
}

/** Collects up to MAX_EXAMPLES distinct names. */
export class Examples {
  private readonly names = new Set<string>();

  add(name: string): void {
    if (name !== '' && this.names.size < MAX_EXAMPLES) this.names.add(name);
  }

  get list(): string[] {
    return [...this.names];
  }
}

export interface Summary {
  errors: number;
  warnings: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  return {
    errors: findings.filter((item) => item.level === 'error').length,
    warnings: findings.filter((item) => item.level === 'warning').length,
  };
}

/** "1 user", "2 users". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
