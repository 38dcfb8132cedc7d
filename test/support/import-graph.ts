import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The production import graph, read from the source with TypeScript's own import scanner (no type-check): one
 * node per `.ts` file under `shared/`, `functions/`, `workflows/` and `infra/`, one edge per `import`/`export …
 * from`/`import()` of another such file, resolved through `package.json` `imports` (`#domain/*`, …) or a
 * relative path. Packages (`zod/mini`, `node:fs`, …) are not nodes.
 */

const ROOTS = ['shared', 'functions', 'workflows', 'infra'];

export interface ImportGraph {
  /** file (repository-relative, `/`-separated) → the files it imports */
  edges: Map<string, string[]>;
}

export function readImportGraph(repositoryRoot: string): ImportGraph {
  const aliases = subpathAliases(repositoryRoot);
  const edges = new Map<string, string[]>();
  for (const file of ROOTS.flatMap((root) => typeScriptFiles(repositoryRoot, root))) {
    const source = readFileSync(join(repositoryRoot, file), 'utf8');
    const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((entry) => entry.fileName);
    const targets = specifiers
      .map((specifier) => resolveSpecifier(repositoryRoot, file, specifier, aliases))
      .filter((target): target is string => target !== undefined);
    edges.set(file, [...new Set(targets)]);
  }
  return { edges };
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.edges.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function typeScriptFiles(repositoryRoot: string, directory: string): string[] {
  const absolute = join(repositoryRoot, directory);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(repositoryRoot, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function subpathAliases(repositoryRoot: string): Array<{ prefix: string; target: string; suffix: string }> {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    imports?: Record<string, string>;
  };
  return Object.entries(manifest.imports ?? {}).map(([pattern, target]) => {
    const [prefix = '', suffix = ''] = target.replace(/^\.\//, '').split('*');
    return { prefix: pattern.replace(/\*$/, ''), target: prefix, suffix };
  });
}

function resolveSpecifier(
  repositoryRoot: string,
  from: string,
  specifier: string,
  aliases: ReturnType<typeof subpathAliases>,
): string | undefined {
  if (specifier.startsWith('#')) {
    const alias = aliases.find((candidate) => specifier.startsWith(candidate.prefix));
    if (!alias) return undefined;
    return existing(repositoryRoot, `${alias.target}${specifier.slice(alias.prefix.length)}${alias.suffix}`);
  }
  if (!specifier.startsWith('.')) return undefined;
  const base = relative(repositoryRoot, resolve(repositoryRoot, dirname(from), specifier))
    .split('\\')
    .join('/');
  return (
    existing(repositoryRoot, base) ??
    existing(repositoryRoot, `${base}.ts`) ??
    existing(repositoryRoot, `${base}/index.ts`)
  );
}

function existing(repositoryRoot: string, file: string): string | undefined {
  return file.endsWith('.ts') && existsSync(join(repositoryRoot, file)) ? file : undefined;
}
