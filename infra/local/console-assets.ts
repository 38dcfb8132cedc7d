import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The console is static HTML, CSS and JavaScript in `infra/local/console/`, served as is (no build step). */

const CONSOLE_DIRECTORY = fileURLToPath(new URL('./console/', import.meta.url));

const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  '/console': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console/console-members.js': { file: 'console-members.js', type: 'text/javascript; charset=utf-8' },
  '/console/console-collections.js': {
    file: 'console-collections.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/console/console-budgets.js': { file: 'console-budgets.js', type: 'text/javascript; charset=utf-8' },
  '/console/console-format.js': { file: 'console-format.js', type: 'text/javascript; charset=utf-8' },
  '/console/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};

export async function serveConsoleAsset(path: string, response: ServerResponse): Promise<boolean> {
  const asset = ASSETS[path];
  if (!asset) return false;
  const bytes = await readFile(`${CONSOLE_DIRECTORY}${asset.file}`);
  response.writeHead(200, {
    'content-type': asset.type,
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
  });
  response.end(bytes);
  return true;
}
