import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { BuiltFunction } from './cdk-assets';

/**
 * A cold start's init, as far as one machine can show it: a fresh `node` process imports the bundle CDK built
 * (with the function's own environment from the template, NODE_OPTIONS included) and reports how long the
 * import took, module-scope composition included. Lambda's arm64 absolutes differ; ratios against the floor
 * bundle measured in the same run are what the bench compares.
 */
export function measureInitMs(fn: BuiltFunction): number {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(fn.bundle).href)});process.stdout.write(String(performance.now()-t));process.exit(0);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...benchEnvironment(fn.environment) },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const ms = Number(result.stdout);
  if (result.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`init of ${fn.name} failed (${result.status}): ${result.stderr.slice(0, 800)}`);
  }
  return ms;
}

/**
 * The template's environment, made runnable offline: a secret's `<NAME>_PARAMETER` becomes the value `<NAME>`
 * (what the local cloud does), URLs that are tokens become loopback URLs, and AWS's region and dummy
 * credentials are set as Lambda sets them. No request leaves the machine at init.
 */
export function benchEnvironment(environment: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
  };
  for (const [name, value] of Object.entries(environment)) {
    if (name.endsWith('_PARAMETER')) {
      const secret = name.slice(0, -'_PARAMETER'.length);
      out[secret] = secret.startsWith('PAYTIME_API_CREDENTIALS')
        ? JSON.stringify({ integrationKey: 'k', authenticationKey: 'a', xToken: 'x' })
        : secret.startsWith('PAYTIME_WEBHOOK_CREDENTIALS')
          ? 'paytime:bench'
          : 'bench-secret';
    } else if (value.startsWith('bench-placeholder-') && /URL|ENDPOINT/.test(name)) {
      out[name] = 'http://127.0.0.1:9/placeholder';
    } else {
      out[name] = value;
    }
  }
  return out;
}

export interface InitFigure {
  name: string;
  medianMs: number;
  ratio: number;
}

/** Median init of every function and of the floor, interleaved round by round so drift hits all alike. */
export function measureInitRatios(
  functions: BuiltFunction[],
  baseline: BuiltFunction,
  rounds = 7,
): { floorMs: number; figures: InitFigure[] } {
  const samples = new Map<string, number[]>();
  const all = [baseline, ...functions];
  for (const fn of all) measureInitMs(fn); // warm the file cache
  for (let round = 0; round < rounds; round += 1) {
    for (const fn of all) samples.set(fn.name, [...(samples.get(fn.name) ?? []), measureInitMs(fn)]);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const floorMs = median(samples.get(baseline.name) ?? []);
  return {
    floorMs,
    figures: functions.map((fn) => {
      const medianMs = median(samples.get(fn.name) ?? []);
      return { name: fn.name, medianMs, ratio: medianMs / floorMs };
    }),
  };
}
