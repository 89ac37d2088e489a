/**
 * Screenshots of every page in zh-CN and en, from a demo data folder, for
 * docs/screenshots/. Usage: npm run screenshots [-- --data DIR] [--only name,name] (a fresh demo
 * folder is made when --data is not given). `--mobile`: the staff view on a
 * touch screen instead (360×740, 390×844 and 820×1180 in English, 390×844 in
 * Chinese) into docs/screenshots/mobile/, each with the page's scroll width.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../main/core';
import { fillDemo } from '../main/demo/fill';
import { startServer } from '../main/server/server';
import { ensureRendererBuilt } from '../main/server/renderer';
import { launchChromium, newShopPage, newTouchPage, TOUCH_SIZES } from '../tests/e2e/browser';
import { settled } from '../tests/e2e/settled';
import { appPath } from '../main/paths/appRoot';
import type { Page } from 'playwright-core';
import { invoke } from '../main/api/invoke';
import type { Core } from '../main/core';


/** A small product file with Chinese headers and one bad row, to show the import preview. */
const IMPORT_CSV = [
  '货号,中文品名,英文品名,起订量,装箱数,单价,库存',
  'NEW-001,儿童太阳镜 猫眼,Kids sunglasses cat eye,120,240,3.80,480',
  'NEW-002,不锈钢削皮刀,Stainless peeler,300,600,1.25,0',
  'NEW-003,发光陀螺,LED spinning top,abc,500,2.10,1000',
].join('\r\n');

const PAGES: Array<{ route: string; name: string; testId: string; action?: (page: Page) => Promise<void> }> = [
  { route: '/', name: 'dashboard', testId: 'dashboard-page' },
  { route: '/products', name: 'products', testId: 'products-page' },
  { route: '/products?open=1', name: 'product-editor', testId: 'product-form' },
  {
    route: '/products',
    name: 'products-photos',
    testId: 'products-page',
    action: async (page) => {
      await page.getByTestId('product-view').getByText(/Photos|图片/).click();
      await page.getByTestId('product-card').first().waitFor();
    },
  },
  {
    route: '/products',
    name: 'product-import',
    testId: 'products-page',
    action: async (page) => {
      await page.getByTestId('product-import').click();
      await page.getByTestId('import-file').locator('input[type=file]').first().setInputFiles({
        name: 'new-items.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(IMPORT_CSV, 'utf8'),
      });
      await page.getByTestId('import-preview').waitFor();
    },
  },
  {
    route: '/products',
    name: 'sample-tags',
    testId: 'products-page',
    action: async (page) => {
      await page.getByTestId('product-tags').click();
      await page.locator('.ant-modal').waitFor();
    },
  },
  { route: '/stock', name: 'stock', testId: 'stock-page' },
  { route: '/stock?tab=product&product=1', name: 'stock-product', testId: 'stock-product' },
  { route: '/buyers', name: 'buyers', testId: 'buyers-page' },
  { route: '/buyers?q=%D8%A3%D8%AD%D9%85%D8%AF', name: 'buyers-search-arabic', testId: 'buyers-page' },
  { route: '/buyers/1', name: 'buyer-detail', testId: 'buyer-detail' },
  {
    route: '/buyers/3',
    name: 'buyer-visit',
    testId: 'buyer-detail',
    action: async (page) => {
      await page.getByTestId('visit-add').click();
      await page.getByTestId('visit-form').waitFor();
    },
  },
  { route: '/buyers/new', name: 'buyer-new', testId: 'buyer-editor' },
  { route: '/buyers/2/edit', name: 'buyer-edit', testId: 'buyer-editor' },
  { route: '/quotes', name: 'quotes', testId: 'quotes-page' },
  {
    route: '/quotes',
    name: 'quote-new',
    testId: 'quotes-page',
    action: async (page) => {
      await page.getByTestId('new-quote').click();
      await page.getByTestId('new-quote-buyer').waitFor();
    },
  },
  { route: '/invoices', name: 'invoices', testId: 'invoices-page' },
  // The demo's draft for Lagos Mega Stores, its PI with a deposit, and the rates.
  { route: '/quotes/16', name: 'quote-screen', testId: 'quote-screen' },
  { route: '/invoices/6', name: 'invoice-screen', testId: 'invoice-screen' },
  {
    // A PI with its balance due: the deposit offered in RMB cash, the rate suggested from the stored rates.
    route: '/invoices/7',
    name: 'invoice-pay-rmb',
    testId: 'invoice-screen',
    action: async (page) => {
      await page.getByTestId('pay-currency').click();
      await page.keyboard.type('CNY');
      await page.locator('.ant-select-item-option-active', { hasText: 'CNY' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('pay-rate').waitFor();
    },
  },
  { route: '/quotes/rates', name: 'rates', testId: 'rates-page' },
  { route: '/settings', name: 'settings', testId: 'settings-page' },
  // After the PI: suppliers, purchase orders, goods in, deliveries, statements, receivables.
  { route: '/suppliers', name: 'suppliers', testId: 'suppliers-page' },
  { route: '/suppliers?open=1', name: 'supplier-editor', testId: 'supplier-form' },
  { route: '/purchases', name: 'purchases', testId: 'purchases-page' },
  { route: '/purchases/1', name: 'purchase-order', testId: 'purchase-screen' },
  { route: '/purchases/3', name: 'purchase-draft', testId: 'purchase-screen' },
  { route: '/purchases/2', name: 'purchase-receive', testId: 'purchase-screen', action: async (page) => { await page.getByTestId('po-receive').click(); await page.getByTestId('receive-dialog').waitFor(); } },
  { route: '/invoices/3', name: 'invoice-after-pi', testId: 'invoice-screen', action: async (page) => { await page.getByTestId('pi-deliveries').scrollIntoViewIfNeeded(); } },
  { route: '/invoices/3', name: 'invoice-delivery', testId: 'invoice-screen', action: async (page) => { await page.getByTestId('delivery-new').click(); await page.getByTestId('delivery-dialog').waitFor(); } },
  { route: '/statements/11', name: 'statement', testId: 'statement-page' },
  { route: '/receivables', name: 'receivables', testId: 'receivables-page' },
  { route: '/', name: 'dashboard-follow-ups', testId: 'dashboard-page', action: async (page) => { await page.getByTestId('follow-ups').scrollIntoViewIfNeeded(); } },
];

/**
 * After the PI on the demo: PI 6's purchase orders (one placed and partly received, one placed,
 * one draft), a delivery of PI 3 to a forwarder with its warehouse entry number.
 */
async function afterPiDemo(core: Core): Promise<void> {
  const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: 6 });
  const [first, second] = made.orders;
  if (first) {
    await invoke(core, 'purchases.order', { id: first.id });
    const line = first.lines[0];
    if (line) await invoke(core, 'purchases.receive', { id: first.id, note: '第一批', lines: [{ lineId: line.id, qty: Math.ceil(line.qty / 2), damaged: 3, note: '3 件破损' }] });
    await invoke(core, 'purchases.addPayment', { id: first.id, amount: '500.00', method: 'wechat_pay', reference: '定金' });
  }
  if (second) await invoke(core, 'purchases.order', { id: second.id });
  const pi = await invoke(core, 'invoices.get', { id: 3 });
  const line = pi.lines[0];
  if (line) await invoke(core, 'shipments.create', { invoiceId: 3, forwarder: { name: '义乌环球货代 Global Cargo Yiwu' }, entryNo: 'JC26-1207-088', lines: [{ lineId: line.id, qty: line.qty }] });
}

