import { renameSync, statSync } from 'node:fs';
import { appendPrivate } from './private-files';

/** One line of the audit log. Never a password, hash, salt, PIN or credential. */
export interface AuditEntry {
  call: string;
  outcome: 'ok' | 'refused' | 'error';
  /** Why a login was refused. */
  reason?: string;
  /** The error code of a failed call. */
  code?: string;
  /** Lines answered. */
  rows?: number;
  /** The login name, only once it is known to be a user. */
  user?: string;
  scheme?: string;
  durationMs: number;
}

/** The log rotates past this size, keeping this many older files (.1 newest). */
const AUDIT_LOG_LIMITS = { maxBytes: 10 * 1024 * 1024, keep: 5 };

/** Appends one JSON line to the audit log. A log that cannot be written is
 * skipped: logging never changes the answer PaperCut gets. */
export function writeAudit(file: string, entry: AuditEntry, limits = AUDIT_LOG_LIMITS): void {
  try {
    rotateIfFull(file, limits);
    appendPrivate(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  } catch {
    // Deliberately ignored (see above).
  }
}

function rotateIfFull(file: string, { maxBytes, keep }: typeof AUDIT_LOG_LIMITS): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size < maxBytes) return;
  for (let generation = keep - 1; generation >= 1; generation--) {
    try {
      renameSync(`${file}.${generation}`, `${file}.${generation + 1}`);
    } catch {
      // That generation does not exist yet.
    }
  }
  renameSync(file, `${file}.1`);
}
