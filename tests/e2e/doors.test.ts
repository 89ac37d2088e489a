import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automaticBackup } from '../../main/backup/service';
import { snapshotsDir } from '../../main/backup/snapshots';
import { pcKeyCookie } from '../../main/server/server';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { smallStall } from '../helpers/stall';

/** Where the screenshots of this file go, to be looked at (STALLKEEPER_SHOTS=dir). */
const SHOTS = process.env.STALLKEEPER_SHOTS;

describe('the browser-mode door in Chromium', () => {
  let server: TestServer;
  let chromium: Chromium;

  beforeAll(async () => {
    server = await startTestServer();
    await smallStall(server.core);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  it('opens at the printed address: the key leaves the address bar and stays in an HttpOnly cookie no script can read', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByText('Product 1').first().waitFor();
    expect(page.url()).toBe(`${server.url}#/products`);
    const cookie = (await context.cookies()).find((c) => c.name === pcKeyCookie(server.port));
    expect(cookie).toMatchObject({ value: server.key, httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
    // A reload, or another page of the app, needs nothing more.
    await page.goto(`${server.url}#/buyers`);
    await page.getByText('S buyer 1').first().waitFor();
    await context.close();
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`says how to open the app when the address has no key (${language})`, async () => {
      const { context, page } = await newShopPage(chromium.browser, { language });
      await page.goto(server.url);
      await page.getByTestId('key-page').waitFor();
      await page.getByText(language === 'en' ? 'Open the address Stallkeeper printed when it started' : '请打开 Stallkeeper 启动时显示的地址').waitFor();
      expect(await page.getByTestId('pair-page').count()).toBe(0);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `key-page-${language}.png`) });
      await context.close();
    });
  }

  it('shows a failing automatic backup on the dashboard', async () => {
    fs.mkdirSync(path.dirname(snapshotsDir(server.core.paths)), { recursive: true });
    fs.writeFileSync(snapshotsDir(server.core.paths), 'in the way');
    try {
      expect(await automaticBackup(server.core)).toBeNull();
      for (const language of ['en', 'zh-CN'] as const) {
        const { context, page } = await newShopPage(chromium.browser, { language });
        await page.goto(server.openUrl);
        const alert = page.getByTestId('backup-failed');
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(language === 'en' ? /The automatic backup failed \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/ : /自动备份失败（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `dashboard-backup-failed-${language}.png`) });
        await context.close();
      }
    } finally {
      fs.rmSync(snapshotsDir(server.core.paths), { force: true });
    }
    expect(await automaticBackup(server.core)).not.toBeNull();
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(server.openUrl);
    await page.getByTestId('dashboard-page').waitFor();
    expect(await page.getByTestId('backup-failed').count()).toBe(0);
    await context.close();
  });
});
