import { PROTOCOL_CALLS } from './commands/calls';
import type { CallContext } from './commands/context';
import { resolveConfig, type Config } from './config';
import { usageError } from './errors';
import { Spool, writeAll, type Io } from './io';
import { Log } from './log';

export type Env = Readonly<Record<string, string | undefined>>;

/** Runs one invocation and returns its exit status. Nothing but protocol
 * answers reaches `io.stdout`, and only once the whole answer is ready. */
export async function run(argv: readonly string[], io: Io, env: Env): Promise<number> {
  const log = new Log(io.stderr);
  const out = new Spool();
  const context = (config: Config): CallContext => ({ config, log, io, out });

  // Loaded with require() on demand: each call pays only for what it uses.
  if (argv.length === 0) {
    // The auth program: always exit 0, the answer is on stdout.
    const { authenticate } = require('./commands/authenticate') as typeof import('./commands/authenticate');
    let config: Config;
    try {
      config = resolveConfig({ env });
    } catch (error) {
      log.failure(error);
      await writeAll(io.stdout, 'ERROR\n');
      return 0;
    }
    await authenticate(context(config));
    await writeAll(io.stdout, out.text);
    return 0;
  }

  if (argv[0] !== '-') {
    const { runAdmin } = require('./admin/admin') as typeof import('./admin/admin');
    return runAdmin(argv, { log, io, env });
  }

  const [name = '', ...args] = argv.slice(1);
  const call = PROTOCOL_CALLS[name];
  try {
    if (!call) throw usageError(`unknown call '${name}' (calls: ${Object.keys(PROTOCOL_CALLS).join(', ')})`);
    if (args.length !== call.params.length) {
      throw usageError(`usage: papercut-bridge - ${[name, ...call.params].join(' ')}`);
    }
    await call.run(context(resolveConfig({ env })), ...args);
  } catch (error) {
    const status = log.failure(error);
    if (call?.answerOnFailure === undefined) return status;
    await writeAll(io.stdout, `${call.answerOnFailure}\n`);
    return 0;
  }
  await writeAll(io.stdout, out.text);
  return 0;
}
