import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's installed packages, where the closure is read at synth time. */
const PROJECT_NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/**
 * npm packages that read their own files at run time (tesseract.js starts a worker thread from its
 * `worker-script/node/index.js` and loads its WASM core from `tesseract.js-core`): esbuild cannot inline
 * them, so the function ships them as they are installed, beside `index.mjs`, with every package they need.
 * Copied from the project's `node_modules` (the versions `package-lock.json` installed; nothing is downloaded
 * at synth time, unlike CDK's `nodeModules`, which runs `npm ci` in the asset).
 */
export interface PackagesWithFiles {
  /** Package names, e.g. `tesseract.js`; their dependencies are added. */
  readonly packages: readonly string[];
  /** Paths under `node_modules/` (shell globs) the function never loads, left out of the asset. */
  readonly unusedFiles?: readonly string[];
}

const PACKAGE_NAME = /^(@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*$/;
const UNUSED_FILE = /^(@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*\/[A-Za-z0-9._*/-]+$/;

/** The packages and, transitively, their `dependencies`, each resolved at `<nodeModules>/<name>` (hoisted). */
export function packageClosure(packages: readonly string[], nodeModules: string): string[] {
  const found = new Set<string>();
  const pending = [...packages];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (found.has(name)) continue;
    if (!PACKAGE_NAME.test(name)) throw new Error(`not an npm package name: ${name}`);
    const manifest = join(nodeModules, name, 'package.json');
    if (!existsSync(manifest)) throw new Error(`${name} is not installed at ${join(nodeModules, name)}`);
    found.add(name);
    const { dependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    pending.push(...Object.keys(dependencies ?? {}));
  }
  return [...found].sort();
}

/**
 * Shell commands (run after esbuild) that copy the packages from `<inputDir>/node_modules` (the project, as the
 * bundler sees it) into `<outputDir>/node_modules` and prune them.
 */
export function packagesWithFilesCommands(
  spec: PackagesWithFiles,
  inputDir: string,
  outputDir: string,
): string[] {
  const source = `${inputDir}/node_modules`;
  const target = `${outputDir}/node_modules`;
  for (const path of spec.unusedFiles ?? []) {
    if (!UNUSED_FILE.test(path) || path.includes('..')) throw new Error(`not a package file path: ${path}`);
  }
  return [
    ...packageClosure(spec.packages, PROJECT_NODE_MODULES).map(
      (name) => `mkdir -p "${target}/${name}" && cp -R "${source}/${name}/." "${target}/${name}/"`,
    ),
    ...(spec.unusedFiles ?? []).map((path) => `rm -rf "${target}/"${path}`),
  ];
}
