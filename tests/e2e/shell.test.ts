import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { tempDir } from '../helpers/tempCore';
import fs from 'node:fs';
import path from 'node:path';

describe('the app shell in Chromium', () => {
  let server: TestServer;
  let chromium: Chromium;
  const files = tempDir('sk-upload-');

  beforeAll(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
    files.remove();
  });

  it('switches the language, edits the seller profile with a logo, and keeps both after a reload', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(server.openUrl);
    await page.getByRole('menuitem', { name: 'Products' }).waitFor();

    // Switch to Chinese: the navigation follows at once.
    await page.getByTestId('language-switch').click();
    await page.getByTitle('中文').click();
    await page.getByRole('menuitem', { name: '产品' }).waitFor();

    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('settings-page').waitFor();
    await page.getByTestId('seller-companyNameZh').fill('义乌市佳和进出口有限公司');
    await page.getByTestId('seller-companyNameEn').fill('Yiwu Jiahe Import & Export Co., Ltd.');
    await page.getByTestId('seller-whatsapp').fill('138 5792 6688');

    const logo = path.join(files.dir, 'logo.png');
    fs.writeFileSync(logo, await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0392b' } }).png().toBuffer());
    await page.getByTestId('image-slot-logo').locator('input[type=file]').setInputFiles(logo);
    await page.getByTestId('image-logo').waitFor();

    await page.getByTestId('settings-save').click();
    await page.getByText('设置已保存').waitFor();

    await page.reload();
    await page.getByTestId('settings-page').waitFor();
    await expect.poll(() => page.getByTestId('seller-companyNameZh').inputValue()).toBe('义乌市佳和进出口有限公司');
    await expect.poll(() => page.getByTestId('seller-whatsapp').inputValue()).toBe('+8613857926688');
    await page.getByTestId('image-logo').waitFor();
    await page.getByRole('menuitem', { name: '产品' }).waitFor();

    const stored = await invoke(server.core, 'settings.get', {});
    expect(stored.seller.companyNameEn).toBe('Yiwu Jiahe Import & Export Co., Ltd.');
    expect(stored.seller.logo).not.toBeNull();
    await context.close();
  });

  it('shows the error next to the field when a save is refused', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/settings`);
    await page.getByTestId('settings-page').waitFor();
    await page.getByTestId('seller-bankSwift').fill('NOT A SWIFT');
    await page.getByTestId('settings-save').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: 'not a SWIFT/BIC code' }).waitFor();
    await context.close();
  });
});
