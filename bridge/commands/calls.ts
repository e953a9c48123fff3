import { allGroups } from './all-groups';
import { allUsers } from './all-users';
import type { CallContext } from './context';
import { getUserDetails } from './get-user-details';
import { groupMemberNames, groupMembers } from './group-members';
import { isUserInGroup } from './is-user-in-group';
import { isValid } from './is-valid';

export interface ProtocolCall {
  /** Names of the positional arguments after the call name, for usage messages. */
  params: readonly string[];
  run(ctx: CallContext, ...args: string[]): Promise<void>;
  /** The answer to give, with exit 0, when the call fails (is-valid says N). */
  answerOnFailure?: string;
  /** Spool the answer to a file: it may be a million lines. */
  largeAnswer?: boolean;
}

/** The user-program calls of the protocol: `PROG - <call> [args]`. */
export const PROTOCOL_CALLS: Readonly<Record<string, ProtocolCall>> = {
  'is-valid': { params: [], run: isValid, answerOnFailure: 'N' },
  'all-users': { params: [], run: allUsers, largeAnswer: true },
  'all-groups': { params: [], run: allGroups },
  'get-user-details': { params: [], run: getUserDetails },
  'group-member-names': { params: ['GROUP'], run: (ctx, group) => groupMemberNames(ctx, group!) },
  'group-members': { params: ['GROUP'], run: (ctx, group) => groupMembers(ctx, group!) },
  'is-user-in-group': { params: ['GROUP', 'USER'], run: (ctx, group, user) => isUserInGroup(ctx, group!, user!) },
};
