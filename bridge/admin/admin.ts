import yargs from 'yargs';
import { resolveConfig } from '../config/config';
import { usageError } from '../core/errors';
import { readStdinLines, writeAll, type Io } from '../core/io';
import type { Log } from '../core/log';
import type { Env } from '../core/contract';
import { createDemo } from './demo';
import { preview, previewText } from './preview';
import { identifyHash, verifyHash } from './hash-tool';
import { makeMigration, migrate, type MigrateAction } from './migrate';
import { createReader } from './reader';
import { listPacks } from '../packs/manifest';
import { packsText } from '../packs/list';

interface AdminContext {
  log: Log;
  io: Io;
  env: Env;
}

/** Commands for DBAs and operators (`papercut-bridge migrate …`, `demo`).
 * PaperCut never calls these; its calls start with `-` (see run.ts). */
export async function runAdmin(argv: readonly string[], { log, io, env }: AdminContext): Promise<number> {
  const lines: string[] = [];
  let status = 0;
  const config = () => resolveConfig({ env });

  const parser = yargs([...argv])
    .scriptName('papercut-bridge')
    .usage(
      'PaperCut custom user directory and authenticator over SQL views.\n\n' +
        'PaperCut calls:  papercut-bridge - <call> [GROUP] [USER]   (is-valid, all-users, all-groups,\n' +
        '                 get-user-details, group-member-names, group-members, is-user-in-group)\n' +
        '                 papercut-bridge   (no arguments: check username/password on stdin)',
    )
    // Group and user names are strings: 007 stays 007.
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    .command(
      'migrate <action> [name]',
      'apply (latest), undo (rollback) or list (status) the view migrations, or scaffold one (make NAME)',
      (y) =>
        y
          .positional('action', { type: 'string', choices: ['latest', 'rollback', 'status', 'make'] as const })
          .positional('name', { type: 'string', describe: "the new migration's name (make only)" })
          .option('pack', { type: 'string', describe: "make: a mapping pack's views (see papercut-bridge packs)" })
          .option('option', {
            type: 'string',
            array: true,
            describe: "make: a pack's option, KEY=VALUE (KEY=@FILE reads the value from a file)",
          }),
      async ({ action, name, pack, option }) => {
        if (action === 'make') {
          if (!name) throw usageError('usage: papercut-bridge migrate make NAME [--pack PACK [--option KEY=VALUE]...]');
          lines.push(`created ${makeMigration(config(), name, { pack, options: option })}`);
          return;
        }
        if (name !== undefined || pack !== undefined || option !== undefined) {
          throw usageError(`migrate ${action} takes no name, --pack or --option`);
        }
        lines.push(...(await migrate(config(), log, action as MigrateAction)));
      },
    )
    .command(
      'packs',
      'list the mapping packs: the system each maps, the versions covered, the databases, the options',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' }),
      ({ json }) => {
        lines.push(...packsText(listPacks(), json));
      },
    )
    .command(
      'demo',
      'create the demo ERP: in the installation (when nothing is configured) or in the configured, empty database',
      (y) => y.option('file', { type: 'string', describe: 'create it in this new SQLite file instead' }),
      async ({ file }) => {
        lines.push(`demo ERP created in ${await createDemo(log, env, file)}`);
      },
    )
    .command(
      'create-reader <name>',
      'create a login that may SELECT the four views and nothing else (its password on stdin)',
      (y) => y.positional('name', { type: 'string', demandOption: true }),
      async ({ name }) => {
        const [password = ''] = await readStdinLines(io.stdin, { lines: 1, maxBytes: 1024, timeoutMs: 60_000 });
        lines.push(await createReader(config(), log, name, password));
      },
    )
    .command(
      'hash <action>',
      'name the scheme of a stored hash (identify: hash[, salt] on stdin) or check a password against it (verify: hash, password[, salt] on stdin)',
      (y) =>
        y
          .positional('action', { type: 'string', choices: ['identify', 'verify'] as const })
          .option('scheme', { type: 'string', describe: 'the scheme, as the view would name it in password_scheme' }),
      async ({ action, scheme }) => {
        if (action === 'identify') {
          lines.push(...(await identifyHash(io, scheme)));
          return;
        }
        const result = await verifyHash(io, scheme);
        lines.push(...result.lines);
        status = result.status;
      },
    )
    .command(
      'preview',
      'show what the next sync would change against the last all-users answer: users added, removed, changed',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' }),
      async ({ json }) => {
        const result = await preview(config(), log);
        lines.push(...(json ? [JSON.stringify(result, null, 2)] : previewText(result)));
      },
    )
    .command(
      'doctor',
      'check the configuration, the database, the four views and their data, the indexes and the time each call takes',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' }),
      async ({ json }) => {
        const { runDoctor } = require('./doctor') as typeof import('./doctor');
        const report = await runDoctor({ env, log, json, progress: (line) => io.stderr.write(`${line}\n`) });
        lines.push(report.output.replace(/\n$/, ''));
        status = report.status;
      },
    )
    .demandCommand(1, 'name a command')
    .strict()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? usageError(message);
    });

  let help = '';
  await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
    help = output;
  });
  // Only --help produces output here; usage mistakes were thrown above.
  await writeAll(io.stdout, help ? `${help}\n` : lines.map((line) => `${line}\n`).join(''));
  return status;
}
