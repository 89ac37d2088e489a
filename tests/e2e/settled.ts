import type { Page } from 'playwright-core';

/**
 * The page has drawn what it loaded: no spinner or skeleton left, two frames
 * painted. Used instead of Playwright's 'networkidle', which never comes once
 * the shell long-polls app.events (progress, menu commands) for 25 s at a time.
 * (Strings run in the page: the tests' TypeScript has no DOM types.)
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning, .ant-skeleton-active')");
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))))');
}
