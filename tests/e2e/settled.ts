import type { Page } from 'playwright-core';

/** What the page functions below use of the browser (the tests' TypeScript has no DOM types). */
interface PageGlobals {
  document: { querySelector(selector: string): unknown };
  requestAnimationFrame(callback: () => void): number;
}

/**
 * The page has drawn what it loaded: no spinner or skeleton left, two frames
 * painted. Used instead of Playwright's 'networkidle', which never comes once
 * the shell long-polls app.events (progress, menu commands) for 25 s at a time.
 * Functions, not strings: a string predicate is eval'd in the page, which the
 * app's Content-Security-Policy (no 'unsafe-eval') refuses.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !(globalThis as unknown as PageGlobals).document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve()));
      }),
  );
}
