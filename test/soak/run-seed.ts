import { runMonthInTheLife } from './month-in-the-life';

/**
 * One seed in a process of its own (the local cloud is one per process):
 * `npx tsx test/soak/run-seed.ts --seed 7 [--days 60] [--verbose] [--invariants a,b]`.
 * Prints each step with --verbose, and the result as one JSON line last.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const seed = Number(option('seed') ?? 1);
const days = Number(option('days') ?? 60);
const invariants = option('invariants')?.split(',');
const verbose = process.argv.includes('--verbose');
let exitCode = 1;
try {
  const result = await runMonthInTheLife({
    seed,
    days,
    ...(invariants ? { invariants } : {}),
    ...(process.env.IRIS_SOAK_DYNAMODB_ENDPOINT
      ? { dynamoDbEndpoint: process.env.IRIS_SOAK_DYNAMODB_ENDPOINT }
      : {}),
    ...(verbose ? { log: (line: string) => console.error(line) } : {}),
  });
  console.log(JSON.stringify(result));
  exitCode = result.violations.length === 0 ? 0 : 2;
} catch (error) {
  console.log(JSON.stringify({ seed, error: error instanceof Error ? error.stack : String(error) }));
}
process.exit(exitCode);
