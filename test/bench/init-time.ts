import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { BuiltFunction } from './cdk-assets';

export interface InitSample {
  /** Wall time of the import. */
  wallMs: number;
  /** CPU time (user + system, every thread of the process) spent by the import. */
  cpuMs: number;
  /** Resident memory of the process once the import is done: the function's floor before any work. */
  rssMb: number;
}

/**
 * A cold start's init, as far as one machine can show it: a fresh `node` process imports the bundle CDK built
 * (with the function's own environment from the template, NODE_OPTIONS included) and reports how long the
 * import took, module-scope composition included: wall time, and the CPU time it used. On an idle core the two
 * are nearly equal (init is parsing and evaluating JavaScript from the page cache); on a machine shared with
 * other work the wall time mostly measures the wait for a core, so the ratios are judged on CPU time and the
 * wall time is printed beside them. Lambda's arm64 absolutes differ; ratios against the floor bundle measured
 * in the same run are what the bench compares.
 */
export function measureInitMs(fn: BuiltFunction): InitSample {
  const script = `const t=performance.now();const c=process.cpuUsage();await import(${JSON.stringify(pathToFileURL(fn.bundle).href)});const d=process.cpuUsage(c);process.stdout.write(JSON.stringify({wallMs:performance.now()-t,cpuMs:(d.user+d.system)/1000,rssMb:process.memoryUsage().rss/1048576}));process.exit(0);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...benchEnvironment(fn.environment) },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const sample = result.status === 0 ? (JSON.parse(result.stdout) as InitSample) : undefined;
  if (!sample || !Number.isFinite(sample.wallMs) || !Number.isFinite(sample.cpuMs)) {
    throw new Error(`init of ${fn.name} failed (${result.status}): ${lastLines(result.stderr, 800)}`);
  }
  return sample;
}

/** The end of a failed import's stderr: the error and its message (the start is minified source). */
function lastLines(text: string, chars: number): string {
  const lines = text
    .trimEnd()
    .split('\n')
    .filter((line) => line.length < 400);
  return lines.join('\n').slice(-chars);
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
    } else if (value.startsWith('bench-placeholder-') && name.endsWith('_ARN')) {
      out[name] = placeholderArn(name);
    } else if (value.startsWith('bench-placeholder-')) {
      out[name] = value.replaceAll('_', '-'); // a name (bucket, schedule group): lowercase and dashes
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** An ARN of the kind the variable names (configs check the shape: a role, a queue, a state machine). */
function placeholderArn(name: string): string {
  if (name.includes('ROLE')) return 'arn:aws:iam::123456789012:role/bench';
  if (name.includes('QUEUE')) return 'arn:aws:sqs:us-east-1:123456789012:bench';
  if (name.includes('STATE_MACHINE')) return 'arn:aws:states:us-east-1:123456789012:stateMachine:bench';
  return `arn:aws:lambda:us-east-1:123456789012:function:bench-${name.toLowerCase()}`;
}

export interface InitFigure {
  name: string;
  /** Median CPU time of the import. */
  medianMs: number;
  /** Median wall time of the import. */
  medianWallMs: number;
  /** CPU time against the floor's. */
  ratio: number;
  /** Wall time against the floor's. */
  wallRatio: number;
  /** Median resident memory after init. */
  rssMb: number;
}

/** Median init of every function and of the floor, interleaved round by round so drift hits all alike. */
export function measureInitRatios(
  functions: BuiltFunction[],
  baseline: BuiltFunction,
  rounds = 9,
): { floorMs: number; floorWallMs: number; figures: InitFigure[] } {
  const samples = new Map<string, InitSample[]>();
  const all = [baseline, ...functions];
  for (const fn of all) measureInitMs(fn); // warm the file cache
  for (let round = 0; round < rounds; round += 1) {
    for (const fn of all) samples.set(fn.name, [...(samples.get(fn.name) ?? []), measureInitMs(fn)]);
  }
  const median = (name: string, pick: (sample: InitSample) => number) => {
    const sorted = (samples.get(name) ?? []).map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const floorMs = median(baseline.name, (sample) => sample.cpuMs);
  const floorWallMs = median(baseline.name, (sample) => sample.wallMs);
  return {
    floorMs,
    floorWallMs,
    figures: functions.map((fn) => {
      const medianMs = median(fn.name, (sample) => sample.cpuMs);
      const medianWallMs = median(fn.name, (sample) => sample.wallMs);
      return {
        name: fn.name,
        medianMs,
        medianWallMs,
        ratio: medianMs / floorMs,
        wallRatio: medianWallMs / floorWallMs,
        rssMb: median(fn.name, (sample) => sample.rssMb),
      };
    }),
  };
}
