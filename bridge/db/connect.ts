import type { Knex } from 'knex';
import { type Config, VIEW_COLUMNS, VIEWS } from '../core/contract';
import { BridgeError, configError } from '../core/errors';
import type { Log } from '../core/log';
import { ADAPTERS } from './dialects';
import type { ConnectOptions } from './dialects/adapter';
import { RELEASE_LACKS } from '../core/release-modules';

export function knexConfig(config: Config, log: Log, options: ConnectOptions): Knex.Config {
  const base = ADAPTERS[config.dialect].knexConfig(config, options);
  return {
    ...base,
    // One connection is all a call needs; a dead database fails within the
    // connect timeout instead of Knex's default 60 s wait for the pool.
    pool: { min: 0, max: 1, ...base.pool },
    acquireConnectionTimeout: config.connectTimeoutMs + 1_000,
    log: log.knexLogger(),
  };
}

/** Opens a pool of one connection, runs `work`, and always closes the pool. */
export async function withDb<T>(
  config: Config,
  log: Log,
  options: ConnectOptions,
  work: (db: Knex) => Promise<T>,
): Promise<T> {
  let db: Knex;
  const settings = knexConfig(config, log, options);
  try {
    // Loaded here so that calls which never touch a database do not pay for Knex.
    const { knex } = require('knex') as typeof import('knex');
    db = knex(settings);
  } catch (error) {
    // Knex keeps only the message of the driver's loading error.
    const message = String(error);
    const detail = message.includes(RELEASE_LACKS)
      ? `${RELEASE_LACKS} (README: SQLite on Windows)`
      : /Cannot find module/.test(message)
        ? 'it is not installed'
        : (error as Error).message;
    throw configError(
      `cannot load the ${config.dialect} driver (npm package ${ADAPTERS[config.dialect].driverPackage}): ${detail}`,
    );
  }
  try {
    return await work(db);
  } catch (error) {
    throw error instanceof BridgeError ? error : classifyDbError(config, error);
  } finally {
    await db.destroy().catch(() => {});
  }
}

/** Error codes that mean the database could not be reached or let us in,
 * or dropped us: the network's, SQLite's, tedious's, MySQL's and PostgreSQL's
 * (SQLSTATE class 08 and 57P, logins and unknown databases). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_NOTADB',
  'ESOCKET',
  'ETIMEOUT',
  'ELOGIN',
  'PROTOCOL_CONNECTION_LOST',
  'ER_ACCESS_DENIED_ERROR',
  // MariaDB's answer to a login it does not know, or without a password.
  'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_STATEMENT_TIMEOUT',
  '28000',
  '28P01',
  '3D000',
  '53300',
]);

const isUnavailableCode = (code: string) => UNAVAILABLE_CODES.has(code) || /^(08|57P)/.test(code);

/** Names a server's message may quote and stderr may show: the views, their
 * columns, the aliases the bridge's queries give them, the schema and the
 * database. Anything else quoted may be a row's value. */
function quotableNames(config: Config): Set<string> {
  const names = [...Object.values(VIEWS), ...Object.values(VIEW_COLUMNS).flat(), 'u', 'm', 'c', 'field list'];
  if (config.schema) names.push(config.schema);
  if (!ADAPTERS[config.dialect].isFile) names.push(decodeURIComponent(new URL(config.url).pathname.slice(1)));
  return new Set(names.map((name) => name.toLowerCase()));
}

/** A server's message with every quoted part that is not a known name
 * replaced by …: conversion errors, XPATH errors and duplicate keys quote
 * the value they met, which may be a hash or a PIN. */
export function withoutQuotedValues(message: string, config: Config): string {
  const known = quotableNames(config);
  return message.replace(/(['"`])((?:(?!\1)[^\n])*)\1/g, (quoted, quote: string, inside: string) =>
    inside.split('.').every((part) => known.has(part.toLowerCase())) ? quoted : `${quote}…${quote}`,
  );
}

/** Tells "the database is not there" from "the database answered wrongly". */
export function classifyDbError(config: Config, error: unknown): BridgeError {
  const err = error as { code?: unknown; name?: unknown; message?: unknown };
  const message = withoutQuotedValues(typeof err.message === 'string' ? err.message : String(error), config);
  const where = ADAPTERS[config.dialect].isFile
    ? `the ${ADAPTERS[config.dialect].product} database ${config.url}`
    : `the ${config.dialect} database`;
  if (
    (typeof err.code === 'string' && isUnavailableCode(err.code)) ||
    err.name === 'KnexTimeoutError' ||
    /timeout|timed out|max_statement_time|max_execution_time|cannot open database|unable to open database|failed to connect|connection terminated|connection lost|not queryable/i.test(
      message,
    )
  ) {
    return new BridgeError('unavailable', `cannot reach ${where}: ${message}`, { cause: error });
  }
  return new BridgeError('software', `query failed on ${where}: ${message}`, { cause: error });
}
