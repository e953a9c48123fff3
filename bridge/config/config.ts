import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { DIALECTS, isDialect, type Dialect } from '../db/dialect';
import { ADAPTERS } from '../db/dialects';
import { configError } from '../core/errors';
import { paths } from '../core/paths';
import type { Config, Env } from '../core/contract';

/** Every setting the bridge reads, from the environment or the config file. */
const SETTINGS = [
  'BRIDGE_DB_CLIENT',
  'BRIDGE_DB_URL',
  'BRIDGE_DB_SCHEMA',
  'BRIDGE_MIGRATIONS_DIR',
  'BRIDGE_CONNECT_TIMEOUT',
  'BRIDGE_STATEMENT_TIMEOUT',
  'BRIDGE_AUTH_TIMEOUT',
  'BRIDGE_ALLOW_WEAK_HASHES',
  'BRIDGE_ALIAS_LOGIN',
  'BRIDGE_LOG_FILE',
  'BRIDGE_STATE_DIR',
  'BRIDGE_MAX_USER_DROP_PERCENT',
] as const;
type Setting = (typeof SETTINGS)[number];
/** Names the config file elsewhere; only read from the environment. */
const CONFIG_FILE_SETTING = 'BRIDGE_CONFIG_FILE';

/** Defaults short enough that a dead database never keeps a login waiting. */
const DEFAULT_TIMEOUTS = { connectTimeoutMs: 5_000, statementTimeoutMs: 30_000, authTimeoutMs: 5_000 } as const;

export interface ConfigSources {
  env: Env;
  /** Reads the config file; `undefined` when it does not exist. */
  readFile?: (path: string) => string | undefined;
  root?: string;
  defaultConfigFile?: string;
  demoDatabase?: string;
  /** With nothing configured, take the demo instead of failing (the `demo` command). */
  demoWhenUnset?: boolean;
}

/** The client that chooses the embedded demo ERP. */
export const DEMO_CLIENT = 'demo';

/** Resolves the configuration: environment first, then the config file at the
 * installation root. With nothing configured every call fails: answering
 * from the demo ERP instead would hand PaperCut another user list, so the
 * demo answers only when chosen. Reports every problem at once. */
