import { defineConfig } from 'vitest/config';

const apiOn = (database: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `api-${database}`,
    include: ['test/api/**/*.test.ts'],
    env: { LEAD_TEST_DB: database },
    globalSetup: ['test/support/global-setup.ts'],
  },
});

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.test-output/results.json' }]]
      : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      apiOn('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [apiOn('postgres')] : []),
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          // Real processes, each opening PGlite (seconds): generous bounds, one file at a time.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
