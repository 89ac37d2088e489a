import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The outside programs some tests need, found on any developer's machine: a Chromium-family
 * browser for the end-to-end tests (Debian's chromium, or an installed Chrome, Edge or Chromium on
 * Windows, macOS or Linux; STALLKEEPER_CHROMIUM names one) and poppler's pdftotext for the tests that
 * read PDFs back. vitest.config.ts leaves out the tests whose program is missing and says in one
 * line what to install.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

/** The browser the end-to-end tests drive, or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): string | null {
  const named = env.STALLKEEPER_CHROMIUM;
  if (named) return exists(named) ? named : null;
  return chromiumCandidates(env).find(exists) ?? null;
}

/** Whether poppler's pdftotext runs here. */
export function hasPdftotext(): boolean {
  const run = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' });
  return run.error === undefined;
}

/** One line for a developer whose machine lacks what some tests need (empty when nothing is missing). */
export function missingToolsLine(browser: string | null, poppler: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const missing: string[] = [];
  if (!browser) {
    missing.push(
      env.STALLKEEPER_CHROMIUM
        ? `STALLKEEPER_CHROMIUM=${env.STALLKEEPER_CHROMIUM} does not exist, so the end-to-end tests are left out`
        : 'no Chrome, Edge or Chromium found, so the end-to-end tests are left out (install Google Chrome, or set STALLKEEPER_CHROMIUM to a Chromium-family browser)',
    );
  }
  if (!poppler) missing.push('pdftotext not found, so the tests that read PDFs back are left out (install poppler: apt install poppler-utils, brew install poppler, or poppler for Windows on the PATH)');
  return missing.length ? `npm test: ${missing.join('; ')}.` : '';
}
