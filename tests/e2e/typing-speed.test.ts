import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { invoke } from '../../main/api/invoke';
import { withCheckDigit } from '../../main/products/barcode';
import { pdfText } from '../helpers/pdfTools';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Keys typed while the screen is still busy with the previous one (a line being
 * added, a quantity's new tier price on its way, a country being looked up) must
 * land where the person meant them, at a person's speed and at a scanner's.
 */

type Speed = 'human' | 'scanner';

/** Gaps between keys: a person 80–150 ms, a keyboard wedge or a fast typist 0–10 ms (fixed patterns, so every run is the same). */
const GAPS: Record<Speed, number[]> = { human: [80, 150, 110, 95, 130, 85, 140], scanner: [0, 10, 3, 7, 0, 5, 2] };

/** Presses keys one after another without waiting for the screen: "Enter", "Tab" and single characters. */
async function keys(page: Page, sequence: string[], speed: Speed) {
  const gaps = GAPS[speed];
  for (const [i, key] of sequence.entries()) {
    await page.keyboard.press(key);
    const gap = gaps[i % gaps.length] as number;
    if (gap > 0) await page.waitForTimeout(gap);
  }
}

const chars = (text: string) => [...text];

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  })()`);
}

describe('keys typed at human and scanner speed land in the right field', () => {
  let server: TestServer;
  let chromium: Chromium;
  let buyerId: number;

  beforeAll(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
    // As in the demo catalogue: three price tiers, the second at 5 × MOQ.
    await invoke(server.core, 'products.create', {
      itemNo: '02103', names: { zh: '合金锆石戒指', en: 'Alloy zircon ring' }, unit: 'pcs', moq: 120,
      priceTiers: [{ minQty: 120, priceCny: '1.80' }, { minQty: 600, priceCny: '1.71' }, { minQty: 2400, priceCny: '1.62' }],
      packing: { pcsPerInner: 12, pcsPerCarton: 1200, cartonCm: { l: '40', w: '30', h: '25' }, gwKg: '8.5', nwKg: '7.5' },
    });
    await invoke(server.core, 'products.create', {
      itemNo: '09103', names: { zh: '快充数据线 1米', en: 'Fast-charge USB-C cable 1 m' }, unit: 'pcs', moq: 200,
      priceTiers: [{ minQty: 200, priceCny: '2.75' }, { minQty: 1000, priceCny: '2.61' }, { minQty: 4000, priceCny: '2.48' }],
      packing: { pcsPerInner: 50, pcsPerCarton: 500, cartonCm: { l: '50', w: '35', h: '30' }, gwKg: '13', nwKg: '11.4' },
    });
    await invoke(server.core, 'products.create', {
      itemNo: '00123', names: { zh: '惯性回力小汽车', en: 'Friction pull-back toy car' }, unit: 'pcs', moq: 288,
      priceTiers: [{ minQty: 288, priceCny: '2.35' }, { minQty: 1440, priceCny: '2.23' }],
      packing: { pcsPerInner: 24, pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45' }, gwKg: '14.5', nwKg: '12.8' },
    });
    await invoke(server.core, 'products.create', {
      itemNo: '04103', names: { zh: '不锈钢汤锅 24厘米', en: 'Stainless steel stock pot 24 cm' }, unit: 'pcs', moq: 12,
      priceTiers: [{ minQty: 12, priceCny: '36.00' }],
      packing: { pcsPerCarton: 12, cartonCm: { l: '52', w: '52', h: '40' }, gwKg: '14.6', nwKg: '12.8' },
    });
    await invoke(server.core, 'products.create', {
      itemNo: '05103', names: { zh: '男士石英手表 钢带', en: "Men's quartz watch, steel band" }, unit: 'pcs', moq: 50,
      priceTiers: [{ minQty: 50, priceCny: '13.50' }], barcode: withCheckDigit('690123459999'),
      packing: { pcsPerInner: 10, pcsPerCarton: 200, cartonCm: { l: '50', w: '40', h: '30' }, gwKg: '15', nwKg: '13.2' },
    });
    await invoke(server.core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234' });
    await invoke(server.core, 'rates.set', { currency: 'AED', cnyPerUnit: '1.9395' });
    buyerId = (await invoke(server.core, 'buyers.create', { company: 'Lagos Mega Stores Ltd', country: 'NG', currency: 'USD' })).id;
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  it('serves a walk-in from the keyboard alone: WhatsApp number, five lines (one scanned), Alt+A, Alt+P, Alt+D and Enter for the Arabic PDF', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/quotes`);
    await page.getByTestId('new-quote').waitFor();
    // The shortcuts are shown on the buttons.
    expect(await page.getByTestId('new-quote').innerText()).toContain('Alt+N');
    await page.keyboard.press('Alt+N');
    await page.getByTestId('new-quote-buyer').waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedTestId(page)).toBe('new-buyer-whatsapp');
    await keys(page, [...chars('+971 50 111 2233'), 'Enter'], 'human');
    await page.getByTestId('quote-screen').waitFor();
    // The document language follows the number (+971: the UAE, Arabic) and shows on the quote screen.
    await expect.poll(() => page.getByTestId('quote-doc-language').innerText()).toBe('Documents in العربية Arabic');
    await expect.poll(() => focusedTestId(page)).toBe('quote-search');
    for (const [itemNo, qty] of [['02103', '1200'], ['09103', '1000'], ['00123', '']] as const) {
      await keys(page, chars(itemNo), 'human');
      await keys(page, ['Enter', ...chars(qty), 'Enter'], 'human');
    }
    await keys(page, [...chars(withCheckDigit('690123459999')), 'Enter'], 'scanner');
    await keys(page, chars('04103'), 'human');
    await keys(page, ['Enter', ...chars('24'), 'Enter'], 'human');
    await expect.poll(() => page.locator('[data-testid^="amount-"]').count()).toBe(5);
    expect(await page.getByTestId('quote-accept').innerText()).toContain('Alt+A');
    await page.keyboard.press('Alt+A');
    await expect.poll(() => page.getByTestId('quote-status').innerText()).toBe('Accepted');
    expect(await page.getByTestId('quote-make-pi').innerText()).toContain('Alt+P');
    await page.keyboard.press('Alt+P');
    await page.getByTestId('invoice-screen').waitFor();
    // All five lines of the PI are on screen at 1366×768.
    const rows = page.locator('[data-testid="quote-lines"] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(5);
    const body = await page.locator('[data-testid="quote-lines"] .ant-table-body').boundingBox();
    const last = await rows.nth(4).boundingBox();
    expect(last && body && last.y + last.height <= body.y + body.height + 1 && last.y + last.height <= 768).toBe(true);
    // The PDF panel from the keyboard: Alt+D puts the focus in it, Tab walks it, Enter downloads the Arabic PI.
    await page.keyboard.press('Alt+D');
    await page.getByTestId('document-options').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('document-lang');
    expect(await page.getByTestId('document-lang').innerText()).toBe('العربية Arabic');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/-ar\.pdf$/);
    expect(pdfText(fs.readFileSync((await download.path()) as string))).toContain('02103');
    // Every control of the panel is reachable with Tab, the Download button too.
    let steps = 0;
    while ((await focusedTestId(page)) !== 'document-download' && steps < 10) {
      await page.keyboard.press('Tab');
      steps += 1;
      expect(await page.evaluate<boolean>(`document.activeElement?.closest('[data-testid="document-options"]') !== null`)).toBe(true);
    }
    const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(again.suggestedFilename()).toMatch(/-ar\.pdf$/);
    const quote = (await invoke(server.core, 'quotes.list', {})).items.find((q) => q.buyer.company.startsWith('walk-in, +971'));
    const stored = await invoke(server.core, 'quotes.get', { id: quote?.id as number });
    expect(stored.currency).toBe('AED');
    expect(stored.lines.map((l) => [l.product.itemNo, l.qty, l.priceSource])).toEqual([
      ['02103', 1200, 'tier'], ['09103', 1000, 'tier'], ['00123', 288, 'tier'], ['05103', 50, 'tier'], ['04103', 24, 'tier'],
    ]);
    await context.close();
  });

  for (const speed of ['human', 'scanner'] as const) {
    it(`stores the tier price of the typed quantity, and a typed price as typed, when Enter follows at once (${speed} speed)`, async () => {
      const quote = await invoke(server.core, 'quotes.create', { buyerId });
      const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
      await page.goto(`${server.openUrl}#/quotes/${quote.id}`);
      await page.getByTestId('quote-screen').waitFor();
      await expect.poll(() => focusedTestId(page)).toBe('quote-search');

      // The README's way: item no (typed by hand, so it is not a scan), Enter, quantity, Tab, Enter;
      // everything after the item no follows at the given speed without waiting for the screen.
      await keys(page, chars('02103'), 'human');
      await keys(page, ['Enter', ...chars('1200'), 'Tab', 'Enter'], speed);
      await keys(page, chars('09103'), 'human');
      await keys(page, ['Enter', ...chars('1000'), 'Tab', 'Enter'], speed);
      // A price typed by hand after the quantity is kept exactly.
      await keys(page, chars('00123'), 'human');
      await keys(page, ['Enter', ...chars('1440'), 'Tab', ...chars('0.30'), 'Enter'], speed);

      await expect.poll(async () => (await invoke(server.core, 'quotes.get', { id: quote.id })).lines.length, { timeout: 20_000 }).toBe(3);
      await expect
        .poll(async () => (await invoke(server.core, 'quotes.get', { id: quote.id })).lines.map((l) => [l.product.itemNo, l.qty, l.unitPrice, l.priceSource]), { timeout: 20_000 })
        .toEqual([
          ['02103', 1200, '0.24', 'tier'],
          ['09103', 1000, '0.37', 'tier'],
          ['00123', 1440, '0.30', 'typed'],
        ]);
      // The search box is left empty and focused for the next item: no key went astray.
      await expect.poll(() => focusedTestId(page)).toBe('quote-search');
      expect(await page.getByTestId('quote-search').inputValue()).toBe('');
      const stored = await invoke(server.core, 'quotes.get', { id: quote.id });
      expect(stored.totals.amount).toBe('1090.00'); // 1200 × 0.24 + 1000 × 0.37 + 1440 × 0.30 = 288 + 370 + 432
      await context.close();
    });

    // The scanner-speed run failed once under CI load (2026-12-07: the quote screen never came, 20 s;
    // 1 in about 25 full runs, never alone or beside busy loops). One retry while the cause is found: a
    // failure now says what the dialog held. A retry still fails when the key is lost every time.
    it(`adds a walk-in buyer typed into the new-quotation dialog without losing a key (${speed} speed)`, { retry: 1 }, async () => {
      const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
      await page.goto(`${server.openUrl}#/quotes`);
      await page.getByTestId('quotes-page').waitFor();
      await page.getByTestId('new-quote').click();
      await page.getByTestId('new-quote-buyer').waitFor();
      const company = speed === 'human' ? 'Kano Traders' : 'Abuja Bazaar';
      // The new-buyer tab from the keyboard, the local WhatsApp number, the country picked with Enter, then the company right after.
      await page.keyboard.press('Alt+N');
      await expect.poll(() => focusedTestId(page)).toBe('new-buyer-whatsapp');
      await keys(page, [...chars('0803 123 45'), ...chars(speed === 'human' ? '67' : '68'), 'Tab', ...chars('Nigeria'), 'Enter', ...chars(company), 'Enter'], speed);
      await page
        .getByTestId('quote-screen')
        .waitFor({ timeout: 20_000 })
        .catch(async (error: unknown) => {
          const held = await page.evaluate(`(() => {
            const dialog = document.querySelector('[data-testid="new-quote-dialog"]');
            if (!dialog) return 'no dialog';
            const fields = [...dialog.querySelectorAll('input')].map((i) => (i.getAttribute('data-testid') || i.id) + '=' + JSON.stringify(i.value)).join(' ');
            const errors = [...dialog.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent).join(' | ');
            return 'fields: ' + fields + '; errors: ' + (errors || 'none') + '; focus: ' + (document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
          })()`);
          throw new Error(`no quote screen after the last Enter; the dialog holds ${String(held)} (${String(error)})`);
        });
      const found = (await invoke(server.core, 'buyers.search', { query: company })).items;
      expect(found.map((b) => [b.company, b.country, b.docLanguage, b.currency, b.contacts[0]?.whatsapp])).toEqual([
        [company, 'NG', 'en', 'USD', speed === 'human' ? '+2348031234567' : '+2348031234568'],
      ]);
      await context.close();
    });
  }
});
