import { defineConfig } from 'vitest/config';

/**
 * `npm run scale`: runs that take minutes (10,000 open boletos), kept out of `npm test`. Same DynamoDB Local
 * global setup as the suite.
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.scale.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
