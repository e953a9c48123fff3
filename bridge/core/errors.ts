/** What stops the bridge from answering. Protocol answers such as "N" or
 * "wrong password" are values, not errors. Exit statuses follow sysexits.h. */
export const EXIT_STATUS = {
  usage: 64, // unknown call, missing or extra argument
  input: 65, // stdin unreadable, too long, not UTF-8, NUL
  'not-found': 67, // unknown user or group
  unavailable: 69, // cannot connect, timeout
  software: 70, // a view is missing or wrong, a query failed
  io: 74, // the state directory cannot be read or written (disk full)
  guard: 75, // refused: the answer would delete users in PaperCut
  config: 78, // bad or missing setting
} as const;

export type ErrorCode = keyof typeof EXIT_STATUS;

export class BridgeError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get exitStatus(): number {
    return EXIT_STATUS[this.code];
  }
}

/** A failure as the bridge reports it: anything unforeseen is a software error, with its stack. */
export function asBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError
    ? error
    : new BridgeError('software', `unexpected failure: ${(error as Error)?.stack ?? String(error)}`, { cause: error });
}

export const usageError = (message: string) => new BridgeError('usage', message);
export const inputError = (message: string) => new BridgeError('input', message);
export const notFound = (message: string) => new BridgeError('not-found', message);
export const configError = (message: string) => new BridgeError('config', message);
