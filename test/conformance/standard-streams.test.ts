// The standard streams are read and written at the fd level: a call answers
// the same whether they are pipes (as callBridge gives them), regular files,
// or a stdin that is never written and stays open.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROGRAM, callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
let env: Record<string, string>;
beforeAll(async () => {
  env = await freshDemoDatabase(scratch.dir);
});
afterAll(() => scratch.remove());

/** The call with stdin, stdout and stderr as regular files. */
function withFiles(args: string[], stdin: string): { stdout: string; stderr: string; status: number | null } {
  const [input, output, errors] = ['in', 'out', 'err'].map((name) => join(scratch.dir, `${name}.txt`)) as [
    string,
    string,
    string,
  ];
  writeFileSync(input, stdin);
  const fds = [openSync(input, 'r'), openSync(output, 'w'), openSync(errors, 'w')];
  try {
    const { status } = spawnSync(PROGRAM, args, {
      cwd: scratch.dir,
      env: { PATH: process.env.PATH, ...env },
      stdio: fds,
    });
    return { stdout: readFileSync(output, 'utf8'), stderr: readFileSync(errors, 'utf8'), status };
  } finally {
    fds.forEach(closeSync);
  }
}

it('answers from regular files as from pipes, byte for byte', async () => {
  for (const [args, stdin] of [
    [['-', 'all-users'], ''],
    [['-', 'get-user-details'], 'jsmith\n'],
    [[], 'jsmith\npapercut-demo\n'],
    [[], 'jsmith\nwrong\n'],
  ] as [string[], string][]) {
    const piped = await callBridge(args, { env, stdin, cwd: scratch.dir });
    expect(withFiles(args, stdin), args.join(' ')).toEqual(piped);
  }
});

it("writes nothing to stderr when DEBUG asks packages to trace: Knex's tracing, which prints queries, is not built in", async () => {
  for (const [args, stdin] of [
    [['-', 'get-user-details'], 'jsmith\n'],
    [[], 'jsmith\npapercut-demo\n'],
  ] as [string[], string][]) {
    const traced = await callBridge(args, { env: { ...env, DEBUG: '*' }, stdin, cwd: scratch.dir });
    expect(traced, args.join(' ')).toEqual(await callBridge(args, { env, stdin, cwd: scratch.dir }));
    expect(traced.stderr).toBe('');
  }
});

it('fails the same way with stderr a file: one line there, nothing on stdout', () => {
  const result = withFiles(['-', 'get-user-details'], 'nobody-here\n');
  expect(result.status).toBe(67);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^papercut-bridge: not-found: [^\n]*\n$/);
});

it('never reads a stdin it does not need, even one that is never written', async () => {
  const started = Date.now();
  const result = await callBridge(['-', 'all-groups'], { env, keepStdinOpen: true });
  expect(result.status).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
});
