// `npm run bench`: builds a 1 000 000-user ERP in each available database,
// and a 2 000 000-user one for the export's memory (reused when present), times each PaperCut call of the built program
// against a reference measured in the same run, alternating the two, and
// writes BENCHMARKS.md. Servers come from BRIDGE_TEST_PG_URL and
// BRIDGE_TEST_MYSQL_URL (admin logins); SQLite is always measured.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { knex } from 'knex';
import { resolveConfig } from '../bridge/config/config';
import { knexConfig } from '../bridge/db/connect';
import type { Dialect } from '../bridge/db/dialect';
import { DirectoryQueries } from '../bridge/db/queries';
import { USER_COLUMNS } from '../bridge/core/contract';
import { Log } from '../bridge/core/log';
import { paths } from '../bridge/core/paths';
import { addBulkUsers } from '../seeds/data/bulk-users';
import { dbaViewStatements } from './bench-dba-views';
import { PACK_BENCHES, packDatabase, type PackBench } from './bench-packs';
import { buildSnapshot } from './bench-snapshot';
import { releaseFolder } from './release/platforms';

const USERS = 1_000_000;
/** The export again at twice the size: its memory must not grow with the users. */
const LARGE_USERS = 2_000_000;
const GROUP_MEMBERS = 20_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PROGRAM = join(paths.root, 'bin', 'papercut-bridge');
/** The Linux release executable (npm run package), beside the Node build it is compared with. */
const RELEASE = join(releaseFolder(paths.root, 'linux-x64'), 'papercut-bridge');
const FLOOR = join(__dirname, 'bench-floor.js');
/** The same lookups as a plain Python script (Debian's python3-psycopg2 and python3-pymysql). */
const PEER = join(paths.root, 'scripts', 'bench-peer.py');
const WORK = join(paths.root, 'bench');
/** A V8 startup snapshot of the program, Knex and pg (snapshot-entry.ts). */
const SNAPSHOT = join(WORK, 'startup-snapshot.blob');
// A sha512-crypt hash of 'Secret123!' made by passlib (test/fixtures/hash-vectors/sha-crypt.json).
const SHA512_CRYPT = (
  JSON.parse(readFileSync(join(paths.root, 'test', 'fixtures', 'hash-vectors', 'sha-crypt.json'), 'utf8')) as {
    vectors: { scheme: string; expect: string; hash: string; password: string }[];
  }
).vectors.find((v) => v.scheme === 'sha512-crypt' && v.expect === 'match' && !v.hash.includes('rounds='))!;

const columns = USER_COLUMNS.join(', ');
const silent = new Log({ write: () => true } as never);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

interface Target {
  dialect: Dialect;
  /** The database and mapping, as the report names them. */
  label: string;
  /** How many users its ERP has. */
  users: number;
  env: Record<string, string>;
  /** The database's own client exporting the view: the floor for all-users. */
  reference: (query: string) => [string, string[]];
}

const sizeLabel = (users: number) => (users === USERS ? '' : `, ${users.toLocaleString('en-US')} users`);

/** The database's own client running a query on the database at `url` (a
 * file for SQLite), rows as text on stdout; `setup` runs first on psql. */
function clientOf(dialect: Dialect, url: string, setup: string[] = []): Target['reference'] {
  if (dialect === 'sqlite') return (query) => ['sqlite3', ['-tabs', url, query]];
  if (dialect === 'pg') {
    return (query) => [
      'psql',
      [url, ...setup.flatMap((statement) => ['-c', statement]), '-c', `copy (${query}) to stdout`],
    ];
  }
  const parsed = new URL(url);
  const login = ['-h', parsed.hostname, '-P', parsed.port || '3306', '-u', decodeURIComponent(parsed.username)];
  return (query) => ['mariadb', [...login, '-B', '-N', '--quick', parsed.pathname.slice(1), '-e', query]];
}

/** The same server as `url`, another database on it. */
function otherDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function target(dialect: Dialect, label: string, users: number, url: string, extraEnv = {}): Target {
  const env = { BRIDGE_DB_CLIENT: dialect, BRIDGE_DB_URL: url, ...extraEnv };
  return { dialect, label, users, env, reference: clientOf(dialect, url) };
}

