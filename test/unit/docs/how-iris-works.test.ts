import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/how-iris-works.md names the files each flow passes through. Every backticked path in it must exist, so the
 * page cannot rot: a path with a folder (`shared/application/…`) is read from the repository root; a bare file
 * name (`ask-owner.ts`, shorthand for one in a folder just named) must exist somewhere in the production tree.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PRODUCTION_FOLDERS = ['functions', 'shared', 'workflows', 'infra'];
const TOP_FOLDERS = [...PRODUCTION_FOLDERS, 'test', 'docs', 'events', 'config'];

function backticked(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] ?? '');
}

/** Repository paths and file names, leaving out globs (`functions/*`), placeholders (`<name>`) and code. */
function namedPaths(tokens: string[]): { paths: string[]; fileNames: string[] } {
  const candidates = tokens.filter((token) => !/[*<>…()={}]/.test(token));
  return {
    paths: candidates.filter((token) => TOP_FOLDERS.some((folder) => token.startsWith(`${folder}/`))),
    fileNames: candidates.filter((token) => !token.includes('/') && /\.(ts|md|json)$/.test(token)),
  };
}

function productionFileNames(): Set<string> {
  const names = new Set<string>();
  for (const folder of PRODUCTION_FOLDERS) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) names.add(entry.name);
    }
  }
  for (const doc of readdirSync(join(ROOT, 'docs'))) names.add(doc);
  return names;
}

describe('docs/how-iris-works.md', () => {
  const page = readFileSync(join(ROOT, 'docs/how-iris-works.md'), 'utf8');
  const { paths, fileNames } = namedPaths(backticked(page));

  it('names the files of every flow, including statement, receipt photo and aging import', () => {
    expect(paths.length).toBeGreaterThan(60);
    for (const heading of [
      'Owner message → boleto',
      'Payment',
      'Reminder',
      'Delivery',
      'Statement',
      'Receipt photo',
      'Aging import',
    ]) {
      expect(page).toContain(heading);
    }
  });

  it('names only repository paths that exist', () => {
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('names only file names that exist in the production tree', () => {
    const existing = productionFileNames();
    expect(fileNames.filter((name) => !existing.has(name))).toEqual([]);
  });

  it('would catch a path that does not exist', () => {
    const { paths: madeUp } = namedPaths(backticked('see `shared/application/no-such-use-case.ts`'));
    expect(madeUp.filter((path) => !existsSync(join(ROOT, path)))).toEqual([
      'shared/application/no-such-use-case.ts',
    ]);
  });
});
