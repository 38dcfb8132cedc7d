import { defineConfig } from 'vitest/config';

/**
 * `npm run scale`: runs that take minutes (10,000 open boletos), kept out of `npm test`. Same DynamoDB Local
 * global setup as the suite. An hour per test: seeding 10,000 boletos through the real path took more than the
 * former 30 minutes on the shared machine (~7,500 seeded when it timed out, load average 25).
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.scale.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