export function resolveConfig(sources: ConfigSources): Config {
  const root = sources.root ?? paths.root;
  const readFile = sources.readFile ?? readIfExists;
  const named = nonEmpty(sources.env[CONFIG_FILE_SETTING]);
  const configFile = named ? resolve(root, named) : (sources.defaultConfigFile ?? paths.configFile);

  const problems: string[] = [];
  const fileSettings = loadConfigFile(configFile, readFile, Boolean(named), problems);
  const setting = (name: Setting) => nonEmpty(sources.env[name]) ?? nonEmpty(fileSettings?.[name]);

  const client = setting('BRIDGE_DB_CLIENT');
  const url = setting('BRIDGE_DB_URL');
  const schema = setting('BRIDGE_DB_SCHEMA');
  const common = {
    migrationsDir: resolve(root, setting('BRIDGE_MIGRATIONS_DIR') ?? 'mapping'),
    configFile: fileSettings ? configFile : undefined,
    connectTimeoutMs: seconds('BRIDGE_CONNECT_TIMEOUT', setting, DEFAULT_TIMEOUTS.connectTimeoutMs, problems),
    statementTimeoutMs: seconds('BRIDGE_STATEMENT_TIMEOUT', setting, DEFAULT_TIMEOUTS.statementTimeoutMs, problems),
    authTimeoutMs: seconds('BRIDGE_AUTH_TIMEOUT', setting, DEFAULT_TIMEOUTS.authTimeoutMs, problems),
    allowWeakHashes: flag('BRIDGE_ALLOW_WEAK_HASHES', setting, problems),
    aliasLogin: flag('BRIDGE_ALIAS_LOGIN', setting, problems),
    logFile: resolve(root, setting('BRIDGE_LOG_FILE') ?? join('logs', 'papercut-bridge.log')),
    stateDir: resolve(root, setting('BRIDGE_STATE_DIR') ?? 'state'),
    maxUserDropPercent: percent('BRIDGE_MAX_USER_DROP_PERCENT', setting, 10, problems),
  };

  const nothingSet = client === undefined && url === undefined && schema === undefined;
  if (client === DEMO_CLIENT || (nothingSet && sources.demoWhenUnset)) {
    if (url !== undefined || schema !== undefined) {
      problems.push(`BRIDGE_DB_CLIENT=${DEMO_CLIENT} takes no BRIDGE_DB_URL or BRIDGE_DB_SCHEMA`);
    }
    if (problems.length) throw configError(problems.join('; '));
    const demoDatabase = sources.demoDatabase ?? paths.demoDatabase;
    return Object.freeze({ dialect: 'sqlite', url: demoDatabase, schema, demo: true, ...common });
  }
  if (nothingSet) {
    const nothing =
      `nothing is configured: no BRIDGE_DB_CLIENT or BRIDGE_DB_URL in the environment or in ${configFile}` +
      `${fileSettings ? '' : ' (no such file)'}; set them there, or BRIDGE_DB_CLIENT=${DEMO_CLIENT} for the demo ERP`;
    throw configError([nothing, ...problems].join('; '));
  }

  let dialect: Dialect | undefined;
  const clients = [...DIALECTS, DEMO_CLIENT].join(', ');
  if (client === undefined) problems.push(`BRIDGE_DB_CLIENT is not set (one of ${clients})`);
  else if (!isDialect(client)) problems.push(`BRIDGE_DB_CLIENT must be one of ${clients}, not '${client}'`);
  else dialect = client;

  let resolvedUrl: string | undefined;
  if (url === undefined) problems.push('BRIDGE_DB_URL is not set');
  else if (dialect) resolvedUrl = ADAPTERS[dialect].checkUrl(url, root, problems);

  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_$]{0,127}$/.test(schema)) {
    problems.push('BRIDGE_DB_SCHEMA must be a plain identifier (letters, digits, _ and $)');
  } else if (schema !== undefined && dialect && ADAPTERS[dialect].isFile) {
    problems.push(`BRIDGE_DB_SCHEMA does not apply to ${dialect} (one file is one database)`);
  }

  if (problems.length || !dialect || resolvedUrl === undefined) throw configError(problems.join('; '));
  return Object.freeze({ dialect, url: resolvedUrl, schema, demo: false, ...common });
}

/** A yes/no setting: 1, true or yes; 0, false or no; unset is no. */
function flag(name: Setting, setting: (name: Setting) => string | undefined, problems: string[]): boolean {
  const text = setting(name)?.toLowerCase();
  if (text === undefined || ['0', 'false', 'no'].includes(text)) return false;
  if (['1', 'true', 'yes'].includes(text)) return true;
  problems.push(`${name} must be 1 or 0, not '${text}'`);
  return false;
}

/** A whole percentage from 0 to 100. */
function percent(
  name: Setting,
  setting: (name: Setting) => string | undefined,
  fallback: number,
  problems: string[],
): number {
  const text = setting(name);
  if (text === undefined) return fallback;
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
    problems.push(`${name} must be a whole number from 0 to 100, not '${text}'`);
    return fallback;
  }
  return Number(text);
}

/** A timeout given in seconds (decimals allowed), as milliseconds. */
function seconds(
  name: Setting,
  setting: (name: Setting) => string | undefined,
  fallbackMs: number,
  problems: string[],
): number {
  const text = setting(name);
  if (text === undefined) return fallbackMs;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value <= 0 || value > 3600) {
    problems.push(`${name} must be a number of seconds between 0 and 3600, not '${text}'`);
    return fallbackMs;
  }
  return Math.round(value * 1000);
}

function loadConfigFile(
  file: string,
  readFile: (path: string) => string | undefined,
  required: boolean,
  problems: string[],
): Record<string, string | undefined> | undefined {
  let text: string | undefined;
  try {
    text = readFile(file);
  } catch (error) {
    problems.push(`cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    return undefined;
  }
  if (text === undefined) {
    if (required) problems.push(`${CONFIG_FILE_SETTING} names ${file}, which does not exist`);
    return undefined;
  }
  const settings = parseEnv(text);
  for (const key of Object.keys(settings)) {
    if (!(SETTINGS as readonly string[]).includes(key)) {
      problems.push(`unknown setting ${key} in ${file} (known: ${SETTINGS.join(', ')})`);
    }
  }
  return settings;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
