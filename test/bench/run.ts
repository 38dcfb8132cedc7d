/**
 * `npm run bench`: speed and cost figures (printed, with ratios against the targets). Tests check behaviour;
 * these numbers are for people. Each benchmark prints its own section; a failing one exits non-zero.
 */
import { benchBundleSizes } from './bundle-sizes';
import { benchNluThroughput } from './nlu-throughput';
import { benchReminderTransitions } from './reminder-transitions';

const benchmarks: Array<[string, () => Promise<void>]> = [
  ['Parser throughput', benchNluThroughput],
  ['Lambda bundle sizes (cold start proxy)', benchBundleSizes],
  ['Reminder loop cost per boleto', benchReminderTransitions],
];

let failed = false;
for (const [title, run] of benchmarks) {
  console.log(`\n== ${title} ==`);
  try {
    await run();
  } catch (error) {
    failed = true;
    console.error(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
