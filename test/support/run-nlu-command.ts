import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface NluCommandRun {
  stdout: string;
  stderr: string;
  code: number | null;
  elapsedMs: number;
}

/** Runs `npm run --silent nlu` as a user would, feeding `input` on stdin, with extra environment variables. */
export function runNluCommand(input: string, env: Record<string, string>): Promise<NluCommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'nlu'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code, elapsedMs: performance.now() - started }));
    child.stdin.end(input);
  });
}
