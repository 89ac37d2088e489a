import { defineConfig } from 'vitest/config';

// One `npm test` runs everything: unit and integration tests on real SQLite
// files in temp folders, HTTP tests on a real server, and end-to-end tests in
// Debian's headless Chromium. tests/summary-reporter.ts prints "N passed, N failed";
// scripts/test.sh (npm test) runs the typechecker and linter first and prints the
// closing line CI reads, with them counted.
//
// Dates are local calendar days (a quotation's date, a PI's issue day): the tests run in the
// stall's own time zone whatever the machine's, so they never depend on where they run.
process.env.TZ = process.env.TZ_OVERRIDE ?? 'Asia/Shanghai';

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
