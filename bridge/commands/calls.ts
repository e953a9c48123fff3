import type { CallContext } from './context';

// Each call's module is required when the call runs, not with this table: a
// single-user call then never initialises all-users' export, snapshot and PIN
// fingerprints, nor node:crypto, which those load (about 4 ms of a SQLite call).
const allGroups = (): typeof import('./all-groups') => require('./all-groups');
const allUsers = (): typeof import('./all-users') => require('./all-users');
const getUserDetails = (): typeof import('./get-user-details') => require('./get-user-details');
const groupMembers = (): typeof import('./group-members') => require('./group-members');
const isUserInGroup = (): typeof import('./is-user-in-group') => require('./is-user-in-group');
const isValid = (): typeof import('./is-valid') => require('./is-valid');

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
  'is-valid': { params: [], run: (ctx) => isValid().isValid(ctx), answerOnFailure: 'N' },
  'all-users': { params: [], run: (ctx) => allUsers().allUsers(ctx), largeAnswer: true },
  'all-groups': { params: [], run: (ctx) => allGroups().allGroups(ctx) },
  'get-user-details': { params: [], run: (ctx) => getUserDetails().getUserDetails(ctx) },
  'group-member-names': { params: ['GROUP'], run: (ctx, group) => groupMembers().groupMemberNames(ctx, group!) },
  'group-members': { params: ['GROUP'], run: (ctx, group) => groupMembers().groupMembers(ctx, group!) },
  'is-user-in-group': {
    params: ['GROUP', 'USER'],
    run: (ctx, group, user) => isUserInGroup().isUserInGroup(ctx, group!, user!),
  },
};
