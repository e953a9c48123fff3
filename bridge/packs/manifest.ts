import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, type Dialect } from '../db/dialect';
import { usageError } from '../core/errors';
import { paths } from '../core/paths';

// A pack's pack.json (see packs/README.md), read and checked once.

export type OptionType = 'identifier' | 'integer' | 'choice' | 'boolean' | 'text' | 'secret';

export interface PackOption {
  type: OptionType;
  default: string;
  description: string;
  choices?: string[];
  /** An empty value would leave the SQL without a value it needs. */
  required?: boolean;
}

/** Tables (names may hold templates, for a prefix) and the columns each must have. */
export type Requirements = Record<string, string[]>;

export interface Pack {
  name: string;
  system: string;
  version: string;
  covers: string;
  dialects: Dialect[];
  options: Record<string, PackOption>;
  requires: Requirements;
  features: Record<string, { description: string; requires: Requirements }>;
  /** The pack's folder. */
  dir: string;
}

const TYPES: readonly OptionType[] = ['identifier', 'integer', 'choice', 'boolean', 'text', 'secret'];
/** Enough for a site with every optional part; each feature doubles the views a migration holds. */
const MAX_FEATURES = 3;
const NAME = /^[a-z][a-z0-9_]*$/;

/** Every pack shipped, by name. */
export function listPacks(packsDir = paths.packsDir): Pack[] {
  return packNames(packsDir).map((name) => loadPack(name, packsDir));
}

function packNames(packsDir: string): string[] {
  if (!existsSync(packsDir)) return [];
  return readdirSync(packsDir)
    .filter((name) => existsSync(join(packsDir, name, 'pack.json')))
    .sort();
}

export function loadPack(name: string, packsDir = paths.packsDir): Pack {
  const dir = join(packsDir, name);
  if (!NAME.test(name) || !existsSync(join(dir, 'pack.json'))) {
    throw usageError(`there is no pack '${name}' (packs: ${packNames(packsDir).join(', ') || 'none'})`);
  }
  const raw = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Partial<Omit<Pack, 'name' | 'dir'>>;
  const pack = { options: {}, requires: {}, features: {}, ...raw, name, dir } as Pack;
  checkPack(pack);
  return pack;
}

/** A broken pack.json is the pack author's mistake: said plainly, before any DBA file is written. */
function checkPack(pack: Pack): void {
  const wrong = (why: string) => new Error(`pack ${pack.name}: ${why}`);
  for (const field of ['system', 'version', 'covers'] as const) {
    if (typeof pack[field] !== 'string' || !pack[field]) throw wrong(`"${field}" must be a non-empty string`);
  }
  if (!Array.isArray(pack.dialects) || !pack.dialects.every((d) => DIALECTS.includes(d))) {
    throw wrong(`"dialects" must list some of ${DIALECTS.join(', ')}`);
  }
  for (const [name, option] of Object.entries(pack.options)) {
    if (!NAME.test(name) || !TYPES.includes(option.type) || typeof option.default !== 'string') {
      throw wrong(`option "${name}" needs a lower-case name, a type (${TYPES.join(', ')}) and a default string`);
    }
    if (option.required && !option.default) throw wrong(`option "${name}" is required, so it needs a default`);
    if (option.type === 'choice' && !option.choices?.includes(option.default)) {
      throw wrong(`option "${name}" must list its choices, the default among them`);
    }
  }
  const features = Object.keys(pack.features);
  if (features.length > MAX_FEATURES) throw wrong(`at most ${MAX_FEATURES} features`);
  for (const name of features) {
    if (!NAME.test(name) || name in pack.options) throw wrong(`feature "${name}" needs a name no option has`);
  }
}
