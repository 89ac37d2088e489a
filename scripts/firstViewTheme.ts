/**
 * npx tsx scripts/firstViewTheme.ts: writes renderer/src/firstView/theme.css, the CSS variables antd
 * computes at run time from the app's theme (App.tsx's ConfigProvider), as the products page has them,
 * so that the first view (renderer/src/firstView/) is drawn in the same colours and sizes before antd
 * has loaded. Run it after changing the theme or upgrading antd; tests/e2e/first-view.test.ts fails
 * while the file is out of date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../main/core';
import { startServer } from '../main/server/server';
import { ensureRendererBuilt } from '../main/server/renderer';
import { appPath } from '../main/paths/appRoot';
import { buildCatalog } from './bench/catalog';
import { launchChromium, newShopPage } from '../tests/e2e/browser';
import { FIRST_VIEW_THEME_CLASS, themeCssFromStyles, type InjectedStyle } from '../renderer/src/firstView/themeCss';

/** The variables antd has injected into a page showing the products list (its <style data-token-hash>). */
export async function injectedThemeStyles(url: string): Promise<InjectedStyle[]> {
  const chromium = await launchChromium();
  try {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${url}#/products`);
    await page.getByTestId('products-page').waitFor();
    await page.locator('[data-testid^="product-row-"]').first().waitFor();
    const styles = (await page.evaluate(`[...document.querySelectorAll('style[data-token-hash]')].map((s) => ({ tokenHash: s.getAttribute('data-token-hash'), css: s.textContent }))`)) as InjectedStyle[];
    await context.close();
    return styles;
  } finally {
    await chromium.close();
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-theme-'));
  const core = openCore(dataDir);
  // A few products, so that the rows' components (checkbox, tag) have put their variables in too.
  buildCatalog(core, 3);
  const server = await startServer({ core, rendererDir: await ensureRendererBuilt() });
  try {
    const css = themeCssFromStyles(await injectedThemeStyles(server.openUrl));
    const file = appPath('renderer', 'src', 'firstView', 'theme.css');
    fs.writeFileSync(file, css);
    process.stdout.write(`${file}: ${css.length} characters, scoped to .${FIRST_VIEW_THEME_CLASS}\n`);
  } finally {
    await server.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(appPath('scripts', 'firstViewTheme.ts'))) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
