import { defineConfig } from 'vitest/config';

// One `npm test` runs everything: unit and integration tests on real SQLite
// files in temp folders, HTTP tests on a real server, and end-to-end tests in
// Debian's headless Chromium. tests/summary-reporter.ts prints the closing
// "N passed, N failed" line that CI reads.
export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
