// The only place that touches `process`: arguments, environment, the standard
// streams (at the fd level, process-io.ts) and the exit status.
import { processIo, writeStderr } from './process-io';
import type { run as Run } from './run';

export function main(run: typeof Run): void {
  run(process.argv.slice(2), processIo(), process.env).then(
    (status) => process.exit(status),
    (error: unknown) => {
      writeStderr(`papercut-bridge: software: ${String(error)}\n`);
      process.exit(70);
    },
  );
}
