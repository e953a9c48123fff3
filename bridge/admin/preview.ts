import { type Config, USER_COLUMNS } from '../core/contract';
import { withDb } from '../db/connect';
import { Directory } from '../db/queries';
import { BridgeError } from '../core/errors';
import type { Log } from '../core/log';
import { nameKey } from '../protocol/usernames';
import { eachUserLine } from '../export/user-lines';
import { stateOf } from '../commands/context';
import { guardCount, guardSameDatabase } from '../state/guard';
import { PinFingerprints } from '../state/pin-fingerprints';
import { readSnapshot, withPinFingerprints } from '../state/snapshot';
import { MemorySpool } from '../core/spool';

// `papercut-bridge preview`: what the next sync would change in PaperCut,
// against the last all-users answer kept in the state directory.

type Fields = Record<(typeof USER_COLUMNS)[number], string>;
/** Never shown: a PIN is a secret. */
const SECRET_FIELDS = new Set(['pin']);

export interface Preview {
  database: string;
  previous: { count: number; at: string | null };
  current: { count: number };
  guard: { refuses: boolean; reason?: string };
  /** False when the snapshot's PIN fingerprints were made under another key. */
  pinsCompared: boolean;
  added: { username: string; full_name: string }[];
  removed: { username: string; full_name: string }[];
  changed: { username: string; fields: Record<string, { from: string; to: string }> }[];
}

function parse(lines: string[]): Map<string, Fields> {
  const users = new Map<string, Fields>();
  for (const line of lines) {
    const values = line.split('\t');
    const fields = Object.fromEntries(USER_COLUMNS.map((column, i) => [column, values[i] ?? ''])) as Fields;
    users.set(nameKey(fields.username), fields);
  }
  return users;
}

export async function preview(config: Config, log: Log): Promise<Preview> {
  // The very answer all-users would give, and what the state says of this database.
  const answer = new MemorySpool();
  const state = await withDb(config, log, { readOnly: true }, async (db) => {
    const directory = new Directory(db, config);
    await eachUserLine(directory, answer);
    return stateOf(config, directory);
  });
  const record = state.read();
  // PINs are compared as fingerprints, the snapshot's own way.
  const pins = PinFingerprints.existingOrThrowaway(state.dir);
  const snapshot = readSnapshot(state.snapshotPath, pins);
  const lines = Buffer.concat([...withPinFingerprints(answer.chunks(), pins)])
    .toString('utf8')
    .split('\n')
    .filter(Boolean);

  const before = parse(snapshot?.lines ?? []);
  const after = parse(lines);
  const compared = snapshot?.pinsComparable === false ? USER_COLUMNS.filter((c) => c !== 'pin') : USER_COLUMNS;
  const summary = (fields: Fields) => ({ username: fields.username, full_name: fields.full_name });
  const changed: Preview['changed'] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) continue;
    const fields: Preview['changed'][number]['fields'] = {};
    for (const column of compared) {
      if (then[column] === now[column]) continue;
      fields[column] = SECRET_FIELDS.has(column) ? { from: '***', to: '***' } : { from: then[column], to: now[column] };
    }
    if (Object.keys(fields).length) changed.push({ username: now.username, fields });
  }

  let guard: Preview['guard'] = { refuses: false };
  try {
    const what = 'the next all-users';
    guardSameDatabase({ what, key: state.key, last: state.lastAllUsers(), maxDropPercent: config.maxUserDropPercent });
    guardCount({
      what,
      count: lines.length,
      previous: record.allUsers,
      maxDropPercent: config.maxUserDropPercent,
      refuseEmpty: true,
    });
  } catch (error) {
    if (!(error instanceof BridgeError) || error.code !== 'guard') throw error;
    guard = { refuses: true, reason: error.message };
  }

  return {
    database: state.label,
    previous: { count: before.size, at: record.allUsers?.at ?? null },
    current: { count: after.size },
    guard,
    pinsCompared: compared === USER_COLUMNS,
    added: [...after].filter(([key]) => !before.has(key)).map(([, fields]) => summary(fields)),
    removed: [...before].filter(([key]) => !after.has(key)).map(([, fields]) => summary(fields)),
    changed,
  };
}

export function previewText(result: Preview): string[] {
  const { previous, current, added, removed, changed, guard } = result;
  const lines = [
    `Database: ${result.database}`,
    previous.at
      ? `Last all-users answer: ${previous.count} users at ${previous.at}`
      : 'No all-users answer yet: every user would be new to the comparison',
    `Next all-users: ${current.count} users: ${added.length} added, ${removed.length} removed, ${changed.length} changed`,
    guard.refuses ? `The guard would refuse it: ${guard.reason}` : 'The guard would let it through',
  ];
  if (!result.pinsCompared) {
    lines.push('PIN changes are not shown: the last answer was kept under another PIN fingerprint key');
  }
  const name = (user: { username: string; full_name: string }) =>
    `${user.username}${user.full_name ? ` (${user.full_name})` : ''}`;
  for (const user of added) lines.push(`+ ${name(user)}`);
  for (const user of removed)
    lines.push(`- ${name(user)}  (deleted in PaperCut if "Delete users that do not exist" is on)`);
  for (const user of changed) {
    const fields = Object.entries(user.fields).map(([field, { from, to }]) =>
      SECRET_FIELDS.has(field) ? `${field} changed` : `${field}: '${from}' → '${to}'`,
    );
    lines.push(`~ ${user.username}: ${fields.join('; ')}`);
  }
  return lines;
}
