import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: a page's first state fetch in the browser tests can take
    // longer when the machine is busy. A poll that is satisfied returns at once, so only failures wait longer.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    reporters: ['default'],
  },
});
