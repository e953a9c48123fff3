import { usageError } from '../core/errors';

// The templates of a pack's view files (see packs/README.md): {{name}} is a
// value; {{#name}}…{{/name}}, {{^name}}…{{/name}} and their name=value forms
// keep or drop the text between them.

/** Innermost first: a section whose text holds no further opening tag. */
const SECTION = /\{\{([#^])([a-z][a-z0-9_]*)(?:=([A-Za-z0-9_+-]+))?\}\}((?:(?!\{\{[#^])[\s\S])*?)\{\{\/\2\}\}/;
const VALUE = /\{\{([a-z][a-z0-9_]*)\}\}/g;

export interface TemplateInput {
  /** Each option's value, as written into SQL. */
  values: Record<string, string>;
  /** Each option's raw value and each feature's presence, for sections. */
  conditions: Record<string, string | boolean>;
}

export function render(template: string, { values, conditions }: TemplateInput, where: string): string {
  let text = template;
  for (let match; (match = SECTION.exec(text));) {
    const [whole, sign, name, expected, body] = match as unknown as [
      string,
      string,
      string,
      string | undefined,
      string,
    ];
    if (!Object.hasOwn(conditions, name)) throw usageError(`${where}: {{${sign}${name}}} names no option or feature`);
    const actual = conditions[name];
    const holds = expected === undefined ? actual !== false && actual !== '' && actual !== 'no' : actual === expected;
    text = text.slice(0, match.index) + ((sign === '#') === holds ? body : '') + text.slice(match.index + whole.length);
  }
  // Checked before the values go in: a text value may hold braces of its own.
  const stray = /\{\{(?![a-z][a-z0-9_]*\}\})[^}]{0,40}/.exec(text);
  if (stray) throw usageError(`${where}: '${stray[0]}' is a section left open or not a template`);
  return text.replace(VALUE, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw usageError(`${where}: {{${name}}} names no option`);
    return values[name]!;
  });
}
