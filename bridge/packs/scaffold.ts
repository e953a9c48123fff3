import type { Dialect } from '../db/dialect';
import { readViewStatements } from '../db/view-sql';
import { ADAPTERS } from '../db/dialects';
import { usageError } from '../core/errors';
import type { Pack, Requirements } from './manifest';
import { resolveOptions, sqlValue } from './options';
import { render } from './template';

// The migration `migrate make … --pack NAME` writes: the pack's views with
// the options filled in, one set for each combination of the pack's
// optional parts, and a check that the tables they read are there.

/** What the migration exports, for `doctor`: secrets masked. */
export interface PackStamp {
  name: string;
  version: string;
  dialect: Dialect;
  options: Record<string, string>;
}

export function packMigration(pack: Pack, dialect: Dialect, given: readonly string[]): string {
  const options = resolveOptions(pack, given);
  const sets = renderViewSets(pack, dialect, options);
  const templates = readViewStatements(dialect, pack.dir);
  const features = Object.keys(pack.features).sort();
  // Table and column names may name an option (a prefix, a custom table's column).
  const name = (template: string) =>
    render(template, { values: options, conditions: options }, `pack ${pack.name}, requires`);
  const requirements = (needs: Requirements): Requirements =>
    Object.fromEntries(Object.entries(needs).map(([table, columns]) => [name(table), columns.map(name)]));
  const stamp: PackStamp = {
    name: pack.name,
    version: pack.version,
    dialect,
    options: Object.fromEntries(
      Object.entries(options).map(([name, value]) => [
        name,
        pack.options[name]!.type === 'secret' && value ? '***' : value,
      ]),
    ),
  };
  const featureNeeds = Object.fromEntries(features.map((name) => [name, requirements(pack.features[name]!.requires)]));
  return migrationText(pack, stamp, {
    views: templates.map(({ view }) => view),
    requires: requirements(pack.requires),
    features: featureNeeds,
    sets,
  });
}

/** The pack's views for the dialect with these option values, one set for
 * each combination of the optional parts, keyed by their names joined with '+'. */
export function renderViewSets(
  pack: Pack,
  dialect: Dialect,
  options: Record<string, string>,
): Record<string, string[]> {
  if (!pack.dialects.includes(dialect)) {
    throw usageError(`pack ${pack.name} has no views for ${dialect} (it covers ${pack.dialects.join(', ')})`);
  }
  const values = Object.fromEntries(
    Object.entries(options).map(([name, value]) => [name, sqlValue(pack.options[name]!, value, dialect)]),
  );
  const templates = readViewStatements(dialect, pack.dir);
  const features = Object.keys(pack.features).sort();
  const sets: Record<string, string[]> = {};
  for (const present of subsets(features)) {
    const conditions = { ...options, ...Object.fromEntries(features.map((name) => [name, present.includes(name)])) };
    sets[present.join('+')] = templates.map(({ file, sql }) =>
      render(sql, { values, conditions }, `pack ${pack.name}, ${dialect}/${file}`),
    );
  }
  return sets;
}

/** Every subset of the names, each in the names' order. */
function subsets(names: readonly string[]): string[][] {
  return names.reduce<string[][]>((all, name) => [...all, ...all.map((set) => [...set, name])], [[]]);
}

/** A JavaScript template literal of the SQL, for knex.raw: a ? stays a ?, not a binding. */
const sqlLiteral = (sql: string, dialect: Dialect) => {
  const raw = ADAPTERS[dialect].rawNumbersQuestionMarks ? sql.replace(/\?/g, '\\?') : sql;
  return `\`${raw.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\``;
};
const json = (value: unknown) => JSON.stringify(value, null, 2);

function migrationText(
  pack: Pack,
  stamp: PackStamp,
  parts: {
    views: string[];
    requires: Requirements;
    features: Record<string, Requirements>;
    sets: Record<string, string[]>;
  },
): string {
  const optionLines = Object.entries(pack.options).map(
    ([name, option]) => `//   ${name} = ${stamp.options[name] || '(empty)'}: ${option.description}`,
  );
  const featureLines = Object.entries(pack.features).map(([name, feature]) => `//   ${name}: ${feature.description}`);
  const sets = Object.entries(parts.sets)
    .map(
      ([key, statements]) =>
        `  ${JSON.stringify(key)}: [\n${statements.map((sql) => `    ${sqlLiteral(sql, stamp.dialect)},`).join('\n')}\n  ],`,
    )
    .join('\n');
  return `// The four views PaperCut reads, from papercut-bridge's pack "${pack.name}" ${pack.version}
// for ${pack.system} (${pack.covers}), on ${stamp.dialect}. This file is yours to edit;
// see packs/${pack.name}/README.md for what each view reads and why. Then run
//   papercut-bridge migrate latest
//
// Options (papercut-bridge migrate make NAME --pack ${pack.name} --option KEY=VALUE):
${optionLines.length ? optionLines.join('\n') : '//   (none)'}
// Optional parts, looked for when the migration runs (the views differ with them):
${featureLines.length ? featureLines.join('\n') : '//   (none)'}
${ADAPTERS[stamp.dialect].rawNumbersQuestionMarks ? '// knex.raw() reads a lone ? as a binding: a literal one is written \\\\? below.\n' : ''}
exports.pack = ${json(stamp)};

const COVERS = ${JSON.stringify(pack.covers)};

/** Tables and the columns the views read; a database without them is not a covered version. */
const REQUIRES = ${json(parts.requires)};

/** Optional parts: each is present when all its tables and columns are. */
const FEATURES = ${json(parts.features)};

const VIEWS = ${JSON.stringify(parts.views)};

/** The views for each combination of optional parts found, named by them joined with '+'. */
const CREATE_VIEWS = {
${sets}
};

/** What of \`requirements\` the database lacks, as table or table.column. */
async function missingFrom(knex, requirements) {
  const missing = [];
  for (const [table, columns] of Object.entries(requirements)) {
    if (!(await knex.schema.hasTable(table))) {
      missing.push(table);
      continue;
    }
    for (const column of columns) if (!(await knex.schema.hasColumn(table, column))) missing.push(\`\${table}.\${column}\`);
  }
  return missing;
}

exports.up = async function up(knex) {
  // Checked before anything changes: a database of another version keeps what it has.
  const missing = await missingFrom(knex, REQUIRES);
  if (missing.length) {
    throw new Error(
      \`pack ${pack.name} ${pack.version} cannot map this database: it lacks \${missing.join(', ')}; the pack covers \${COVERS}\`,
    );
  }
  const found = [];
  for (const [feature, needs] of Object.entries(FEATURES)) {
    if ((await missingFrom(knex, needs)).length === 0) found.push(feature);
  }
  for (const view of [...VIEWS].reverse()) await knex.schema.dropViewIfExists(view);
  for (const sql of CREATE_VIEWS[found.join('+')]) await knex.raw(sql);
};

exports.down = async function down(knex) {
  for (const view of [...VIEWS].reverse()) await knex.schema.dropViewIfExists(view);
};
`;
}
