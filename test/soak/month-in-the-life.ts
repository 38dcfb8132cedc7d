import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { INVARIANTS, type Invariant, Snapshotter } from './invariants';
import { OPERATION_WEIGHTS, runOperation } from './operations';
import { SeededRandom } from './random';
import { SoakWorld } from './soak-world';

/**
 * The driver of "A month in the life": one seeded run of a small business over `days` virtual days on a local
 * cloud of its own, checking the invariants after every step. The same seed replays the same operations (the
 * local cloud's own timing aside); the first violation of each invariant is kept with its step.
 */

export interface SoakOptions {
  seed: number;
  days: number;
  /** Ids of the invariants to check (default: all). */
  invariants?: readonly string[];
  /** Reuse a running DynamoDB Local (the test suite's). */
  dynamoDbEndpoint?: string;
  /** Stop at the first violation (default: go on and collect the first of each invariant). */
  stopOnFirstViolation?: boolean;
  /** Wall-clock budget; the run ends early (and says so) past it. */
  maxWallMs?: number;
  log?: (line: string) => void;
}

export interface Violation {
  invariant: string;
  step: number;
  operation: string;
  detail: string;
}

export interface SoakResult {
  seed: number;
  days: number;
  steps: number;
  virtualDays: number;
  wallMs: number;
  violations: Violation[];
  /** The last steps before the first violation (or the end), for replaying by hand. */
  trail: string[];
  endedEarly: boolean;
}

export async function runMonthInTheLife(options: SoakOptions): Promise<SoakResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const cloud: LocalCloud = await startLocalCloud({
    port: 0,
    ...(options.dynamoDbEndpoint ? { dynamoDbEndpoint: options.dynamoDbEndpoint } : {}),
    functionLogLevel: 'CRITICAL',
  });
  const invariants: Invariant[] = options.invariants
    ? INVARIANTS.filter((invariant) => options.invariants?.includes(invariant.id))
    : INVARIANTS;
  const world = new SoakWorld(cloud, new SeededRandom(options.seed));
  const snapshots = new Snapshotter(world);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const begin = cloud.clock.now().getTime();
  const end = begin + options.days * 86_400_000;
  let endedEarly = false;
  try {
    while (cloud.clock.now().getTime() < end) {
      if (options.maxWallMs && Date.now() - started > options.maxWallMs) {
        endedEarly = true;
        break;
      }
      const operation = world.random.weighted(OPERATION_WEIGHTS);
      let detail: string;
      try {
        detail = await runOperation(world, operation);
      } catch (error) {
        detail = `operation failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      world.record(operation, detail);
      log(`#${world.steps.length} ${world.now().toISOString()} ${operation}: ${detail}`);
      const snapshot = await snapshots.take();
      for (const invariant of invariants) {
        if (seen.has(invariant.id)) continue;
        const found = await invariant.check(world, snapshot);
        if (found.length === 0) continue;
        seen.add(invariant.id);
        violations.push({
          invariant: invariant.id,
          step: world.steps.length,
          operation,
          detail: found[0] ?? '',
        });
        log(`  ✗ ${invariant.id}: ${found[0]}`);
      }
      if (options.stopOnFirstViolation && violations.length > 0) break;
      if (seen.size === invariants.length) break;
    }
  } finally {
    await cloud.stop();
  }
  return {
    seed: options.seed,
    days: options.days,
    steps: world.steps.length,
    virtualDays: Math.round(((world.now().getTime() - begin) / 86_400_000) * 10) / 10,
    wallMs: Date.now() - started,
    violations,
    trail: world.steps.slice(-12).map((step) => `#${step.step} ${step.at} ${step.operation}: ${step.detail}`),
    endedEarly,
  };
}