/** The pages of the staff view on a phone or tablet (the same routes as on the PC; the owner's import wizard left out). */
const MOBILE_PAGES: typeof PAGES = [
  // products-photos is left out: a phone shows the photo cards on the products page itself.
  ...PAGES.filter((p) => !['product-import', 'sample-tags', 'buyers-search-arabic', 'invoice-pay-rmb', 'products-photos'].includes(p.name)),
  {
    route: '/invoices/7',
    name: 'invoice-pay',
    testId: 'invoice-screen',
    action: async (page) => {
      await page.getByTestId('pay-submit').scrollIntoViewIfNeeded();
    },
  },
  {
    route: '/quotes/16',
    name: 'quote-pdf',
    testId: 'quote-screen',
    action: async (page) => {
      await page.getByTestId('document-button').click();
      await page.getByTestId('document-options').waitFor();
    },
  },
];

async function mobileShots(server: { openUrl: string }, chromium: Awaited<ReturnType<typeof launchChromium>>, outDir: string): Promise<void> {
  const runs = [...TOUCH_SIZES.map((size) => ({ size, language: 'en' as const })), { size: TOUCH_SIZES[1], language: 'zh-CN' as const }];
  for (const { size, language } of runs) {
    const { context, page } = await newTouchPage(chromium.browser, size, { language });
    for (const p of MOBILE_PAGES) {
      await page.goto('about:blank');
      await page.goto(`${server.openUrl}#${p.route}`);
      await page.getByTestId(p.testId).waitFor();
      if (p.action) await p.action(page);
      await settled(page);
      await page.waitForTimeout(300);
      const file = path.join(outDir, `${p.name}-${size.width}-${language === 'en' ? 'en' : 'zh'}.png`);
      await page.screenshot({ path: file });
      const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      process.stderr.write(`${file} scrollWidth ${scrollWidth}${scrollWidth > size.width ? ' (WIDER THAN THE SCREEN)' : ''}\n`);
    }
    await context.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, mobile: { type: 'boolean' } } });
  const only = values.only ? new Set(values.only.split(',')) : null;
  const dataDir = values.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sk-shots-'));
  const outDir = values.out ?? (values.mobile ? appPath('docs', 'screenshots', 'mobile') : appPath('docs', 'screenshots'));
  fs.mkdirSync(outDir, { recursive: true });
  const core = openCore(dataDir);
  if (!values.data) {
    await fillDemo(core);
    await afterPiDemo(core);
  }
  const server = await startServer({ core, rendererDir: await ensureRendererBuilt() });
  const chromium = await launchChromium();
  try {
    if (values.mobile) {
      await mobileShots(server, chromium, outDir);
      return;
    }
    for (const language of ['en', 'zh-CN'] as const) {
      const { context, page } = await newShopPage(chromium.browser, { language });
      for (const p of PAGES.filter((page) => !only || only.has(page.name))) {
        await page.goto('about:blank'); // a fresh load each time: no dialog stays open from the screen before
        await page.goto(`${server.openUrl}#${p.route}`);
        await page.getByTestId(p.testId).waitFor();
        if (p.action) await p.action(page);
        await settled(page);
        await page.waitForTimeout(300);
        const file = path.join(outDir, `${p.name}-${language === 'en' ? 'en' : 'zh'}.png`);
        await page.screenshot({ path: file });
        process.stderr.write(`${file}\n`);
      }
      await context.close();
    }
  } finally {
    await chromium.close();
    await server.close();
    core.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