function targets(users: number): Target[] {
  const suffix = users === USERS ? '' : `_${users / 1_000_000}m`;
  const list = [target('sqlite', `sqlite${sizeLabel(users)}`, users, join(WORK, `erp-${users / 1_000_000}m.sqlite`))];
  for (const [dialect, variable, product] of [
    ['pg', 'BRIDGE_TEST_PG_URL', 'PostgreSQL'],
    ['mysql', 'BRIDGE_TEST_MYSQL_URL', 'MariaDB'],
  ] as const) {
    const admin = process.env[variable];
    if (admin)
      list.push(
        target(dialect, `${dialect}${sizeLabel(users)}`, users, otherDatabase(admin, `papercut_bench${suffix}`)),
      );
    else progress(`${product}: skipped (${variable} is not set)`);
  }
  return list;
}

const connect = (env: Record<string, string>) =>
  knex(knexConfig(resolveConfig({ env, readFile: () => undefined }), silent, { readOnly: false }));

/** Creates the target's database unless a complete one is there already,
 * and has `fill` make its tables, rows and views (the demo ERP by default). */
async function prepare(target: Target, fill: (target: Target) => Promise<void> = demoErp): Promise<void> {
  const { dialect, env, users } = target;
  const size = users.toLocaleString('en-US');
  try {
    const db = connect(env);
    const [row] = await db('papercut_users')
      .count({ n: '*' })
      .finally(() => db.destroy());
    if (Number(row?.n) >= users) return progress(`${target.label}: reusing the ${size}-user ERP`);
  } catch {
    // Not there yet.
  }
  progress(`${target.label}: building a ${size}-user ERP`);
  if (dialect === 'sqlite') {
    mkdirSync(WORK, { recursive: true });
    rmSync(env.BRIDGE_DB_URL!, { force: true });
  } else {
    const admin = connect({
      ...env,
      BRIDGE_DB_URL: process.env[dialect === 'pg' ? 'BRIDGE_TEST_PG_URL' : 'BRIDGE_TEST_MYSQL_URL']!,
    });
    const database = new URL(env.BRIDGE_DB_URL!).pathname.slice(1);
    await admin.raw('drop database if exists ??', [database]);
    await admin.raw(`create database ??${dialect === 'mysql' ? ' character set utf8mb4' : ''}`, [database]);
    await admin.destroy();
  }
  const started = performance.now();
  await fill(target);
  progress(`${target.label}: built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The demo ERP with `users` bulk users, all in sales, a 20 000-member group and a sha512-crypt login. */
async function demoErp({ dialect, env, users }: Target): Promise<void> {
  const demo = spawnSync(PROGRAM, ['demo'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo: ${demo.stderr}`);
  const db = connect(env);
  try {
    progress(`${dialect}: inserting users and memberships`);
    await addBulkUsers(db, dialect, users);
    progress(`${dialect}: a ${GROUP_MEMBERS}-member group and a sha512-crypt login`);
    await db('sec_roles').insert({ id: 9000, role_name: 'bench-20k' });
    await db('sec_user_roles').insert(
      db
        .select(db.raw('id as employee_id'), db.raw('9000 as role_id'))
        .from('hr_employees')
        .where('id', '>', 100_000)
        .andWhere('id', '<=', 100_000 + GROUP_MEMBERS),
    );
    await db('sec_credentials').insert({
      employee_id: 100_001,
      password_hash: SHA512_CRYPT.hash,
      changed_at: new Date(),
    });
    if (dialect === 'pg') await db.raw('analyze');
    if (dialect === 'mysql') await db.raw('analyze table hr_employees, sec_user_roles, sec_roles, sec_credentials');
  } finally {
    await db.destroy();
  }
}

