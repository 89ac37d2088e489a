import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProduct } from '../../db/products';
import { refreshSearchIndex } from '../../main/products/searchIndex';
import { appPath } from '../../main/paths/appRoot';
import { syntheticProduct } from '../../scripts/bench/catalog';
import { themeCssFromStyles } from '../../renderer/src/firstView/themeCss';
import { injectedThemeStyles } from '../../scripts/firstViewTheme';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';

// The app's own modules (start.tsx's chunk: React, antd and the shell), held back to see the first view alone.
const APP_CHUNK = /\/assets\/start-[^/]*\.js$/;

describe('the products page first view (renderer/src/firstView)', () => {
  let server: TestServer;
  let chromium: Chromium;

  beforeAll(async () => {
    server = await startTestServer();
    const now = new Date().toISOString();
    server.core.db.transaction(() => {
      for (let i = 1; i <= 30; i += 1) insertProduct(server.core.db, syntheticProduct(i), now);
      refreshSearchIndex(server.core);
    }).immediate();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  it('draws the first rows from the database before the app has loaded, and keeps a typed search and a clicked row', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(APP_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.openUrl}#/products`);
    const view = page.getByTestId('first-view');
    await view.waitFor();
    // Real rows, with the database's data, while React and antd are still held back.
    expect(await page.getByTestId('products-page').count()).toBe(0);
    const first = view.getByTestId('product-row-000001');
    await expect.poll(() => first.textContent()).toContain('不锈钢玩具车 11号');
    expect(await view.locator('[data-testid^="product-row-"]').count()).toBeGreaterThan(5);
    expect(await view.textContent()).toContain('共 30 个产品');
    // The owner (this PC, no PIN yet) gets the Import button, as on the page.
    expect(await view.locator('button', { hasText: '导入' }).count()).toBe(1);

    // Typed before the page is there: lands in the page's search box.
    await page.keyboard.type('000002');
    expect(await view.locator('input.ant-input').inputValue()).toBe('000002');
    release();
    await page.getByTestId('products-page').waitFor();
    await view.waitFor({ state: 'detached' });
    expect(await page.getByTestId('product-search').inputValue()).toBe('000002');
    await page.getByTestId('product-row-000002').waitFor();
    await expect.poll(() => page.locator('[data-testid^="product-row-"]').count()).toBe(1);
    await context.close();

    // A row clicked on the first view opens once the page is there.
    const second = await newShopPage(chromium.browser, { language: 'en' });
    let releaseAgain: () => void = () => undefined;
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    await second.page.route(APP_CHUNK, async (route) => {
      await heldAgain;
      await route.continue();
    });
    await second.page.goto(`${server.openUrl}#/products`);
    await second.page.getByTestId('first-view').getByTestId('product-row-000003').click();
    releaseAgain();
    await second.page.getByTestId('product-form').waitFor();
    expect(await second.page.getByTestId('field-itemNo').inputValue()).toBe('000003');
    await second.context.close();
  });

  it('gives way to the interactive page, which then works as always', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByTestId('products-page').waitFor();
    await page.getByTestId('first-view').waitFor({ state: 'detached' });
    await page.getByTestId('product-search').fill('000004');
    await page.getByTestId('product-row-000004').waitFor();
    await page.getByRole('menuitem').first().click();
    await page.getByTestId('products-page').waitFor({ state: 'detached' });
    await context.close();
  });

  it('is not drawn on a phone, nor on other pages', async () => {
    for (const [route, width] of [['/products', 390], ['/quotes', 1366]] as const) {
      const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
      await page.setViewportSize({ width, height: 844 });
      await page.route(APP_CHUNK, (r) => r.abort());
      await page.goto(`${server.openUrl}#${route}`);
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('first-view').count()).toBe(0);
      await context.close();
    }
  });

  it("has antd's current theme variables (theme.css is up to date: npx tsx scripts/firstViewTheme.ts)", async () => {
    const css = themeCssFromStyles(await injectedThemeStyles(server.openUrl));
    expect(css).toBe(fs.readFileSync(appPath('renderer', 'src', 'firstView', 'theme.css'), 'utf8'));
  });
});
