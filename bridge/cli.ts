#!/usr/bin/env node
// The only file that touches `process`. Never call process.exit() before
// stdout's writes have drained: it is a pipe. exitNow is called once they have.
import { join } from 'node:path';
import { requireWithCodeCache } from './code-cache';

// The program itself is one bundle made by `npm run build` (scripts/bundle.ts).
const { run } = requireWithCodeCache(join(__dirname, '..', 'papercut-bridge.js')) as typeof import('./run');

const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  exitNow: (status: number) => process.stderr.write('', () => process.exit(status)),
};

run(process.argv.slice(2), io, process.env).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`papercut-bridge: software: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
