import type { Writable } from 'node:stream';

const PROGRAM = 'papercut-bridge';

/** libpq takes a password as a query parameter too. */
const PASSWORD_PARAM = /([?&](?:password|passwd|pwd)=)[^&#\s]*/gi;

/** Masks the password of a connection URL, in its user info or as a
 * parameter, for messages. */
export function redactUrl(text: string): string {
  // Greedy up to the last @ of the authority: URL parsers end the user info
  // there, so a password may itself hold an unencoded @.
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)@/gi, (_match, scheme: string, userInfo: string) => {
      const user = userInfo.split(':')[0] ?? '';
      return `${scheme}${user ? `${user}:***` : '***'}@`;
    })
    .replace(PASSWORD_PARAM, '$1***');
}

/** Folds any text into one line: PaperCut logs stderr line by line, and a
 * control or format character from data (ESC, a bidirectional override)
 * would reach the terminal or log viewer that shows it. */
export function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '?')
    .trim();
}

/** Diagnostics for people: always stderr, one line each, credentials masked. */
export class Log {
  constructor(private readonly stderr: Writable) {}

  error(code: string, message: string): void {
    this.write(`${PROGRAM}: ${code}: ${message}`);
  }

  warn(message: string): void {
    this.write(`${PROGRAM}: warning: ${message}`);
  }

  private write(line: string): void {
    this.stderr.write(`${oneLine(redactUrl(line))}\n`);
  }

  /** Knex's own logger writes to stdout. Its warnings repeat failures that
   * the bridge reports itself in one line, so they are dropped. */
  knexLogger() {
    const ignore = () => {};
    return { warn: ignore, error: ignore, deprecate: ignore, debug: ignore };
  }
}
