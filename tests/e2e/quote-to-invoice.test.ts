import fs from 'node:fs';
import { pdfText, squeeze } from '../helpers/pdfTools';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { level } from '../../main/stock/service';
import { newShopPage } from './browser';
import { useQuoteStallInChromium } from './quoteStallInChromium';

/** "1234.5" → "1,234.5", as the screens show amounts. */
function grouped(value: string): string {
  const [whole = '', fraction] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

async function focusedTestId(page: Page): Promise<string | null> {
  // Runs in the page (a string, so Node's type checker does not need the DOM types).
  return page.evaluate<string | null>(`(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  })()`);
}

/** Types like a person (80 ms a key), so the search box does not take it for a scanner. */
async function typeByHand(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 80 });
}

describe('quoting at the stall in Chromium', () => {
  const t = useQuoteStallInChromium();

  it('finds any of 600 buyers by typing in the new-quotation picker and takes over its currency', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `Filler Trading ${String(i).padStart(3, '0')},KE,Nairobi,KES`);
    rows.push('Oasis Souvenirs LLC,AE,Dubai,AED');
    await invoke(t.server.core, 'buyers.import', { csv: ['company,country,city,currency', ...rows].join('\n') });

    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes`);
    await page.getByTestId('new-quote').click();
    await page.getByTestId('new-quote-buyer').click();
    await page.keyboard.type('oasis');
    await page.locator('.ant-select-item-option-active', { hasText: 'Oasis Souvenirs LLC' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('new-quote-currency').innerText()).toContain('AED');
    await context.close();
  });

  it('deletes a draft made by mistake from its screen and lands on the list without it', async () => {
    const draft = await invoke(t.server.core, 'quotes.create', { buyerId: t.stall.buyers.dubai.id, lines: [{ itemNo: '00123' }] });
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes/${draft.id}`);
    await page.getByTestId('quote-delete').click();
    await page.getByTestId('quote-delete-ok').click();
    await page.getByTestId('quotes-page').waitFor();
    await expect.poll(() => page.getByTestId('quotes-page').innerText()).not.toContain(draft.displayNumber);
    expect(await invoke(t.server.core, 'quotes.list', { status: ['draft'] })).toMatchObject({ total: 0 });
    // The list keeps a record of it.
    await page.getByTestId('deleted-drafts').click();
    await expect.poll(() => page.locator('.ant-modal').innerText()).toContain(draft.displayNumber);
    await context.close();
  });

  it('quotes a Nigerian buyer in USD: five lines (one scanned), a changed price, accepted, PI, 30% deposit, stock reserved, balance due', async () => {
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes`);
    await page.getByTestId('quotes-page').waitFor();

    // A new quotation for Lagos Mega Stores (Nigeria, USD).
    await page.getByTestId('new-quote').click();
    await page.getByTestId('new-quote-buyer').click();
    await page.keyboard.type('Lagos');
    await page.locator('.ant-select-item-option-active', { hasText: 'Lagos Mega Stores' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('new-quote-currency').innerText()).toContain('USD');
    await page.getByTestId('new-quote-ok').click();
    await page.getByTestId('quote-screen').waitFor();
    await expect.poll(() => page.getByTestId('quote-status').innerText()).toBe('Draft');
    await expect.poll(() => focusedTestId(page)).toBe('quote-search');

    // 1. By item no: Enter adds at the MOQ, the quantity is next, Tab to the price, Enter back to search.
    await typeByHand(page, '00123');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toMatch(/^qty-\d+$/);
    await page.keyboard.type('1440');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toMatch(/^price-\d+$/);
    await page.keyboard.type('0.30');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('quote-search');

    // 2. By name, quantity typed.
    await typeByHand(page, 'bouncy');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toMatch(/^qty-\d+$/);
    await page.keyboard.type('20000');
    await page.keyboard.press('Enter');

    // 3. A barcode scanner (keyboard wedge) types the digits and Enter into the search box: the line,
    //    then one more carton on a second scan.
    await page.getByTestId('quote-search').focus();
    await page.keyboard.type(t.stall.products.earrings.barcode);
    await page.keyboard.press('Enter');
    await page.getByText('Added 02113').waitFor();
    await page.getByTestId('quote-search').focus();
    await page.keyboard.type(t.stall.products.earrings.barcode);
    await page.keyboard.press('Enter');
    await page.getByText('02113: one more carton, now 1200 pair').waitFor();

    // 4. Socks sold by the dozen; 5. tool sets at their MOQ.
    await page.getByTestId('quote-search').focus();
    await typeByHand(page, '04130');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toMatch(/^qty-\d+$/);
    await page.keyboard.type('75');
    await page.keyboard.press('Enter');
    await page.getByTestId('quote-search').focus();
    await typeByHand(page, '03118');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid^="amount-"]').count()).toBe(5);

    // What the screen shows is what the API computed.
    const list = await invoke(t.server.core, 'quotes.list', { buyerId: t.stall.buyers.lagos.id });
    const quoteId = list.items[0]!.id;
    await expect
      .poll(async () => (await invoke(t.server.core, 'quotes.get', { id: quoteId })).lines.map((l) => [l.product.itemNo, l.qty, l.unitPrice, l.priceSource]))
      .toEqual([
        ['00123', 1440, '0.30', 'typed'],
        ['01107', 20000, '0.05', 'tier'],
        ['02113', 1200, '0.18', 'tier'],
        ['04130', 75, '4.84', 'tier'],
        ['03118', 10, '5.90', 'tier'],
      ]);
    const quote = await invoke(t.server.core, 'quotes.get', { id: quoteId });
    // 1440 × 0.30 + 20000 × 0.05 + 1200 × 0.18 + 75 × 4.84 + 10 × 5.90
    expect(quote.totals.amount).toBe('2070.00');
    await expect.poll(() => page.getByTestId('total-grand').innerText()).toBe(`USD ${grouped(quote.totals.grandTotal)}`);
    await expect.poll(() => page.getByTestId('total-cartons').innerText()).toBe(`${quote.totals.cartons} ctns`);
    await page.getByTestId('container-20GP').waitFor();

    // The buyer agrees: accept, then make the PI.
    await page.getByTestId('quote-accept').click();
    await expect.poll(() => page.getByTestId('quote-status').innerText()).toBe('Accepted');
    await page.getByTestId('quote-make-pi').click();
    await page.getByTestId('invoice-screen').waitFor();
    await expect.poll(() => page.getByTestId('invoice-number').innerText()).toMatch(/^JH-PI\d{4}-0001$/);
    await expect.poll(() => page.getByTestId('invoice-status').innerText()).toBe('Issued');

    // Stock is reserved under the PI number; the bouncy balls are short (none in stock) but not refused.
    await expect.poll(() => page.getByTestId('reserved-00123').innerText()).toBe('1,440');
    await expect.poll(() => page.getByTestId('reserved-01107').innerText()).toContain('short 20000');
    expect(level(t.server.core, t.stall.products.car.id)).toEqual({ onHand: 2880, reserved: 1440, available: 1440 });

    // The 30% deposit: the amount field offers it; record it by T/T.
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe(quote.totals.deposit);
    await page.getByTestId('pay-reference').fill('FT-LAGOS-0425');
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => page.getByTestId('invoice-status').innerText()).toBe('Deposit received');
    await expect.poll(() => page.getByTestId('invoice-paid').innerText()).toBe(grouped(quote.totals.deposit));
    await expect.poll(() => page.getByTestId('invoice-balance-due').innerText()).toBe(`USD ${grouped(quote.totals.balance)}`);
    const pi = (await invoke(t.server.core, 'invoices.list', {})).items[0]!;
    expect(pi).toMatchObject({ status: 'deposit_received', paid: quote.totals.deposit, balanceDue: quote.totals.balance });

    // Part of the balance in RMB cash, at 1 USD = 7.10 CNY agreed: 710 CNY is USD 100.00.
    await page.getByTestId('pay-currency').click();
    await page.keyboard.type('CNY');
    await page.locator('.ant-select-item-option-active', { hasText: 'CNY' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pay-rate').inputValue()).toBe('7.1234');
    await page.getByTestId('pay-rate').fill('7.10');
    await page.getByTestId('pay-amount').fill('710');
    // What it comes to in the PI's currency is worked out by the API (invoices.paymentPreview), not in the page.
    await page.getByText('≈ USD 100.00').waitFor();
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => page.getByTestId('payment-received').innerText()).toBe('CNY 710.00 at 1 USD = 7.10 CNY');
    const paidNow = (Number(quote.totals.deposit) + 100).toFixed(2);
    await expect.poll(() => page.getByTestId('invoice-paid').innerText()).toBe(grouped(paidNow));

    // The buyer leaves with the PI: downloaded as a PDF from the browser, the copy stored at issue.
    await page.getByTestId('document-button').click();
    await page.getByTestId('document-options').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^JH-PI\d{4}-0001.*\.pdf$/);
    const pdf = fs.readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squeeze(pdfText(pdf))).toContain(squeeze(pi.number));
    await context.close();
  });
});