/** A database of `bench`'s system with as many users as `base`'s ERP, mapped by its pack (bench-packs.ts). */
function packTarget(base: Target, bench: PackBench): Target {
  const label = `${base.dialect}, ${bench.pack} pack`;
  const url =
    base.dialect === 'sqlite'
      ? join(WORK, `${bench.pack}-1m.sqlite`)
      : otherDatabase(base.env.BRIDGE_DB_URL!, `papercut_bench_${bench.pack}`);
  return target(base.dialect, label, base.users, url, {
    BRIDGE_MIGRATIONS_DIR: join(WORK, `${bench.pack}-mapping-${base.dialect}`),
  });
}

/** The ERP of `base` mapped with the DBA-style views (bench-dba-views.ts), made afresh. */
async function dbaTarget(base: Target): Promise<Target> {
  const label = `${base.dialect}, DBA-style views`;
  progress(`${label}: creating them`);
  if (base.dialect === 'sqlite') {
    const copy = join(WORK, 'erp-1m-dba.sqlite');
    copyFileSync(base.env.BRIDGE_DB_URL!, copy);
    const dba = target('sqlite', label, base.users, copy);
    await runAll(dba.env, dbaViewStatements('sqlite', ''));
    return dba;
  }
  await runAll(base.env, dbaViewStatements(base.dialect, 'papercut_bench'));
  if (base.dialect === 'pg') {
    const url = base.env.BRIDGE_DB_URL!;
    return {
      ...target('pg', label, base.users, url, { BRIDGE_DB_SCHEMA: 'dba' }),
      reference: clientOf('pg', url, ['set search_path = dba']),
    };
  }
  return target('mysql', label, base.users, otherDatabase(base.env.BRIDGE_DB_URL!, 'papercut_bench_dba'));
}

async function runAll(env: Record<string, string>, statements: string[]): Promise<void> {
  const db = connect(env);
  try {
    for (const statement of statements) await db.raw(statement);
  } finally {
    await db.destroy();
  }
}

interface Run {
  ms: number;
  kib: number;
}

