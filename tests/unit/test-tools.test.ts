import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, missingToolsLine } from '../helpers/tools';

describe('the programs the end-to-end and PDF tests need, on any developer machine', () => {
  it('finds an installed Chrome or Edge on Windows and macOS, and Debian Chromium on Linux', () => {
    const win = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' };
    expect(chromiumCandidates(win, 'win32')).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(chromiumCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates({}, 'linux')[0]).toBe('/usr/bin/chromium');
    expect(findChromium({}, (f) => f === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({ STALLKEEPER_CHROMIUM: '/opt/chrome/chrome' }, (f) => f === '/opt/chrome/chrome')).toBe('/opt/chrome/chrome');
    expect(findChromium({ STALLKEEPER_CHROMIUM: '/nowhere/chrome' }, () => false)).toBeNull();
    expect(findChromium({}, () => false)).toBeNull();
  });

  it('says in one line what to install when something is missing, and nothing otherwise', () => {
    expect(missingToolsLine('/usr/bin/chromium', true)).toBe('');
    const line = missingToolsLine(null, false, {});
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^npm test: no Chrome, Edge or Chromium found, .*install Google Chrome, or set STALLKEEPER_CHROMIUM.*; pdftotext not found, .*install poppler/);
  });
});
