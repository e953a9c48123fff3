import { readFileSync } from 'node:fs';
import type { Dialect } from '../db/dialect';
import { ADAPTERS } from '../db/dialects';
import { usageError } from '../core/errors';
import type { Pack, PackOption } from './manifest';

// `--option KEY=VALUE` for a pack: every value checked against its type
// before it goes anywhere near SQL, so no option can carry SQL of its own.

const SHAPES: Record<Exclude<PackOption['type'], 'choice'>, { pattern: RegExp; says: string }> = {
  identifier: { pattern: /^[A-Za-z0-9_]{0,64}$/, says: 'letters, digits and _ (at most 64)' },
  integer: { pattern: /^(\d{1,18})?$/, says: 'digits' },
  boolean: { pattern: /^(yes|no)$/, says: 'yes or no' },
  text: { pattern: /^[\x20-\x7e]{0,200}$/, says: 'printable ASCII (at most 200 characters)' },
  secret: { pattern: /^[\x20-\x7e]{0,200}$/, says: 'printable ASCII (at most 200 characters)' },
};

/** Each option's value, the defaults filled in. */
export function resolveOptions(pack: Pack, given: readonly string[]): Record<string, string> {
  const values = Object.fromEntries(Object.entries(pack.options).map(([name, option]) => [name, option.default]));
  for (const item of given) {
    const equals = item.indexOf('=');
    const name = equals > 0 ? item.slice(0, equals) : '';
    const option = Object.hasOwn(pack.options, name) ? pack.options[name] : undefined;
    if (!option) {
      const known = Object.keys(pack.options).join(', ') || 'none';
      throw usageError(
        `pack ${pack.name} has no option '${equals > 0 ? name : item}' (options: ${known}); write KEY=VALUE`,
      );
    }
    let value = item.slice(equals + 1);
    if (value.startsWith('@')) value = readOptionFile(name, value.slice(1));
    else if (option.type === 'secret') {
      throw usageError(`option ${name} is a secret: give it as ${name}=@FILE, never on the command line`);
    }
    values[name] = checked(name, option, value);
  }
  return values;
}

function readOptionFile(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw usageError(`cannot read the value of option ${name} from ${path} (${code})`);
  }
}

function checked(name: string, option: PackOption, value: string): string {
  if (option.required && value === '') throw usageError(`option ${name} cannot be empty`);
  if (option.type === 'choice') {
    if (option.choices!.includes(value)) return value;
    throw usageError(`option ${name} must be one of ${option.choices!.join(', ')}`);
  }
  const shape = SHAPES[option.type];
  // Never echo a refused secret.
  if (!shape.pattern.test(value)) throw usageError(`option ${name} must be ${shape.says}`);
  return value;
}

/** How an option's value is written into the SQL: text as a complete string literal. */
export function sqlValue(option: PackOption, value: string, dialect: Dialect): string {
  if (option.type !== 'text' && option.type !== 'secret') return value;
  return ADAPTERS[dialect].sql.stringLiteral(value);
}
