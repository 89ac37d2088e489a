import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { insertProduct } from '../../db/products';
import { refreshSearchIndex } from '../../main/products/searchIndex';
import { syntheticProduct } from '../../scripts/bench/catalog';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { tempDir } from '../helpers/tempCore';

describe('catalog and stock in Chromium', () => {
  let server: TestServer;
  let chromium: Chromium;
  const files = tempDir('sk-e2e-catalog-');

  beforeAll(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
    files.remove();
  });

  it('creates a product with two photos, finds it by a Chinese substring, receives stock and shows the new available', async () => {
    const red = path.join(files.dir, 'red.png');
    const blue = path.join(files.dir, 'blue.jpg');
    fs.writeFileSync(red, await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d33' } }).png().toBuffer());
    fs.writeFileSync(blue, await sharp({ create: { width: 480, height: 640, channels: 3, background: '#36c' } }).jpeg().toBuffer());
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByTestId('products-page').waitFor();

    await page.getByTestId('product-new').click();
    await page.getByTestId('field-itemNo').fill('77001');
    await page.getByTestId('field-name-zh').fill('卡通保温杯 500毫升');
    await page.getByTestId('field-name-en').fill('Cartoon vacuum flask 500 ml');
    await page.getByTestId('field-moq').fill('96');
    await page.getByTestId('tier-price-0').fill('12.50');
    await page.getByTestId('photo-manager').locator('input[type=file]').setInputFiles([red, blue]);
    await expect.poll(() => page.getByTestId('photo-item').count()).toBe(2);
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-title').filter({ hasText: '77001 · 卡通保温杯 500毫升' }).waitFor();
    const created = await invoke(server.core, 'products.get', { itemNo: '77001' });
    expect(created.photos).toHaveLength(2);
    expect(created.priceTiers).toEqual([{ minQty: 1, priceCny: '12.50' }]);
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('product-form').waitFor({ state: 'detached' });

    // Two characters from the middle of the Chinese name.
    await page.getByTestId('product-search').fill('保温');
    const row = page.getByTestId('product-row-77001');
    await row.waitFor();
    await expect.poll(() => page.locator('[data-testid^=product-row-]').count()).toBe(1);
    await expect.poll(() => row.getByTestId('row-available').textContent()).toBe('0');
    expect(await row.locator('img').getAttribute('src')).toBe(created.cover?.thumbUrl);

    await row.click();
    await page.getByTestId('editor-receive').click();
    await page.getByTestId('move-qty').fill('480');
    await page.getByTestId('move-reference').fill('送货单 7731');
    await page.getByTestId('move-save').click();
    await page.getByText('已保存：可用 480 pcs').waitFor();
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => row.getByTestId('row-available').textContent()).toBe('480');
    expect((await invoke(server.core, 'products.get', { itemNo: '77001' })).stock).toEqual({ onHand: 480, reserved: 0, available: 480 });
    await context.close();
  });

  it('adds photos by pasting and by dropping them in the editor, and makes another one the cover', async () => {
    const p = await invoke(server.core, 'products.create', { itemNo: '77002', names: { zh: '亚克力钥匙扣', en: 'Acrylic keychain' } });
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/products?open=${p.id}`);
    await page.getByTestId('photo-manager').waitFor();
    const png = async (color: string) => (await sharp({ create: { width: 120, height: 90, channels: 3, background: color } }).png().toBuffer()).toString('base64');
    // The page's own events (the test's TypeScript has no DOM types, so the script is text).
    const send = async (event: 'paste' | 'drop', name: string, color: string) =>
      page.evaluate(`(() => {
        const bytes = Uint8Array.from(atob(${JSON.stringify(await png(color))}), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], ${JSON.stringify(name)}, { type: 'image/png' }));
        if (${JSON.stringify(event)} === 'paste') {
          document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
        } else {
          const zone = document.querySelector('[data-testid="photo-manager"]');
          zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      })()`);
    // Ctrl+V of an image copied elsewhere (a screenshot, WeChat), then a file dropped from the desktop.
    await send('paste', 'screenshot.png', '#e91e63');
    await expect.poll(() => page.getByTestId('photo-item').count()).toBe(1);
    await send('drop', 'keychain-2.png', '#009688');
    await expect.poll(() => page.getByTestId('photo-item').count()).toBe(2);
    const before = (await invoke(server.core, 'products.get', { id: p.id })).photos.map((ph) => ph.hash);
    expect(before).toHaveLength(2);
    await page.getByTestId('photo-item').nth(1).getByRole('button', { name: 'Make it the cover' }).click();
    await expect.poll(async () => (await invoke(server.core, 'products.get', { id: p.id })).photos.map((ph) => ph.hash)).toEqual([before[1], before[0]]);
    // The editor shows the new order before the next click.
    await page.getByTestId('photo-item').first().locator(`img[src*="${before[1]}"]`).waitFor();
    await page.getByTestId('photo-item').nth(1).getByTestId('photo-remove').click();
    await expect.poll(async () => (await invoke(server.core, 'products.get', { id: p.id })).photos.map((ph) => ph.hash)).toEqual([before[1]]);
    await context.close();
  });

  it('imports a price list through the wizard, with a column mapped by hand', async () => {
    const csv = path.join(files.dir, 'supplier list.csv');
    fs.writeFileSync(csv, '\ufeff货号,品名,Prix,装箱数,库存\r\n88001,发光陀螺,"1.15",480,960\r\n88002,"泡泡枪, 带灯光",9.60,72,144\r\n');
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByTestId('product-import').click();
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(csv);
    await page.getByTestId('import-preview').waitFor();
    await page.getByText('Prix: not a known column; ignored').waitFor();
    // Map "Prix" to the price by hand.
    await page.getByTestId('map-2').first().click();
    await page.keyboard.type('price_cny');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Prix: not a known column').count()).toBe(0);
    await page.getByTestId('import-run').click();
    await page.getByText('2 new, 0 changed').waitFor();
    await page.getByTestId('import-close').click();
    const p = await invoke(server.core, 'products.get', { itemNo: '88002' });
    expect(p).toMatchObject({ names: { zh: '泡泡枪, 带灯光' }, priceTiers: [{ minQty: 1, priceCny: '9.60' }], stock: { onHand: 144 } });
    await page.getByTestId('product-search').fill('陀螺');
    await page.getByTestId('product-row-88001').waitFor();
    await context.close();
  });

  it('scrolls a catalog of thousands of products to its last item, loading pages as they come into view', async () => {
    const now = new Date().toISOString();
    server.core.db.transaction(() => {
      for (let i = 1; i <= 3000; i += 1) insertProduct(server.core.db, { ...syntheticProduct(i), item_no: `S${String(i).padStart(5, '0')}` }, now);
      refreshSearchIndex(server.core);
    })();
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByTestId('product-row-77001').waitFor();
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/^3,0\d\d products$/);
    // Only what is on screen is in the page.
    expect(await page.locator('[data-testid^=product-row-]').count()).toBeLessThan(60);
    const holder = page.getByTestId('product-list-body');
    for (let i = 0; i < 8; i += 1) {
      await holder.hover();
      await page.mouse.wheel(0, 40_000);
      await page.waitForTimeout(150);
    }
    await page.getByTestId('product-row-S03000').waitFor();
    await page.getByTestId('product-view').getByText('Photos').click();
    await page.getByTestId('product-card').first().waitFor();
    expect(await page.getByTestId('product-card').count()).toBeLessThan(80);
    await context.close();
  });
});