/** Runs a command once with its output thrown away; wall time and peak memory. */
function run(command: string, args: string[], env: Record<string, string>, stdin = ''): Run {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    input: stdin,
    stdio: ['pipe', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const kib = Number(result.stderr.trim().split('\n').pop());
  return { ms, kib };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

interface Measure {
  name: string;
  subject: () => Run;
  reference: () => Run;
  referenceName: string;
  /** The bound on the subject as a multiple of the reference; none for a floor. */
  target?: number;
  targetText?: string;
  /** For a floor: the measures it explains. */
  explains?: string[];
}

const PEER_SUFFIX = ', against the Python peer';
const COLD_CALLS = ['get-user-details', 'is-user-in-group', 'auth (sha512-crypt)'].flatMap((call) => [
  call,
  `${call}${PEER_SUFFIX}`,
]);

/** The single-user calls as the bridge and the Python peer make them. */
const PEER_CALLS: { call: string; bridge: [string[], string]; peer: string[] }[] = [
  { call: 'get-user-details', bridge: [['-', 'get-user-details'], 'bulk777777\n'], peer: ['user', 'bulk777777'] },
  {
    call: 'is-user-in-group',
    bridge: [['-', 'is-user-in-group', 'sales', 'bulk777777'], ''],
    peer: ['member', 'sales', 'bulk777777'],
  },
  {
    call: 'auth (sha512-crypt)',
    bridge: [[], `bulk1\n${SHA512_CRYPT.password}\n`],
    peer: ['login', 'bulk1', SHA512_CRYPT.password],
  },
];

const peerEnv = (env: Record<string, string>) => ({ ...env, BENCH_USER_COLUMNS: columns });

const fromSnapshot = (args: string[]) => ['--snapshot-blob', SNAPSHOT, ...args];

/** A call started from the snapshot must answer as the program does, or it is not the same work. */
function checkSnapshot(target: Target): void {
  const answer = (command: string, args: string[]) =>
    spawnSync(command, args, {
      env: { PATH: process.env.PATH, ...target.env },
      input: 'bulk777777\n',
      encoding: 'utf8',
    });
  const ours = answer(PROGRAM, ['-', 'get-user-details']);
  const snapshot = answer(process.execPath, fromSnapshot(['-', 'get-user-details']));
  if (snapshot.stdout !== ours.stdout || ours.status !== 0) {
    throw new Error(`the snapshot answers get-user-details otherwise: ${snapshot.stderr}`);
  }
}

/** The peer must print what the bridge prints, or it is not the same work. */
function checkPeer(target: Target, calls = PEER_CALLS): void {
  for (const { call, bridge, peer } of calls) {
    const [args, stdin] = bridge;
    const ours = spawnSync(PROGRAM, args, {
      env: { PATH: process.env.PATH, ...target.env },
      input: stdin,
      encoding: 'utf8',
    });
    const theirs = spawnSync(PEER, peer, { env: { PATH: process.env.PATH, ...peerEnv(target.env) }, encoding: 'utf8' });
    if (theirs.status !== 0) throw new Error(`the Python peer failed (${call}): ${theirs.stderr}`);
    if (ours.stdout !== theirs.stdout) {
      throw new Error(
        `the Python peer answers ${call} otherwise: ${JSON.stringify(theirs.stdout)}, not ${JSON.stringify(ours.stdout)}`,
      );
    }
  }
}

/** What a pack's views are measured on: the single-user calls, the login
 * only where the system keeps sha512-crypt hashes (bench-packs.ts). */
function packCalls(bench: PackBench) {
  return PEER_CALLS.filter(({ call }) => bench.login || call !== 'auth (sha512-crypt)');
}
const packMeasures = (bench: PackBench) =>
  new Set([
    ...packCalls(bench).flatMap(({ call }) => [call, `${call}${PEER_SUFFIX}`]),
    "floor: the client runs the bridge's own is-user-in-group query",
  ]);

/** What the DBA-style views change: the member lookups. */
const DBA_MEASURES = new Set([
  'is-user-in-group',
  `is-user-in-group${PEER_SUFFIX}`,
  "floor: the client runs the bridge's own is-user-in-group query",
  "floor: the client runs the bridge's own members query",
]);

function measures(target: Target): Measure[] {
  const { env } = target;
  const bridge =
    (args: string[], stdin = '') =>
    () =>
      run(PROGRAM, args, env, stdin);
  const nodeFloor = () => run(process.execPath, ['-e', ''], {});
  const floor = (mode: 'connect' | 'rows' | 'lines') => () => run(process.execPath, [FLOOR, mode], env);
  const membersQuery = `select username from papercut_group_members where group_name = 'bench-20k'`;
  const pairQuery = `select username from papercut_group_members where group_name = 'sales' and username = 'bulk777777'`;
  const clientQuery = (query: string) => () => {
    const [command, args] = target.reference(query);
    return run(command, args, {});
  };
  const exportQuery = `select ${columns} from papercut_users`;
  return [
    {
      name: 'floor: the driver alone connects and runs select 1',
      subject: floor('connect'),
      reference: nodeFloor,
      referenceName: 'node -e ""',
      explains: COLD_CALLS,
    },
    {
      name: 'floor: is-valid, the bridge connecting through Knex and reading no rows',
      subject: bridge(['-', 'is-valid']),
      reference: nodeFloor,
      referenceName: 'node -e ""',
      explains: [...COLD_CALLS, groupMeasure],
    },
    {
      name: 'release executable: get-user-details',
      subject: () => run(RELEASE, ['-', 'get-user-details'], env, 'bulk777777\n'),
      reference: bridge(['-', 'get-user-details'], 'bulk777777\n'),
      referenceName: 'the Node build (bin/papercut-bridge)',
    },
    {
      name: 'release executable: auth (sha512-crypt)',
      subject: () => run(RELEASE, [], env, `bulk1\n${SHA512_CRYPT.password}\n`),
      reference: bridge([], `bulk1\n${SHA512_CRYPT.password}\n`),
      referenceName: 'the Node build (bin/papercut-bridge)',
    },
    ...(target.dialect !== 'pg'
      ? []
      : [
          {
            name: 'floor: get-user-details started from a V8 startup snapshot (measured, not used)',
            subject: () => run(process.execPath, fromSnapshot(['-', 'get-user-details']), env, 'bulk777777\n'),
            reference: bridge(['-', 'get-user-details'], 'bulk777777\n'),
            referenceName: 'the Node build (bin/papercut-bridge)',
            explains: COLD_CALLS,
          },
        ]),
    {
      name: 'get-user-details',
      subject: bridge(['-', 'get-user-details'], 'bulk777777\n'),
      reference: nodeFloor,
      referenceName: 'node -e ""',
      target: 2,
      targetText: '≤ 2.0 ×',
    },
    {
      name: 'is-user-in-group',
      subject: bridge(['-', 'is-user-in-group', 'sales', 'bulk777777']),
      reference: nodeFloor,
      referenceName: 'node -e ""',
      target: 2,
      targetText: '≤ 2.0 ×',
    },
    ...PEER_CALLS.map(({ call, bridge: [args, stdin], peer }) => ({
      name: `${call}${PEER_SUFFIX}`,
      subject: bridge(args, stdin),
      reference: () => run(PEER, peer, peerEnv(env)),
      referenceName: 'the Python peer (scripts/bench-peer.py)',
      target: 1,
      targetText: '≤ 1.0 ×',
    })),
    {
      name: "floor: the client runs the bridge's own is-user-in-group query",
      subject: clientQuery(bridgeMembersQuery(target, 'sales', 'bulk777777')),
      reference: clientQuery(pairQuery),
      referenceName: 'the client querying the pair',
      explains: ['is-user-in-group'],
    },
    {
      name: 'auth (sha512-crypt)',
      subject: bridge([], `bulk1\n${SHA512_CRYPT.password}\n`),
      reference: nodeFloor,
      referenceName: 'node -e ""',
      target: 2,
      targetText: '≤ 2.0 ×',
    },
    {
      name: groupMeasure,
      subject: bridge(['-', 'group-member-names', 'bench-20k']),
      reference: clientQuery(membersQuery),
      referenceName: 'the client querying the group',
      target: 1.5,
      targetText: '≤ 1.5 ×',
    },
    {
      name: "floor: the client runs the bridge's own members query",
      subject: clientQuery(bridgeMembersQuery(target, 'bench-20k')),
      reference: clientQuery(membersQuery),
      referenceName: 'the client querying the group',
      explains: [groupMeasure],
    },
    {
      name: exportMeasure,
      subject: () =>
        run(PROGRAM, ['-', 'all-users'], {
          ...env,
          BRIDGE_STATE_DIR: join(WORK, 'state'),
          BRIDGE_MAX_USER_DROP_PERCENT: '100',
        }),
      reference: clientQuery(exportQuery),
      referenceName: target.reference('…')[0],
      ...exportTarget(target.dialect),
    },
    {
      name: "floor: the bridge's reading of the rows, nothing done with them",
      subject: floor('rows'),
      reference: clientQuery(exportQuery),
      referenceName: target.reference('…')[0],
      explains: [exportMeasure],
    },
    ...(target.dialect === 'sqlite'
      ? [
          {
            name: "floor: each line's fields joined in SQLite, read with nothing done (measured, not used)",
            subject: floor('lines'),
            reference: floor('rows'),
            referenceName: "the bridge's reading of the rows",
            explains: [exportMeasure],
          },
        ]
      : []),
    ...(target.dialect === 'pg'
      ? [
          {
            name: 'floor: psql COPY with the sanitising done in SQL (measured, not used)',
            subject: clientQuery(`select ${USER_COLUMNS.map(sanitisedInSql).join(', ')} from papercut_users`),
            reference: clientQuery(exportQuery),
            referenceName: target.reference('…')[0],
            explains: [exportMeasure],
          },
        ]
      : []),
  ];
}

/** bridge/protocol/format.ts's sanitize() in PostgreSQL, nearly: btrim trims
 * spaces only, where JavaScript's trim() takes every Unicode space. */
function sanitisedInSql(column: string): string {
  const controls = String.raw`E'[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]'`;
  const breaks = String.raw`E'[\\t\\r\\n]+'`;
  return `btrim(regexp_replace(regexp_replace(${column}, ${controls}, '', 'g'), ${breaks}, ' ', 'g'))`;
}

const groupMeasure = `group-member-names (${GROUP_MEMBERS.toLocaleString('en-US')})`;
const exportMeasure = 'all-users';
/** Against the database's own client export: SQLite's CLI writes its rows from C with no driver between. */
const exportTarget = (dialect: Dialect) =>
  dialect === 'sqlite' ? { target: 1.5, targetText: '≤ 1.5 ×' } : { target: 1.3, targetText: '≤ 1.3 ×' };

/** The SQL group-member-names (or with `stored`, is-user-in-group) runs, with
 * its values inlined for the client. */
function bridgeMembersQuery(target: Target, group: string, stored?: string): string {
  const db = connect(target.env);
  const sql = new DirectoryQueries(db, { dialect: target.dialect, schema: undefined })
    .members(group, stored, ['username'])
    .toString();
  void db.destroy();
  return sql;
}

interface Row {
  /** Why the call failed, when it did. */
  failed?: string;
  /** The target's label. */
  database: string;
  measure: string;
  subjectMs: number;
  referenceMs: number;
  referenceName: string;
  ratio: number;
  targetText?: string;
  met?: boolean;
  explains?: string[];
  peakMiB: number;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const runs: { target: Target; measures: Measure[] }[] = [];
  progress('building the startup snapshot');
  await buildSnapshot(join(paths.root, 'dist'), SNAPSHOT);
  for (const target of targets(USERS)) {
    await prepare(target);
    checkPeer(target);
    if (target.dialect === 'pg') checkSnapshot(target);
    runs.push({ target, measures: measures(target) });
    const dba = await dbaTarget(target);
    checkPeer(dba);
    runs.push({
      target: dba,
      measures: measures(dba).filter((m) => DBA_MEASURES.has(m.name) || m.name === groupMeasure),
    });
    for (const bench of PACK_BENCHES.filter((b) => b.dialects.includes(target.dialect))) {
      const pack = packTarget(target, bench);
      await prepare(pack, () =>
        packDatabase(bench, pack.dialect, pack.env, {
          users: pack.users,
          hash: SHA512_CRYPT.hash,
          connect: () => connect(pack.env),
          program: PROGRAM,
        }),
      );
      checkPeer(pack, packCalls(bench));
      runs.push({ target: pack, measures: measures(pack).filter((m) => packMeasures(bench).has(m.name)) });
    }
  }
  for (const target of targets(LARGE_USERS)) {
    await prepare(target);
    runs.push({ target, measures: measures(target).filter((m) => m.name === exportMeasure) });
  }
  for (const { target, measures } of runs) {
    for (const measure of measures) {
      progress(`${target.label}: ${measure.name}, ${ROUNDS} alternating runs`);
      const subject: Run[] = [];
      const reference: Run[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          subject.push(measure.subject());
          reference.push(measure.reference());
        }
      } catch (error) {
        // A failed call is a result too: reported, and the other measures still run.
        const line = (error as Error).message.match(/papercut-bridge: [^\n]*/)?.[0] ?? (error as Error).message;
        // The driver's message ends with the reason, after the SQL it quotes.
        const reason = line.split(' - ').pop()!.slice(0, 200);
        rows.push({ database: target.label, measure: measure.name, failed: reason } as Row);
        continue;
      }
      const subjectMs = median(subject.map((r) => r.ms));
      const referenceMs = median(reference.map((r) => r.ms));
      rows.push({
        database: target.label,
        measure: measure.name,
        subjectMs,
        referenceMs,
        referenceName: measure.referenceName,
        ratio: subjectMs / referenceMs,
        targetText: measure.targetText,
        met: measure.target === undefined ? undefined : subjectMs / referenceMs <= measure.target,
        explains: measure.explains,
        peakMiB: Math.max(...subject.map((r) => r.kib)) / 1024,
      });
    }
  }
  const report = render(rows);
  process.stdout.write(report);
  writeFileSync(join(paths.root, 'BENCHMARKS.md'), report);
}

function render(rows: Row[]): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const met = (r: Row) => (r.met === undefined ? '—' : r.met ? 'yes' : '**no**');
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${cpus().length} × ${cpu}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${USERS.toLocaleString('en-US')} users ` +
      `(${LARGE_USERS.toLocaleString('en-US')} where the database says so), ` +
      `median of ${ROUNDS} runs, each call a new process alternating with its reference. ` +
      'Rows named "floor" have no target: they measure a part of a call, to show where its time goes.',
    '',
    '| database | call | bridge ms | reference | reference ms | ratio | target | met | bridge peak MiB |',
    '|---|---|---:|---|---:|---:|---|---|---:|',
    ...rows.map((r) =>
      r.failed
        ? `| ${r.database} | ${r.measure} | failed | | | | | **no** | |`
        : `| ${r.database} | ${r.measure} | ${r.subjectMs.toFixed(0)} | ${r.referenceName} | ${r.referenceMs.toFixed(0)} | ` +
          `${r.ratio.toFixed(2)} | ${r.targetText ?? '—'} | ${met(r)} | ${r.peakMiB.toFixed(0)} |`,
    ),
    '',
    ...rows.filter((r) => r.failed).map((r) => `- ${r.database} ${r.measure} failed: \`${r.failed}\``),
    '',
    `Peak memory target for all-users: ≤ 128 MiB. ${rows
      .filter((r) => r.measure === exportMeasure && !r.failed)
      .map((r) => `${r.database}: ${r.peakMiB.toFixed(0)} MiB${r.peakMiB <= 128 ? '' : ' (**not met**)'}`)
      .join('; ')}.`,
    '',
    ...notMet(rows),
    ...WHY_FLOORS,
  ];
  return `${lines.join('\n')}\n`;
}

