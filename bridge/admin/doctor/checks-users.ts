import { performance } from 'node:perf_hooks';
import { USER_COLUMNS } from '../../core/contract';
import type { DoctorContext } from './context';
import { Examples, finding, plural, type Finding } from './findings';
import { isAscii, NameTally, nameFindings, USERNAME_WORDING } from './name-tally';
import { forEachRow } from '../../db/stream-rows';

/** What sanitize() replaces (TAB, CR, LF) or removes (every other control character). */
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface UsersResult {
  findings: Finding[];
  /** Streaming all-users' own query, with these checks on each row. */
  allUsersMs: number;
  /** A clean, existing username for the single-user lookups. */
  sampleUser: string | undefined;
  /** Every username, for the membership check. */
  names: NameTally;
}

/** One pass over all-users' query: empty and colliding usernames, and
 * control characters in any field. Examples are usernames only. */
export async function checkUsers(ctx: DoctorContext): Promise<UsersResult> {
  const names = new NameTally('usernames');
  const fields = USER_COLUMNS.filter((column) => column !== 'username');
  const dirty = new Map(fields.map((column) => [column, { count: 0, examples: new Examples() }]));
  let sampleUser: string | undefined;

  ctx.progress('reading papercut_users');
  const started = performance.now();
  await forEachRow(
    ctx.db,
    ctx.config.dialect,
    ctx.queries.allUsers(),
    (row) => {
      const name = names.add(row.username);
      // An ASCII name if there is one (see isAscii).
      if (name !== '' && name === row.username && !isAscii(sampleUser) && (sampleUser === undefined || isAscii(name))) {
        sampleUser = name;
      }
      for (const column of fields) {
        const value = row[column];
        if (typeof value !== 'string' || !CONTROL.test(value)) continue;
        const tally = dirty.get(column)!;
        tally.count++;
        if (name !== '') tally.examples.add(name);
      }
    },
    { label: 'papercut_users', report: ctx.progress },
  );
  const allUsersMs = performance.now() - started;

  const fieldFindings = fields.flatMap((column) => {
    const { count, examples } = dirty.get(column)!;
    if (!count) return [];
    return [
      finding(
        `data.fields.${column}`,
        'warning',
        `${plural(count, 'value')} of ${column} ${count === 1 ? 'contains' : 'contain'} tabs, line breaks or control characters: the bridge turns them into spaces or drops them, but the view should deliver clean data`,
        { count, examples: examples.list },
      ),
    ];
  });
  if (!fieldFindings.length) {
    fieldFindings.push(finding('data.fields', 'ok', 'no tabs, line breaks or control characters in any field'));
  }
  return { findings: [...nameFindings(names, USERNAME_WORDING), ...fieldFindings], allUsersMs, sampleUser, names };
}
