import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { pdfText, squeeze } from '../helpers/pdfTools';
import { settled } from './settled';
import { newTouchPage, TOUCH_SIZES } from './browser';
import { useQuoteStallInChromium } from './quoteStallInChromium';

const PHONE = TOUCH_SIZES[1];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  })()`);
}

/** Critical and serious WCAG 2.x A/AA violations, as tests/e2e/accessibility.test.ts counts them. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;true`);
  const result = await page.evaluate<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  );
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`));
}

describe('quoting from a phone (390×844, touch)', () => {
  const t = useQuoteStallInChromium();

  it('finds a buyer, quotes 3 lines (one scanned into the search box), accepts, makes the PI, records the deposit and downloads the PDF', async () => {
    const { context, page } = await newTouchPage(t.chromium.browser, PHONE, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes`);
    await page.getByTestId('quotes-page').waitFor();

    // The buyer, found by typing in the new-quotation picker.
    await page.getByTestId('new-quote').tap();
    await page.getByTestId('new-quote-buyer').click();
    await page.keyboard.type('Lagos');
    await page.locator('.ant-select-item-option-active', { hasText: 'Lagos Mega Stores' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('new-quote-currency').innerText()).toContain('USD');
    await page.getByTestId('new-quote-ok').tap();
    await page.getByTestId('quote-screen').waitFor();

    // The search box is at the top of the screen, full width.
    const search = await page.getByTestId('quote-search').boundingBox();
    const box = await page.locator('.sk-quote-search').boundingBox();
    expect(search && search.y < 200).toBe(true);
    expect(box && box.width >= PHONE.width - 24 - 1).toBe(true);

    // 1. Typed by hand: Enter adds the line and its quantity is next.
    await page.getByTestId('quote-search').tap();
    await page.keyboard.type('00123', { delay: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toMatch(/^qty-\d+$/);
    await page.keyboard.type('1440');
    await page.keyboard.press('Enter');
    // 2. A Bluetooth scanner in keyboard mode types the barcode fast, then Enter, into the search box.
    await page.getByTestId('quote-search').tap();
    await page.keyboard.type(t.stall.products.earrings.barcode);
    await page.keyboard.press('Enter');
    await page.getByText('Added 02113').waitFor();
    // 3. Typed, then one carton more with the card's stepper.
    await page.getByTestId('quote-search').tap();
    await page.keyboard.type('04130', { delay: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid^="line-card-"]').count()).toBe(3);
    const quoteId = (await invoke(t.server.core, 'quotes.list', { buyerId: t.stall.buyers.lagos.id })).items[0]!.id;
    const socks = (await invoke(t.server.core, 'quotes.get', { id: quoteId })).lines.find((l) => l.product.itemNo === '04130')!;
    await page.getByTestId(`step-up-${socks.id}`).tap();
    await expect.poll(async () => (await invoke(t.server.core, 'quotes.get', { id: quoteId })).lines.find((l) => l.id === socks.id)!.cartons).toBe(socks.cartons + 1);
    await expect
      .poll(async () => (await invoke(t.server.core, 'quotes.get', { id: quoteId })).lines.map((l) => [l.product.itemNo, l.qty]))
      .toEqual([
        ['00123', 1440],
        ['02113', 200],
        ['04130', (socks.cartons + 1) * (socks.product.packing.pcsPerCarton ?? 0)],
      ]);
    const quote = await invoke(t.server.core, 'quotes.get', { id: quoteId });
    await expect.poll(() => page.getByTestId('total-grand').innerText()).toContain(quote.totals.grandTotal.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

    // The container fill is one tap away.
    await page.getByTestId('phone-containers').tap();
    await page.getByTestId('container-20GP').waitFor();
    await page.keyboard.press('Escape');

    // Accept and make the PI from the footer, under the thumb (in the bottom third of the screen).
    const accept = await page.getByTestId('quote-accept').boundingBox();
    expect(accept && accept.y > (PHONE.height * 2) / 3).toBe(true);
    await page.getByTestId('quote-accept').tap();
    await expect.poll(() => page.getByTestId('quote-status').innerText()).toBe('Accepted');
    await page.getByTestId('quote-make-pi').tap();
    await page.getByTestId('invoice-screen').waitFor();
    await expect.poll(() => page.getByTestId('invoice-status').innerText()).toBe('Issued');

    // The deposit is recorded from the phone.
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe(quote.totals.deposit);
    await page.getByTestId('pay-submit').tap();
    await expect.poll(() => page.getByTestId('invoice-status').innerText()).toBe('Deposit received');

    // The PDF downloads into the phone's files.
    await page.getByTestId('document-button').tap();
    await page.getByTestId('document-options').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-download').tap()]);
    const pi = (await invoke(t.server.core, 'invoices.list', {})).items[0]!;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = fs.readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squeeze(pdfText(pdf))).toContain(squeeze(pi.number));
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBe(PHONE.width);
    await context.close();
  });

  for (const p of [
    { name: 'quotations', hash: '#/quotes', ready: 'quotes-page' },
    { name: 'products', hash: '#/products', ready: 'products-page' },
    { name: 'buyers', hash: '#/buyers', ready: 'buyers-page' },
    { name: 'PIs', hash: '#/invoices', ready: 'invoices-page' },
  ]) {
    it(`finds nothing critical or serious with axe-core on the ${p.name} page at 390×844`, async () => {
      const { context, page } = await newTouchPage(t.chromium.browser, PHONE, { language: 'en' });
      await page.goto(`${t.server.openUrl}${p.hash}`);
      await page.getByTestId(p.ready).waitFor();
      await settled(page);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('finds nothing critical or serious with axe-core on the quote screen and the PI screen at 390×844', async () => {
    const lines = [{ itemNo: '00123', qty: 1440 }, { itemNo: '02113' }, { itemNo: '04130' }];
    const draft = await invoke(t.server.core, 'quotes.create', { buyerId: t.stall.buyers.dubai.id, lines });
    const accepted = await invoke(t.server.core, 'quotes.create', { buyerId: t.stall.buyers.dubai.id, lines });
    await invoke(t.server.core, 'quotes.accept', { id: accepted.id });
    const pi = await invoke(t.server.core, 'invoices.create', { quoteId: accepted.id });
    const { context, page } = await newTouchPage(t.chromium.browser, PHONE, { language: 'en' });
    for (const [hash, ready] of [[`#/quotes/${draft.id}`, 'quote-screen'], [`#/invoices/${pi.id}`, 'invoice-screen']] as const) {
      await page.goto('about:blank');
      await page.goto(`${t.server.openUrl}${hash}`);
      await page.getByTestId(ready).waitFor();
      await settled(page);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await context.close();
  });
});
