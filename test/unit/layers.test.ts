import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md's table of folders is the rule: each folder of bridge/ may
// import itself and the folders its row names, nothing else.

const ROOT = join(__dirname, '..', '..');
const BRIDGE = join(ROOT, 'bridge');

/** Folder (relative to bridge/, '.' for bridge/ itself) → the folders it may import, or 'any'. */
function allowedImports(): Map<string, Set<string> | 'any'> {
  const table = new Map<string, Set<string> | 'any'>();
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`([^`]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (folder === undefined || cells.length !== 5) continue;
    const allowed = cells[3]!;
    table.set(
      folder,
      allowed === 'any'
        ? 'any'
        : new Set([...allowed.matchAll(/`([^`]+)\/`/g)].map((match) => posix.normalize(match[1]!))),
    );
  }
  return table;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The project files a file imports (type imports too: they tie folders as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => {
    const base = join(dirname(file), specifier);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate));
    if (!found) throw new Error(`${relative(ROOT, file)} imports ${specifier}, which is not there`);
    return found;
  });
}

const folderOf = (file: string) => posix.normalize(relative(BRIDGE, dirname(file)).split('\\').join('/') || '.');
const files = sourceFiles(BRIDGE);
const table = allowedImports();

describe('the folders of bridge/', () => {
  it('are each in ARCHITECTURE.md', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect(folders.filter((folder) => !table.has(folder))).toEqual([]);
    expect([...table.keys()].filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it('import only what ARCHITECTURE.md allows them', () => {
    const breaches: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      const allowed = table.get(from);
      if (allowed === undefined || allowed === 'any') continue;
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to !== from && !allowed.has(to)) breaches.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('have no import cycle between files', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => target.startsWith(BRIDGE))]));
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      const at = path.indexOf(file);
      if (at >= 0) return void cycles.push([...path.slice(at), file].map((f) => relative(BRIDGE, f)).join(' → '));
      if (done.has(file)) return;
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      done.add(file);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('leave what differs between dialects to db/dialects/ (and export/ its table of raw exports)', () => {
    const asks = /(?:===|!==)\s*'(?:sqlite|pg|mysql|mssql)'|case\s+'(?:sqlite|pg|mysql|mssql)'/;
    const askers = files
      .filter((file) => !['db/dialects', 'export'].includes(folderOf(file)) && asks.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(askers).toEqual([]);
  });
});
