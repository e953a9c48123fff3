// `npm run demo`: makes every call PaperCut makes against the demo ERP, the way
// PaperCut makes it (a new process each time, another working directory, a
// bare environment), and shows what it answers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node itself, with the built program's entry: the same on every platform, with no shell in between.
const program = process.execPath;
const entry = join(__dirname, '..', 'bridge', 'cli.js');
const workDir = mkdtempSync(join(tmpdir(), 'papercut-demo-'));
// A state directory of its own: the build makes the demo ERP anew, which the guard would take for another database.
const env = {
  PATH: process.env.PATH ?? '',
  SystemRoot: process.env.SystemRoot ?? '',
  BRIDGE_DB_CLIENT: 'demo',
  BRIDGE_STATE_DIR: join(workDir, 'state'),
};

interface Step {
  why: string;
  args: string[];
  stdin?: string;
}

const steps: Step[] = [
  { why: 'PaperCut starts, or the sync settings page opens', args: ['-', 'is-valid'] },
  { why: 'Full sync: every user, one tab-separated line each', args: ['-', 'all-users'] },
  { why: 'An administrator adds groups', args: ['-', 'all-groups'] },
  {
    why: 'Sync, for each group PaperCut knows (nested roles expanded, leavers left out)',
    args: ['-', 'group-member-names', 'finance'],
  },
  { why: 'Sync restricted to one group', args: ['-', 'group-members', 'finance-managers'] },
  { why: "A new user's first print: on-demand user creation", args: ['-', 'get-user-details'], stdin: 'jsmith\n' },
  { why: 'A terminated user is unknown', args: ['-', 'get-user-details'], stdin: 'rjones\n' },
  { why: 'Group-based setup rules for that user', args: ['-', 'is-user-in-group', 'finance', 'jsmith'] },
  { why: 'Not a member', args: ['-', 'is-user-in-group', 'sales', 'jsmith'] },
  { why: 'A group the ERP does not have', args: ['-', 'group-member-names', 'no-such-group'] },
  { why: 'Password login at a copier (password: papercut-demo)', args: [], stdin: 'jsmith\npapercut-demo\n' },
  { why: 'Wrong password', args: [], stdin: 'jsmith\nnot-my-password\n' },
  { why: 'A terminated user with a valid password', args: [], stdin: 'rjones\npapercut-demo\n' },
];

const show = (label: string, text: string) => {
  if (text === '') return;
  for (const line of text.replace(/\n$/, '').split('\n')) console.log(`  ${label} ${line.replace(/\t/g, '→')}`);
};

try {
  for (const step of steps) {
    const result = spawnSync(program, [entry, ...step.args], {
      cwd: workDir,
      env,
      input: step.stdin ?? '',
      encoding: 'utf8',
    });
    console.log(`\n# ${step.why}`);
    console.log(`$ papercut-bridge ${step.args.join(' ')}${step.stdin ? `   <<< ${JSON.stringify(step.stdin)}` : ''}`);
    show('stdout|', result.stdout);
    show('stderr|', result.stderr);
    console.log(`  exit ${result.status}`);
  }
  console.log('\n(→ marks a TAB in the user lines.)');
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
