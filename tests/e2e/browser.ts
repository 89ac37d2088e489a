import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../helpers/tools';

/**
 * Debian's Chromium (installed by .ci/run), or an installed Chrome, Edge or Chromium, or the one
 * STALLKEEPER_CHROMIUM names (tests/helpers/tools.ts).
 */
export const CHROMIUM = findChromium() ?? process.env.STALLKEEPER_CHROMIUM ?? '/usr/bin/chromium';

export interface Chromium {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Starts headless Chromium with the flags this offline machine needs (no
 * background networking, no component updates) and a fresh profile folder.
 */
export async function launchChromium(): Promise<Chromium> {
  // Playwright gives every launch a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** A shop-PC-sized page (1366×768) with the UI language preset. */
export async function newShopPage(browser: Browser, options: { language?: 'en' | 'zh-CN' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: options.language === 'zh-CN' ? 'zh-CN' : 'en-US' });
  if (options.language) {
    await context.addInitScript({
      content: `if (!localStorage.getItem('stallkeeper.language')) localStorage.setItem('stallkeeper.language', ${JSON.stringify(options.language)});`,
    });
  }
  const page = await context.newPage();
  return { context, page };
}

/** The phone and tablet sizes the staff view is tested at (issue 18). */
export const TOUCH_SIZES = [
  { name: 'phone-360', width: 360, height: 740 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'tablet-820', width: 820, height: 1180 },
] as const;

/**
 * A phone- or tablet-sized page as a touch device shows it (isMobile: the meta viewport is honoured
 * and the page is laid out at the device width; hasTouch: `pointer: coarse`, taps), UI language preset.
 */
export async function newTouchPage(
  browser: Browser,
  size: { width: number; height: number },
  options: { language?: 'en' | 'zh-CN' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: options.language === 'zh-CN' ? 'zh-CN' : 'en-US',
    acceptDownloads: true,
  });
  if (options.language) {
    await context.addInitScript({
      content: `if (!localStorage.getItem('stallkeeper.language')) localStorage.setItem('stallkeeper.language', ${JSON.stringify(options.language)});`,
    });
  }
  const page = await context.newPage();
  return { context, page };
}

/**
 * Goes to another screen through the app's own routes (a hash change), as a link in the app does:
 * the app is not loaded again.
 */
export async function followRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => void ((globalThis as unknown as { location: { hash: string } }).location.hash = to), hash);
}
