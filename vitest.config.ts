import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { findChromium, hasPdftotext, missingToolsLine } from './tests/helpers/tools.ts';

// A developer's Windows or macOS PC may lack Debian's Chromium or poppler: the tests that need the
// missing program are left out, with one line saying what to install, instead of a stack trace each.
const browser = findChromium();
const poppler = hasPdftotext();
const notice = missingToolsLine(browser, poppler);
// Said once: the workers load this file too, with the main process's environment.
if (notice && !process.env.STALLKEEPER_TOOLS_NOTICE) process.stderr.write(`${notice}\n`);
process.env.STALLKEEPER_TOOLS_NOTICE = '1';
/** Test files that read PDFs back with poppler (through tests/helpers/pdfTools.ts or pdftotext itself). */
function readsPdfs(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => /pdfTools|pdftotext|pdftoppm/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    .map((f) => `${dir}/${f}`);
}
const needsPoppler = poppler ? [] : [...readsPdfs('tests/integration'), ...readsPdfs('tests/e2e')];

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
          exclude: needsPoppler,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: browser ? ['tests/e2e/**/*.test.ts'] : [],
          exclude: needsPoppler,
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
