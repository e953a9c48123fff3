import { readFileSync, statSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { DEMO_CLIENT, resolveConfig, type Config } from '../../config';
import { BridgeError } from '../../errors';
import { redactUrl, type Log } from '../../log';
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
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config | Finding {
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
  return findings;
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
