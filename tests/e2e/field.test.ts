import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { EventHub } from '../../main/events/hub';
import { JobRunner } from '../../main/jobs/runner';
import { configureLogging, logFileName, logsDirOf, stopLogging } from '../../main/logging/log';
import { createBrowserDoor } from '../../main/server/doorCalls';
import { startServer, type RunningServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { tempCore, tempDir } from '../helpers/tempCore';

/**
 * The shell's field features in Chromium, over browser mode (the same page
 * the desktop window shows): a page's error boundary, progress with cancel
 * for a long import (on the server's worker thread), menu commands and the
 * core-restarted notice arriving as events.
 */
describe('the shell in the field', () => {
  const core = tempCore();
  const events = new EventHub();
  const files = tempDir('sk-field-');
  const shots = path.join(process.env.STALLKEEPER_SHOTS ?? files.dir, 'shots');
  let server: RunningServer;
  let chromium: Chromium;

  beforeAll(async () => {
    configureLogging({ dir: logsDirOf(core.paths.root), process: 'server', console: false });
    core.jobs = new JobRunner(core.paths.root, { now: core.now });
    server = await startServer({ core, rendererDir: rendererDir(), port: 0, door: createBrowserDoor(events) });
    chromium = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
    await invoke(core, 'products.create', { itemNo: 'K-1', names: { en: 'Kept lantern' } });
  }, 60_000);
  afterAll(async () => {
    await chromium.close();
    await server.close();
    stopLogging();
    core.remove();
    files.remove();
  });

  it('shows "this page stopped working" for a page whose render fails, keeps every other page working, reloads it on request, and logs the error', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    // The dashboard gets a report it cannot draw (a region without its countries).
    await page.route('**/api/reports.trade', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ regions: [{ region: 'broken' }] }) }));
    await page.goto(server.openUrl);
    await page.getByTestId('page-error').waitFor();
    await page.getByText('This page stopped working').waitFor();
    await expect.poll(() => page.getByTestId('page-error-details').inputValue()).toMatch(/the dashboard page failed[\s\S]*TypeError/);
    await page.screenshot({ path: path.join(shots, 'page-error-en.png') });
    // The rest of the app works.
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.locator('#root').getByTestId('product-row-K-1').waitFor(); // the page's own row, not the first view's picture of it
    expect(await page.getByTestId('page-error').count()).toBe(0);
    // Back, with the report fixed: "reload this page" draws it.
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByTestId('page-error').waitFor();
    await page.unroute('**/api/reports.trade');
    await page.getByTestId('page-error-reload').click();
    await page.getByTestId('dashboard-page').waitFor();
    const log = path.join(logsDirOf(core.paths.root), logFileName(new Date()));
    await expect.poll(() => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')).toMatch(/\[error\] \(renderer\) page dashboard failed: TypeError/);
    await context.close();
  });

  it('shows a long import\'s progress in rows and cancels it from the bar: the import rolls back and nothing is written', async () => {
    const csv = path.join(files.dir, 'big list.csv');
    const rows = ['item_no,name_en,price_cny,pcs_per_carton'];
    for (let i = 0; i < 60_000; i += 1) rows.push(`BIG${String(i).padStart(6, '0')},Big list item ${i},${(i % 40) + 1}.20,24`);
    fs.writeFileSync(csv, rows.join('\n'));
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/products`);
    await page.getByTestId('product-import').click();
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(csv);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-run').click();
    const bar = page.getByTestId('progress-products.import');
    await bar.getByText(/第 \d+ \/ 60000 行/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(shots, 'import-progress-zh.png') });
    await bar.getByTestId('progress-cancel').click();
    await page.getByText('已取消：没有任何更改').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('progress-center').count()).toBe(0);
    expect((await invoke(core, 'products.list', { limit: 1 })).total).toBe(1);
    await context.close();
  }, 180_000);

  it('carries out the menu\'s commands sent as events: new quotation, search, settings, about', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(server.openUrl);
    await page.getByTestId('dashboard-page').waitFor();
    // The page listens from the moment it started (its poll waits on the hub).
    await expect.poll(() => events.waiting, { timeout: 15_000 }).toBeGreaterThan(0);
    events.push({ type: 'command', command: 'settings' });
    await page.getByTestId('settings-page').waitFor();
    events.push({ type: 'command', command: 'new-quotation' });
    await page.getByTestId('quotes-page').waitFor();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    events.push({ type: 'command', command: 'search' });
    await page.getByTestId('products-page').waitFor();
    await expect.poll(() => page.evaluate("document.activeElement?.closest('[data-testid=\"product-search\"]') !== null")).toBe(true);
    events.push({ type: 'command', command: 'about' });
    await page.getByText('About Stallkeeper').waitFor();
    await page.getByText('Version 0.1.0').waitFor();
    await context.close();
  });

  it('tells the person when the core was started again and, on "Go on", reads everything afresh', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/products`);
    await page.locator('#root').getByTestId('product-row-K-1').waitFor(); // the page itself (it listens for events), not the first view's picture
    await invoke(core, 'products.create', { itemNo: 'K-2', names: { en: 'Written meanwhile' } });
    await expect.poll(() => events.waiting, { timeout: 15_000 }).toBeGreaterThan(0);
    events.push({ type: 'core', state: 'restarted', reason: 'test' });
    const notice = page.getByRole('dialog', { name: '应用的数据引擎已重新启动' });
    await notice.getByText('之前保存的内容都在', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(shots, 'core-restarted-zh.png') });
    await notice.getByRole('button', { name: /继\s*续/ }).click();
    await page.getByTestId('product-row-K-2').waitFor();
    await context.close();
  });
});
