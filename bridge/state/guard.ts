import { BridgeError } from '../core/errors';
import type { CountRecord, LastAllUsers } from './store';

/** The mass-deletion guard: refuses an answer whose count fell by more than
 * `maxDropPercent` against the last successful one (100 turns this off), and
 * always refuses an empty user list when `refuseEmpty` is set. */
export function guardCount(options: {
  what: string;
  count: number;
  previous: CountRecord | undefined;
  maxDropPercent: number;
  refuseEmpty: boolean;
}): void {
  const { what, count, previous, maxDropPercent, refuseEmpty } = options;
  if (refuseEmpty && count === 0) {
    throw new BridgeError('guard', `${what} would be empty; refusing, since PaperCut could delete every user`);
  }
  if (!previous || previous.count === 0 || maxDropPercent >= 100) return;
  const drop = ((previous.count - count) / previous.count) * 100;
  if (drop <= maxDropPercent) return;
  throw new BridgeError(
    'guard',
    `${what} would list ${count} users, ${drop.toFixed(1)}% fewer than the ${previous.count} of the last ` +
      `successful answer (${previous.at}); refusing, since PaperCut could delete the missing ones. ` +
      `If the drop is intended, run the next sync with BRIDGE_MAX_USER_DROP_PERCENT=100 (or a higher limit than ${maxDropPercent})`,
  );
}

/** Refuses an all-users from another database than the installation's last
 * successful one: PaperCut could replace every user with another list. */
export function guardSameDatabase(options: {
  what: string;
  key: string;
  last: LastAllUsers | undefined;
  maxDropPercent: number;
}): void {
  const { what, key, last, maxDropPercent } = options;
  if (!last || last.key === key || maxDropPercent >= 100) return;
  throw new BridgeError(
    'guard',
    `${what}: the last successful all-users of this installation came from another database (${last.database}, ` +
      `${last.count} users at ${last.at}); refusing, since PaperCut could replace its users with another list. ` +
      'If the change is intended, run the next sync with BRIDGE_MAX_USER_DROP_PERCENT=100',
  );
}
