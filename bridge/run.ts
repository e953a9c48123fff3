import { join } from 'node:path';
import { writeAudit } from './core/audit-log';
import { PROTOCOL_CALLS, type ProtocolCall } from './commands/calls';
import { resolveConfig } from './config/config';
import type { Config, Env } from './core/contract';
import { asBridgeError, BridgeError, usageError } from './core/errors';
import { writeAll, type Io } from './core/io';
import { Log } from './core/log';
import { FileSpool, MemorySpool, type Spool } from './core/spool';

/** Runs one invocation and returns its exit status. Nothing but protocol
 * answers reaches `io.stdout`, and only once the whole answer is ready. */
export async function run(argv: readonly string[], io: Io, env: Env): Promise<number> {
  const log = new Log(io.stderr);

  // Loaded with require() on demand: each call pays only for what it uses.
  if (argv.length === 0) {
    // The auth program: always exit 0, the answer is on stdout.
    const { authenticate, AUTH_FAILED } =
      require('./commands/authenticate') as typeof import('./commands/authenticate');
    let config: Config;
    try {
      config = resolveConfig({ env });
    } catch (error) {
      printFailure(log, error);
      await writeAll(io.stdout, 'ERROR\n');
      return 0;
    }
    const out = new MemorySpool();
    const { abandoned, refused, failure } = await authenticate({ config, log, io, out });
    // What stopped the check (no database, bad input) is said; a refusal only in words that tell nothing.
    if (failure !== undefined) printFailure(log, failure);
    else if (refused) log.error('auth', AUTH_FAILED);
    await out.deliver(io.stdout);
    // Past the deadline a hash check may still run in the thread pool: PaperCut has its answer.
    if (abandoned) io.exitNow?.(0);
    return 0;
  }

  if (argv[0] !== '-') {
    const { runAdmin } = require('./admin/admin') as typeof import('./admin/admin');
    try {
      return await runAdmin(argv, { log, io, env });
    } catch (error) {
      return printFailure(log, error);
    }
  }

  const [name = '', ...args] = argv.slice(1);
  const call = PROTOCOL_CALLS[name];
  try {
    if (!call) throw usageError(`unknown call '${name}' (calls: ${Object.keys(PROTOCOL_CALLS).join(', ')})`);
    if (args.length !== call.params.length) {
      throw usageError(`usage: papercut-bridge - ${[name, ...call.params].join(' ')}`);
    }
  } catch (error) {
    return printFailure(log, error);
  }

  let config: Config;
  try {
    config = resolveConfig({ env });
  } catch (error) {
    return answerFailure(call, log, io, error);
  }
  return runCall(call, name, args, { config, log, io });
}

/** A monotonic clock in ms: process.hrtime, not perf_hooks, which a call would load only for this. */
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Runs a PaperCut call, delivers its answer, and records it in the audit log. */
async function runCall(
  call: ProtocolCall,
  name: string,
  args: string[],
  { config, log, io }: { config: Config; log: Log; io: Io },
): Promise<number> {
  const started = nowMs();
  let out: Spool | undefined;
  try {
    out = call.largeAnswer ? FileSpool.in(join(config.stateDir, 'spool')) : new MemorySpool();
    await call.run({ config, log, io, out }, ...args);
    await out.deliver(io.stdout);
    audit(config, name, started, { outcome: 'ok', rows: out.lines });
    return 0;
  } catch (error) {
    audit(config, name, started, { outcome: 'error', code: error instanceof BridgeError ? error.code : 'software' });
    return answerFailure(call, log, io, error);
  } finally {
    out?.discard();
  }
}

/** The one place a failure becomes its line on stderr; returns the exit status for it. */
function printFailure(log: Log, error: unknown): number {
  const failure = asBridgeError(error);
  log.error(failure.code, failure.message);
  return failure.exitStatus;
}

/** One line on stderr; is-valid still answers (N), everything else exits non-zero. */
async function answerFailure(call: ProtocolCall, log: Log, io: Io, error: unknown): Promise<number> {
  const status = printFailure(log, error);
  if (call.answerOnFailure === undefined) return status;
  await writeAll(io.stdout, `${call.answerOnFailure}\n`);
  return 0;
}

function audit(
  config: Config,
  call: string,
  started: number,
  result: { outcome: 'ok' | 'error'; rows?: number; code?: string },
): void {
  writeAudit(config.logFile, { call, ...result, durationMs: Math.round(nowMs() - started) });
}
