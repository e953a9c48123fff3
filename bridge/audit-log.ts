import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line of the audit log. Never a password, hash, salt, PIN or credential. */
export interface AuditEntry {
  call: string;
  outcome: 'ok' | 'refused' | 'error';
  /** Why a login was refused, or what failed. */
  reason?: string;
  /** The login name, only once it is known to be a user. */
  user?: string;
  scheme?: string;
  durationMs: number;
}

/** Appends one JSON line to the audit log. A log that cannot be written is
 * skipped: logging never changes the answer PaperCut gets. */
export function writeAudit(file: string, entry: AuditEntry): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  } catch {
    // Deliberately ignored (see above).
  }
}
