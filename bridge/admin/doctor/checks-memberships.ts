import { sanitize } from '../../protocol/format';
import { nameKey, usableName } from '../../protocol/usernames';
import type { DoctorContext } from './context';
import { Examples, finding, plural, type Finding } from './findings';
import type { NameTally } from './name-tally';
import { forEachRow } from '../../db/stream-rows';

export interface MembershipsResult {
  findings: Finding[];
  rows: number;
  /** The group PaperCut can be given that has the most memberships: group-member-names' worst case. */
  largestGroup: string | undefined;
}

interface GroupTally {
  name: string;
  rows: number;
  /** Memberships naming a user in papercut_users. */
  known: number;
}

/** One pass over papercut_group_members, matched against the usernames and
 * group names already read, by name as PaperCut sees it. Expanding nested
 * groups is usually the costliest query of all, so the view is expanded once
 * here rather than once per check; only one tally per group is kept. */
export async function checkMemberships(
  ctx: DoctorContext,
  users: NameTally,
  groups: NameTally,
): Promise<MembershipsResult> {
  const byGroup = new Map<string, GroupTally>();
  let unknownUsers = 0;
  const unknownUserExamples = new Examples();

  ctx.progress('reading papercut_group_members');
  const rows = await forEachRow(
    ctx.db,
    ctx.config.dialect,
    ctx.db.select('group_name', 'username').from(ctx.view('groupMembers')),
    (row) => {
      const group = sanitize(row.group_name);
      const user = usableName(row.username) ?? '';
      const key = nameKey(group);
      let tally = byGroup.get(key);
      if (!tally) byGroup.set(key, (tally = { name: group, rows: 0, known: 0 }));
      tally.rows++;
      // A nameless or unusable user's membership: that user is reported and never listed.
      if (user === '') return;
      if (users.has(user)) tally.known++;
      else {
        unknownUsers++;
        unknownUserExamples.add(user);
      }
    },
    { label: 'papercut_group_members', report: ctx.progress },
  );

  let unknownGroups = 0;
  const unknownGroupExamples = new Examples();
  let largest: GroupTally | undefined;
  for (const tally of byGroup.values()) {
    if (!groups.has(tally.name)) {
      unknownGroups += tally.rows;
      unknownGroupExamples.add(tally.name);
    } else if (!largest || tally.rows > largest.rows) largest = tally;
  }
  let empty = 0;
  const emptyExamples = new Examples();
  for (const name of groups.names()) {
    if (byGroup.get(nameKey(name))?.known) continue;
    empty++;
    emptyExamples.add(name);
  }

  const findings = [
    // The view contract says such rows are ignored: terminated staff still holding roles are normal.
    unknownUsers
      ? finding(
          'data.memberships.unknown-users',
          'info',
          `${plural(unknownUsers, 'membership')} of papercut_group_members ${unknownUsers === 1 ? 'names a user' : 'name users'} not in papercut_users (inactive staff, presumably): the bridge ignores them`,
          { count: unknownUsers, examples: unknownUserExamples.list },
        )
      : finding('data.memberships.unknown-users', 'ok', 'every membership names a user in papercut_users'),
    // Harmless to PaperCut, which can never be given such a group, but the two
    // views disagree: usually a filter or a spelling that differs between them.
    unknownGroups
      ? finding(
          'data.memberships.unknown-groups',
          'warning',
          `${plural(unknownGroups, 'membership')} of papercut_group_members ${unknownGroups === 1 ? 'names a group' : 'name groups'} not in papercut_groups: PaperCut can never use them; the two views disagree`,
          { count: unknownGroups, examples: unknownGroupExamples.list },
        )
      : finding('data.memberships.unknown-groups', 'ok', 'every membership names a group in papercut_groups'),
    empty
      ? finding(
          'data.groups.without-members',
          'info',
          `${plural(empty, 'group')} ${empty === 1 ? 'has' : 'have'} no member in papercut_users: PaperCut sees ${empty === 1 ? 'it' : 'them'} empty`,
          { count: empty, examples: emptyExamples.list },
        )
      : finding('data.groups.without-members', 'ok', 'every group has a member in papercut_users'),
  ];
  return { findings, rows, largestGroup: largest?.name };
}
