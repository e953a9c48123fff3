import type { Dialect } from '../../core/contract';
import type { DialectAdapter } from './adapter';
import { mssql } from './mssql';
import { mysql } from './mysql';
import { pg } from './pg';
import { sqlite } from './sqlite';

/** Every dialect's adapter: a new dialect fails to compile until it has one. */
export const ADAPTERS: Readonly<Record<Dialect, DialectAdapter>> = Object.freeze({ sqlite, pg, mysql, mssql });
