// Runs the built program exactly as PaperCut does: a new process per call,
// a working directory of its own, a bare environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const ROOT = resolve(__dirname, '..', '..');
/** The program under test: the Node build's launcher, or a release
 * executable named by BRIDGE_TEST_PROGRAM (vitest.config.ts). */
export const PROGRAM = process.env.BRIDGE_TEST_PROGRAM ?? join(ROOT, 'bin', 'papercut-bridge');

export interface CallResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface CallOptions {
  stdin?: string | Buffer;
  /** Settings on top of the bare environment (PATH and HOME only). */
  env?: Record<string, string>;
  cwd?: string;
  program?: string;
  /** Write stdin but keep the pipe open, as a caller that never closes it. */
  keepStdinOpen?: boolean;
}

/** A scratch folder, removed by the returned function. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'papercut-bridge-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function callBridge(args: string[], options: CallOptions = {}): Promise<CallResult> {
  const cwd = options.cwd ?? tmpdir();
  const env = { PATH: process.env.PATH ?? '', HOME: cwd, ...options.env };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.program ?? PROGRAM, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolvePromise({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        status,
      }),
    );
    // The program may stop reading once it has what it needs.
    child.stdin.on('error', () => {});
    if (options.keepStdinOpen) child.stdin.write(options.stdin ?? '');
    else child.stdin.end(options.stdin ?? '');
  });
}

/** Creates a fresh demo ERP in `dir` with the built program; returns the settings that select it. */
export async function freshDemoDatabase(dir: string): Promise<Record<string, string>> {
  const file = join(dir, 'demo-erp.sqlite');
  const result = await callBridge(['demo', '--file', file], { cwd: dir });
  if (result.status !== 0) throw new Error(`demo setup failed: ${result.stderr}`);
  return { BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: file, BRIDGE_STATE_DIR: join(dir, 'state') };
}

/** all-users lists users in the database's order: the answer must hold
 * exactly the expected lines, byte for byte, each once, and end with a newline. */
export function expectSameLines(stdout: string, expected: string): void {
  expect(stdout.endsWith('\n')).toBe(true);
  const lines = (text: string) => text.split('\n').slice(0, -1).sort();
  expect(lines(stdout)).toEqual(lines(expected));
}

/** A failed call: the given exit status, nothing on stdout, one line on stderr. */
export function expectFailure(result: CallResult, status: number, stderrPattern: RegExp): void {
  expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: '', status });
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(stderrPattern);
}
