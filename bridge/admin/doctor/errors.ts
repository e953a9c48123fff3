import type { Config } from '../../config';
import { classifyDbError } from '../../db/connect';
import { BridgeError } from '../../errors';
import { oneLine, redactUrl } from '../../log';

/** A failure as one line for the report, credentials masked. */
export function describeError(config: Config, error: unknown): string {
  const known = error instanceof BridgeError ? error : classifyDbError(config, error);
  return oneLine(redactUrl(known.message));
}
