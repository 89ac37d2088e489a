import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { settled } from './settled';
import { launchChromium, newShopPage, type Chromium } from './browser';
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
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not cover.
  await page.evaluate(`${AXE_SOURCE}\n;true`);
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
  ];
  for (const language of ['zh-CN', 'en'] as const) {
    for (const p of pages) {
      it(`finds nothing critical or serious on the ${p.name} page (${language})`, async () => {
        const { context, page } = await newShopPage(chromium.browser, { language });
        await page.goto(`${server.openUrl}${p.hash()}`);
        await page.getByTestId(p.ready).waitFor();
        await page.locator(p.row).first().waitFor();
        await settled(page);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
