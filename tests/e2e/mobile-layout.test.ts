import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { settled } from './settled';
import { followRoute, launchChromium, newTouchPage, TOUCH_SIZES, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { seedQuoteStall } from '../helpers/quoteStall';

type Stall = Awaited<ReturnType<typeof seedQuoteStall>>;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What the layout test reads from the page (a string, so Node's type checker needs no DOM types):
 * the document's scroll width, any table that scrolls sideways inside itself (columns hidden
 * off to the side), and the boxes of the regions that must not overlap.
 */
const MEASURE = `(() => {
  const boxOf = (el, name) => { const r = el.getBoundingClientRect(); return { name, x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height }; };
  const regions = [...document.querySelectorAll('[data-region]')]
    .filter((el) => el.getBoundingClientRect().width > 0)
    .map((el) => boxOf(el, el.getAttribute('data-region')));
  const sider = document.querySelector('.ant-layout-sider');
  if (sider) regions.push(boxOf(sider, 'sider'));
  const sideways = [...document.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-header, .ant-tabs-nav-wrap, .sk-vrow, .sk-vhead')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => (el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.className) + ' ' + el.scrollWidth + '>' + el.clientWidth);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, regions, sideways };
})()`;

interface Measure {
  scrollWidth: number;
  innerWidth: number;
  regions: Box[];
  sideways: string[];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

/** Pairs of regions that lie over each other (a region inside another, like the content inside the page, is not a pair). */
function overlapping(regions: Box[]): string[] {
  const flat = regions.filter((r) => r.name !== 'bottom-nav' && r.name !== 'sticky-footer');
  const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
  const out: string[] = [];
  for (let i = 0; i < flat.length; i++)
    for (let j = i + 1; j < flat.length; j++) {
      const a = flat[i]!;
      const b = flat[j]!;
      if (overlaps(a, b) && !inside(a, b) && !inside(b, a)) out.push(`${a.name} × ${b.name}`);
    }
  return out;
}

/** Scrolled to the end, the last of the content is above the bottom navigation and the sticky footer, not under them. */
async function hiddenAtTheEnd(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(async () => {
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const overlays = [...document.querySelectorAll('[data-region="bottom-nav"], [data-region="sticky-footer"]')].map((el) => el.getBoundingClientRect());
    const page = document.querySelector('.sk-content > *:not(.ant-skeleton)') ?? document.querySelector('.sk-content');
    const blocks = [...page.querySelectorAll('[data-region]:not([data-region="sticky-footer"]), .ant-table, .sk-cards, .ant-form, .ant-card, .ant-pagination')]
      .filter((el) => !el.closest('[data-region="sticky-footer"]') && !el.closest('.ant-drawer, .ant-modal-root'));
    const out = [];
    for (const el of blocks) {
      const r = el.getBoundingClientRect();
      if (r.height === 0) continue;
      for (const o of overlays) if (r.bottom > o.top + 1 && r.top < o.top) out.push((el.getAttribute('data-testid') ?? el.getAttribute('data-region') ?? el.className) + ' ends under an overlay');
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    return out;
  })()`);
}

describe('the staff view on phones and tablets (360×740, 390×844, 820×1180, touch)', () => {
  let server: TestServer;
  let chromium: Chromium;
  let stall: Stall;
  let quoteId = 0;
  let invoiceId = 0;

  beforeAll(async () => {
    server = await startTestServer();
    stall = await seedQuoteStall(server.core);
    chromium = await launchChromium();
    const lines = [{ itemNo: '00123', qty: 1440 }, { itemNo: '02113' }, { itemNo: '04130' }, { itemNo: '03118' }, { itemNo: '01107' }];
    quoteId = (await invoke(server.core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines })).id;
    const accepted = await invoke(server.core, 'quotes.create', { buyerId: stall.buyers.dubai.id, lines });
    await invoke(server.core, 'quotes.accept', { id: accepted.id });
    invoiceId = (await invoke(server.core, 'invoices.create', { quoteId: accepted.id })).id;
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  const pages: Array<{ name: string; hash: () => string; ready: string; then?: (page: Page) => Promise<void> }> = [
    { name: 'dashboard', hash: () => '#/', ready: 'dashboard-page' },
    { name: 'products', hash: () => '#/products', ready: 'products-page' },
    { name: 'product editor', hash: () => `#/products?open=${stall.products.car.id}`, ready: 'product-form' },
    { name: 'stock', hash: () => '#/stock', ready: 'stock-page' },
    { name: 'buyers', hash: () => '#/buyers', ready: 'buyers-page' },
    { name: 'buyer card', hash: () => `#/buyers/${stall.buyers.lagos.id}`, ready: 'buyer-detail' },
    { name: 'buyer editor', hash: () => `#/buyers/${stall.buyers.lagos.id}/edit`, ready: 'buyer-editor' },
    {
      name: 'buyer visit',
      hash: () => `#/buyers/${stall.buyers.lagos.id}`,
      ready: 'buyer-detail',
      then: async (page) => {
        await page.getByTestId('visit-add').click();
        await page.getByTestId('visit-form').waitFor();
      },
    },
    { name: 'quotations', hash: () => '#/quotes', ready: 'quotes-page' },
    { name: 'quote screen', hash: () => `#/quotes/${quoteId}`, ready: 'quote-screen' },
    { name: 'PIs', hash: () => '#/invoices', ready: 'invoices-page' },
    { name: 'PI screen', hash: () => `#/invoices/${invoiceId}`, ready: 'invoice-screen' },
    { name: 'rates', hash: () => '#/quotes/rates', ready: 'rates-page' },
    { name: 'settings', hash: () => '#/settings', ready: 'settings-page' },
    // After the PI.
    { name: 'suppliers', hash: () => '#/suppliers', ready: 'suppliers-page' },
    { name: 'purchase orders', hash: () => '#/purchases', ready: 'purchases-page' },
    { name: 'receivables', hash: () => '#/receivables', ready: 'receivables-page' },
    { name: 'statement of account', hash: () => `#/statements/${stall.buyers.lagos.id}`, ready: 'statement-page' },
  ];

  /**
   * The first page is loaded; the next ones are reached as staff reach them, through the app's own
   * routes (a hash change), and not by loading the whole app again for each one.
   */
  async function openPage(page: Page, p: (typeof pages)[number], first: boolean): Promise<void> {
    if (first) await page.goto(`${server.openUrl}${p.hash()}`);
    else await followRoute(page, p.hash());
    await page.getByTestId(p.ready).waitFor();
    await settled(page);
  }

  for (const size of TOUCH_SIZES) {
    it(`fits every page at ${size.width}×${size.height}: no sideways scroll, no table scrolling sideways, no panels over each other, nothing left under the bottom bars`, async () => {
      const { context, page } = await newTouchPage(chromium.browser, size, { language: 'en' });
      const problems: string[] = [];
      for (const [i, p] of pages.entries()) {
        await openPage(page, p, i === 0);
        if (p.then) await p.then(page);
        const m = await page.evaluate<Measure>(MEASURE);
        if (m.innerWidth !== size.width) problems.push(`${p.name}: laid out at ${m.innerWidth} px`);
        if (m.scrollWidth !== size.width) problems.push(`${p.name}: scroll width ${m.scrollWidth}`);
        for (const s of m.sideways) problems.push(`${p.name}: scrolls sideways inside ${s}`);
        for (const o of overlapping(m.regions)) problems.push(`${p.name}: ${o} overlap`);
        if (!p.then) for (const h of await hiddenAtTheEnd(page)) problems.push(`${p.name}: ${h}`);
      }
      expect(problems.join('\n')).toBe('');
      await context.close();
      // Eighteen pages in one go: longer than one e2e step on this shared CPU.
    }, 300_000);
  }

  /** Controls smaller than a finger (44 px) on the page as it is now. */
  const SMALL_TARGETS = `(() => {
    const sel = '.ant-btn, .ant-select, .ant-picker, .ant-input-number, .ant-input-affix-wrapper, input.ant-input:not(.ant-input-affix-wrapper input), .ant-segmented-item, .ant-pagination-item, .sk-bottom-nav-item, .sk-card-open, .ant-checkbox-wrapper, .ant-radio-wrapper, .ant-tabs-tab';
    return [...document.querySelectorAll(sel)]
      .filter((el) => !el.closest('.ant-table-summary') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height < 43.5)
      .map(({ el, r }) => (el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.className.toString().slice(0, 60)) + ' ' + Math.round(r.width) + '×' + Math.round(r.height));
  })()`;

  for (const size of [TOUCH_SIZES[1], TOUCH_SIZES[2]]) {
    it(`makes every button, field and tab at least 44 px high on a touch screen at ${size.width}×${size.height}`, async () => {
      const { context, page } = await newTouchPage(chromium.browser, size, { language: 'en' });
      const small: string[] = [];
      for (const [i, p] of pages.filter((x) => ['products', 'buyers', 'quotations', 'quote screen', 'PIs', 'PI screen', 'buyer card'].includes(x.name)).entries()) {
        await openPage(page, p, i === 0);
        for (const s of await page.evaluate<string[]>(SMALL_TARGETS)) small.push(`${p.name}: ${s}`);
      }
      expect(small.join('\n')).toBe('');
      await context.close();
    });
  }

  it('shows every quotation line its product name and amount on a tablet (820×1180), inside the screen', async () => {
    const { context, page } = await newTouchPage(chromium.browser, TOUCH_SIZES[2], { language: 'en' });
    await page.goto(`${server.openUrl}#/quotes/${quoteId}`);
    await page.getByTestId('quote-screen').waitFor();
    const quote = await invoke(server.core, 'quotes.get', { id: quoteId });
    for (const line of quote.lines) {
      const name = page.getByTestId(`line-name-${line.id}`);
      await expect.poll(() => name.innerText()).toContain(line.product.names.en);
      const amount = page.getByTestId(`amount-${line.id}`);
      const box = await amount.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 820).toBe(true);
      const nameBox = await name.boundingBox();
      expect(nameBox && nameBox.width > 80).toBe(true);
    }
    await context.close();
  });

  it('shows a bottom navigation instead of the sidebar on a phone, and the sidebar on a tablet', async () => {
    const phone = await newTouchPage(chromium.browser, TOUCH_SIZES[1], { language: 'en' });
    await phone.page.goto(`${server.openUrl}#/quotes`);
    await phone.page.getByTestId('quotes-page').waitFor();
    expect(await phone.page.locator('.ant-layout-sider').count()).toBe(0);
    await phone.page.getByTestId('bottom-nav-buyers').tap();
    await phone.page.getByTestId('buyers-page').waitFor();
    await phone.page.getByTestId('bottom-nav-more').tap();
    await phone.page.getByTestId('more-rates').tap();
    await phone.page.getByTestId('rates-page').waitFor();
    await phone.context.close();
    const tablet = await newTouchPage(chromium.browser, TOUCH_SIZES[2], { language: 'en' });
    await tablet.page.goto(`${server.openUrl}#/quotes`);
    await tablet.page.getByTestId('quotes-page').waitFor();
    expect(await tablet.page.locator('.ant-layout-sider').count()).toBe(1);
    expect(await tablet.page.getByTestId('bottom-nav').count()).toBe(0);
    await tablet.context.close();
  });
});
