import type { Config } from '../../core/contract';
import { classifyDbError } from '../../db/connect';
import { BridgeError } from '../../core/errors';
import { oneLine, redactUrl } from '../../core/log';

/** A failure as one line for the report, credentials masked. */
export function describeError(config: Config, error: unknown): string {
  const known = error instanceof BridgeError ? error : classifyDbError(config, error);
  return oneLine(redactUrl(known.message));
}
