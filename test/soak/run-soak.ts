import { spawn } from 'node:child_process';
import type { SoakResult } from './month-in-the-life';

/**
 * `npm run test:soak -- --seeds 200 [--from 1] [--days 60] [--invariants a,b]`: runs "A month in the life" for
 * each seed, one process per seed (a local cloud is one per process), and prints every failing seed with the
 * command that replays it step by step. Exits 1 when any seed violated an invariant.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const seeds = Number(option('seeds') ?? 10);
const from = Number(option('from') ?? 1);
const days = Number(option('days') ?? 60);
const invariants = option('invariants');

function runSeed(seed: number): Promise<SoakResult | { seed: number; error: string }> {
  const args = ['tsx', 'test/soak/run-seed.ts', '--seed', String(seed), '--days', String(days)];
  if (invariants) args.push('--invariants', invariants);
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('close', () => {
      const last = output.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ seed, error: `no result (output: ${last.slice(0, 200)})` });
      }
    });
  });
}

const failing = new Map<string, number[]>();
let failed = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const result = await runSeed(seed);
  if ('error' in result) {
    failed++;
    console.log(`seed ${seed}: ERROR ${result.error}`);
    continue;
  }
  const summary = `${result.steps} steps, ${result.virtualDays} days, ${(result.wallMs / 1000).toFixed(0)} s`;
  if (result.violations.length === 0) {
    console.log(`seed ${seed}: ok (${summary})`);
    continue;
  }
  failed++;
  console.log(`seed ${seed}: FAILED (${summary})`);
  for (const violation of result.violations) {
    console.log(
      `  ✗ ${violation.invariant} at step ${violation.step} (${violation.operation}): ${violation.detail}`,
    );
    failing.set(violation.invariant, [...(failing.get(violation.invariant) ?? []), seed]);
  }
  console.log(`  replay: npx tsx test/soak/run-seed.ts --seed ${seed} --days ${days} --verbose`);
}
console.log(`\n${seeds - failed}/${seeds} seeds held every invariant.`);
for (const [invariant, list] of failing) console.log(`  ${invariant}: seeds ${list.join(', ')}`);
process.exit(failed === 0 ? 0 : 1);
