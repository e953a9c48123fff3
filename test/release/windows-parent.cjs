// Run by Windows Node under Wine: starts the program as PaperCut on Windows
// does, with anonymous Windows pipes as its stdin and stdout, and writes what
// came back as JSON to the file named by its first argument.
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { Buffer } = require('node:buffer');

const [out, exe, stdin, ...args] = process.argv.slice(2);
const child = spawn(exe, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
const stdout = [];
const stderr = [];
child.stdout.on('data', (chunk) => stdout.push(chunk));
child.stderr.on('data', (chunk) => stderr.push(chunk));
child.on('close', (status) => {
  writeFileSync(
    out,
    JSON.stringify({
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      status,
    }),
  );
});
child.stdin.end(stdin);
