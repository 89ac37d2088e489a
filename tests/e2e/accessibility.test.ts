import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { settled } from './settled';
import { followRoute, launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { seedQuoteStall } from '../helpers/quoteStall';

/** axe-core's browser bundle, injected into each page (the npm package, not a download). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Critical and serious violations of WCAG 2.x A/AA on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not cover;
  // once per loaded document.
  if (!(await page.evaluate<boolean>(`typeof axe !== 'undefined'`))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  const result = await page.evaluate<{ violations: Violation[] }>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`);
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`));
}

describe('accessibility (axe-core): no critical or serious violations on the key pages, in both languages', () => {
  let server: TestServer;
  let chromium: Chromium;
  let quoteId = 0;
  let invoiceId = 0;
  let orderId = 0;
  let buyerId = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const stall = await seedQuoteStall(server.core);
    chromium = await launchChromium();
    const lines = [{ itemNo: '00123', qty: 1440 }, { itemNo: '02113' }, { itemNo: '04130' }, { itemNo: '03118' }, { itemNo: '01107' }];
    const draft = await invoke(server.core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines });
    quoteId = draft.id;
    const accepted = await invoke(server.core, 'quotes.create', { buyerId: stall.buyers.dubai.id, lines });
    await invoke(server.core, 'quotes.accept', { id: accepted.id });
    invoiceId = (await invoke(server.core, 'invoices.create', { quoteId: accepted.id })).id;
    buyerId = stall.buyers.dubai.id;
    const factory = await invoke(server.core, 'suppliers.create', { names: { zh: '义乌美丽饰品厂', en: 'Yiwu Meili Crafts' } });
    const product = await invoke(server.core, 'products.get', { itemNo: '00123' });
    orderId = (await invoke(server.core, 'purchases.create', { supplierId: factory.id, lines: [{ productId: product.id, qty: 1440, costCny: '1.20' }] })).id;
    await invoke(server.core, 'purchases.order', { id: orderId });
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  const pages: Array<{ name: string; hash: () => string; ready: string; row: string }> = [
    { name: 'products', hash: () => '#/products', ready: 'products-page', row: 'text=00123' },
    { name: 'quotation editor', hash: () => `#/quotes/${quoteId}`, ready: 'quote-screen', row: '.ant-table-row' },
    { name: 'buyers', hash: () => '#/buyers', ready: 'buyers-page', row: '.ant-table-row' },
    { name: 'PI', hash: () => `#/invoices/${invoiceId}`, ready: 'invoice-screen', row: '.ant-table-row' },
    { name: 'purchase order', hash: () => `#/purchases/${orderId}`, ready: 'purchase-screen', row: '.ant-table-row' },
    { name: 'statement of account', hash: () => `#/statements/${buyerId}`, ready: 'statement-page', row: '.ant-table-row' },
  ];
  /**
   * One tab per language: the app is loaded (with axe) once, and each page after the first is
   * reached through the app's own routes (a hash change), as staff reach it.
   */
  const tabs = new Map<string, Page>();
  async function openPage(language: 'zh-CN' | 'en', p: (typeof pages)[number]): Promise<Page> {
    let page = tabs.get(language);
    if (!page) {
      page = (await newShopPage(chromium.browser, { language })).page;
      await page.goto(`${server.openUrl}${p.hash()}`);
      tabs.set(language, page);
    } else {
      await followRoute(page, p.hash());
    }
    await page.getByTestId(p.ready).waitFor();
    await page.locator(p.row).first().waitFor();
    await settled(page);
    return page;
  }

  for (const language of ['zh-CN', 'en'] as const) {
    for (const p of pages) {
      it(`finds nothing critical or serious on the ${p.name} page (${language})`, async () => {
        const page = await openPage(language, p);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
