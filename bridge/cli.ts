#!/usr/bin/env node
// The only file that touches `process`. Never call process.exit(): stdout is
// a pipe, and its writes must drain before Node ends the process.
import { run } from './run';

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, process.env).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`papercut-bridge: software: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
