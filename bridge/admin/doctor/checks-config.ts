import { closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { DEMO_CLIENT, resolveConfig } from '../../config/config';
import type { Config, Env } from '../../core/contract';
import { BridgeError } from '../../core/errors';
import { redactUrl, type Log } from '../../core/log';
import { createExclusive, privateDir } from '../../core/private-files';
import { ADAPTERS } from '../../db/dialects';
import { finding, type Finding } from './findings';

/** The settings in use, as the report shows them: the URL's password masked. */
export interface ConfigSummary {
  dialect: string;
  url: string;
  schema: string | null;
  demo: boolean;
  configFile: string | null;
  migrationsDir: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  allowWeakHashes: boolean;
  aliasLogin: boolean;
  logFile: string;
}

/** The URL's password, when it has one: in the user info or as a parameter. */
export function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const password = parsed.password ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
    return password || undefined;
  } catch {
    return undefined;
  }
}

export function summarizeConfig(config: Config): ConfigSummary {
  return {
    dialect: config.dialect,
    url: redactUrl(config.url),
    schema: config.schema ?? null,
    demo: config.demo,
    configFile: config.configFile ?? null,
    migrationsDir: config.migrationsDir,
    connectTimeoutMs: config.connectTimeoutMs,
    statementTimeoutMs: config.statementTimeoutMs,
    allowWeakHashes: config.allowWeakHashes,
    aliasLogin: config.aliasLogin,
    logFile: config.logFile,
  };
}

/** The configuration, or the finding that says why there is none. */
export function loadConfig(env: Env): Config | Finding {
  try {
    return resolveConfig({ env });
  } catch (error) {
    if (error instanceof BridgeError && error.code === 'config') return configProblem(error);
    throw error;
  }
}

export function configProblem(error: BridgeError): Finding {
  return finding('config.resolve', 'error', `the configuration cannot be used: ${redactUrl(error.message)}`);
}

export function checkConfig(config: Config, log: Log): Finding[] {
  const findings = [
    config.demo
      ? finding('config.resolve', 'info', `BRIDGE_DB_CLIENT=${DEMO_CLIENT}: the embedded demo ERP answers`)
      : finding(
          'config.resolve',
          'ok',
          `configuration resolved${config.configFile ? ` from ${config.configFile}` : ''}`,
        ),
  ];
  const exposed = exposedConfigFile(config);
  if (exposed) {
    log.warn(exposed);
    findings.push(finding('config.file-mode', 'warning', exposed));
  }
  findings.push(...writableFindings(config), ...encryptionFindings(config));
  return findings;
}

/** Whether this account can create files where the guard and the audit log
 * keep theirs: a state directory PaperCut's account cannot write fails every
 * all-users. Doctor checks for the account it runs as. */
function writableFindings(config: Config): Finding[] {
  const who = `the account running doctor (${userInfo().username}; run it as PaperCut's service account to check that one)`;
  return (
    [
      ['config.state-writable', 'the state directory', config.stateDir],
      ['config.log-writable', "the audit log's folder", dirname(config.logFile)],
    ] as const
  ).map(([check, what, dir]) => {
    const probe = join(dir, `.doctor-${process.pid}.probe`);
    try {
      privateDir(dir);
      closeSync(createExclusive(probe));
      rmSync(probe, { force: true });
      return finding(check, 'ok', `${what} ${dir} is writable by ${who}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return finding(
        check,
        'error',
        `${what} ${dir} is not writable by ${who} (${code}): give that account full control of it`,
      );
    }
  });
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** Passwords and hashes cross the network in the clear to a server elsewhere without TLS. */
function encryptionFindings(config: Config): Finding[] {
  const encryption = ADAPTERS[config.dialect].encryption;
  if (!encryption) return [];
  const url = new URL(config.url);
  if (LOOPBACK.test(url.hostname)) return [finding('config.tls', 'ok', 'the database is on this machine')];
  const { encrypted, setting } = encryption;
  return encrypted(url.searchParams)
    ? [finding('config.tls', 'ok', `the connection to ${url.hostname} is encrypted`)]
    : [
        finding(
          'config.tls',
          'warning',
          `the connection to ${url.hostname} is not encrypted: password hashes and PINs cross the network in the clear; set ${setting} in BRIDGE_DB_URL`,
        ),
      ];
}

/** A config file that everyone may read while it holds the database password.
 * Windows has no such mode bits: its ACLs are not checked. */
function exposedConfigFile(config: Config): string | undefined {
  const file = config.configFile;
  if (!file || process.platform === 'win32') return undefined;
  let mode: number;
  let url: string | undefined;
  try {
    mode = statSync(file).mode;
    url = parseEnv(readFileSync(file, 'utf8')).BRIDGE_DB_URL;
  } catch {
    return undefined;
  }
  if ((mode & 0o004) === 0 || urlPassword(url) === undefined) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `${file} holds the database password and is readable by everyone (mode ${octal}): chmod 600 it, or 640 with the PaperCut service's group`;
}
