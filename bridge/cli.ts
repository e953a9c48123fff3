#!/usr/bin/env node
// The only file that touches `process`. Never call process.exit(): stdout is
// a pipe, and its writes must drain before Node ends the process.
import { join } from 'node:path';
import { requireWithCodeCache } from './code-cache';

// The program itself is one bundle made by `npm run build` (scripts/bundle.ts).
const { run } = requireWithCodeCache(join(__dirname, '..', 'papercut-bridge.js')) as typeof import('./run');

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, process.env).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`papercut-bridge: software: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