/** Why the floors bound the calls they explain: what no change to the bridge can take away. */
const WHY_FLOORS = [
  '## Why the floors are where they are',
  '',
  '- Single-user calls: each is a new Node process, and `node -e ""` is the start of one. The driver alone, connecting ' +
    'and running `select 1` with no Knex and no bridge, is the least such a call can cost; where that floor is above a ' +
    'target, the bridge cannot meet it while it runs on Node with that driver. The Python peer starts CPython, about ' +
    'as fast as Node starts here, and C drivers that load in a few milliseconds. A V8 startup snapshot holding the ' +
    'program, Knex and pg was measured (its row above) against the code cache the program starts from, and not kept.',
  '- `group-member-names`: the reference is the database client running the membership query alone. The ' +
    "bridge's own members query, run by that client (its floor row), already takes about twice as long: it joins the " +
    'members to `papercut_users`, since only listed users are members. The bridge adds its start (the `is-valid` ' +
    "floor) and a lookup of each member's name, through the index, to tell which row the name belongs to.",
  '- `all-users`: the floor is the bridge reading the rows and doing nothing with them. On SQLite each row comes as ' +
    "eleven values through better-sqlite3's iterator; joining them into one value in SQL (its row above) reads little " +
    'faster before any cleaning is done, so answer lines are not made in SQL.',
  '',
];

/** Each target not met, with the floor measured for it in the same run. */
function notMet(rows: Row[]): string[] {
  const missed = rows.filter((r) => r.met === false);
  if (!missed.length) return ['Every target is met.', ''];
  return [
    '## Targets not met, and the floors measured beside them',
    '',
    ...missed.map((r) => {
      const floors = rows.filter((f) => f.database === r.database && !f.failed && f.explains?.includes(r.measure));
      const why = floors.map(
        (f) =>
          `${f.measure.replace(/^floor: /, '')}: ${f.subjectMs.toFixed(0)} ms, ${f.ratio.toFixed(2)} × ${f.referenceName}`,
      );
      return `- ${r.database} ${r.measure}: ${r.ratio.toFixed(2)} × (target ${r.targetText})${why.length ? `; ${why.join('; ')}` : ''}.`;
    }),
    '',
  ];
}

if (!existsSync(PROGRAM) || !existsSync(RELEASE)) throw new Error('build first: npm run package');
main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
