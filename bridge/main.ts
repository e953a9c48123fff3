// Where the program meets its process: the arguments, the environment and
// the exit status; the standard streams are process-io.ts's.
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
