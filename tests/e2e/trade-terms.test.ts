import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { newShopPage } from './browser';
import { useQuoteStallInChromium } from './quoteStallInChromium';
import { flat, pdfText } from '../helpers/pdfTools';
import { appPath } from '../../main/paths/appRoot';

/** Where the screenshots of the changed screens go (looked at by hand, not compared). */
const SHOTS = appPath('tests', '.output', 'trade-terms');

/**
 * Picks an option of an antd Select: typed into it when it searches, then clicked in the open list.
 * The drawer's form is re-rendered when the quotation it edits is read again, which can close a list
 * that is still opening: then the select is opened again (three tries), as a person would.
 */
async function choose(page: Page, testId: string, typed: string | null, label: string) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId(testId).click();
    if (typed) await page.keyboard.type(typed);
    // The dropdown just opened (an earlier one may still be fading out), the option with exactly this label.
    const option = page.locator('.ant-select-dropdown:visible').last().locator('.ant-select-item-option', { hasText: exact });
    try {
      await option.click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

describe('what a PI carries, set from the screens (Chromium)', () => {
  const t = useQuoteStallInChromium();
  beforeAll(() => void fs.mkdirSync(SHOTS, { recursive: true }));

  it('the quote screen warns before printing when the typed terms contradict the deposit, and the terms drawer sets ports, CIP with its insurance and the balance rule', async () => {
    const quote = await invoke(t.server.core, 'quotes.create', {
      buyerId: t.stall.buyers.lagos.id,
      depositPercent: 30,
      paymentTerms: '50% deposit, balance before shipment',
      lines: [{ itemNo: '00123', cartons: 2 }],
    });
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes/${quote.id}`);
    await expect.poll(() => page.getByTestId('terms-warnings').first().innerText()).toContain('The text says 50% deposit, the quotation asks 30%.');
    // Before printing, in the PDF options too.
    await page.getByTestId('document-button').click();
    await expect.poll(() => page.getByTestId('document-options').innerText()).toContain('The text says 50% deposit');
    await page.keyboard.press('Escape');

    await page.getByTestId('quote-terms').click();
    await choose(page, 'terms-incoterm', null, 'CIP · Carriage and Insurance Paid To');
    await page.getByTestId('terms-port-loading').fill('Ningbo');
    await page.getByTestId('terms-port-destination').fill('Lagos Apapa');
    await choose(page, 'terms-partial', null, 'Not allowed');
    await choose(page, 'terms-transshipment', null, 'Allowed');
    await expect.poll(() => page.getByTestId('terms-insurance').inputValue()).toBe('110');
    await choose(page, 'terms-balance-rule', null, 'Against a copy of the B/L');
    await page.getByTestId('terms-payment').fill('30% deposit, balance against copy of B/L');
    await page.screenshot({ path: path.join(SHOTS, 'terms-drawer-en.png') });
    await page.getByTestId('terms-save').click();
    await expect.poll(async () => (await invoke(t.server.core, 'quotes.get', { id: quote.id })).incoterm).toBe('CIP');
    const saved = await invoke(t.server.core, 'quotes.get', { id: quote.id });
    expect(saved).toMatchObject({ portOfLoading: 'Ningbo', portOfDestination: 'Lagos Apapa', partialShipment: false, transshipment: true, insurancePercent: 110, balanceRule: 'against_bl_copy', termsWarnings: [] });
    // The drawer closes and the screen shows the saved quotation: no warning is in view any more.
    await expect.poll(() => page.locator('[data-testid=terms-warnings]:visible').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'quote-after-save-en.png') });
    await context.close();
  });

  it('the settings page keeps the beneficiary address, bank charges, intermediary bank and signatory; the product editor the origin; the buyer editor the tax number', async () => {
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/settings`);
    await page.getByTestId('seller-beneficiaryAddress').fill('Room 1203, 88 Futian Road, Yiwu, Zhejiang 322000, China');
    await page.getByTestId('seller-intermediaryBankName').fill('Citibank N.A., New York');
    await page.getByTestId('seller-intermediaryBankSwift').fill('citius33');
    await choose(page, 'seller-bankCharges', null, 'SHA: charges shared');
    await page.getByTestId('seller-signatoryName').fill('Wang Li');
    await page.getByTestId('seller-signatoryTitle').fill('Sales Manager');
    await page.screenshot({ path: path.join(SHOTS, 'settings-bank-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await invoke(t.server.core, 'settings.get', {})).seller.signatoryName).toBe('Wang Li');
    expect((await invoke(t.server.core, 'settings.get', {})).seller).toMatchObject({ bankCharges: 'SHA', intermediaryBankSwift: 'CITIUS33', beneficiaryAddress: 'Room 1203, 88 Futian Road, Yiwu, Zhejiang 322000, China' });

    await page.goto(`${t.server.openUrl}#/products?open=${t.stall.products.ball.id}`);
    await page.getByTestId('field-origin').waitFor();
    await choose(page, 'field-origin', 'Vietnam', 'Vietnam (VN)');
    await page.getByTestId('editor-save').click();
    await expect.poll(async () => (await invoke(t.server.core, 'products.get', { id: t.stall.products.ball.id })).origin).toBe('VN');

    await page.goto(`${t.server.openUrl}#/buyers/${t.stall.buyers.lagos.id}/edit`);
    await page.getByTestId('buyer-taxNo').fill('TIN 12345678-0001');
    await page.getByTestId('buyer-save').click();
    await expect.poll(async () => (await invoke(t.server.core, 'buyers.get', { id: t.stall.buyers.lagos.id })).taxNo).toBe('TIN 12345678-0001');
    await context.close();

    // The next PI carries them.
    const quote = await invoke(t.server.core, 'quotes.create', { buyerId: t.stall.buyers.lagos.id, lines: [{ itemNo: '01107', qty: 1000 }] });
    await invoke(t.server.core, 'quotes.accept', { id: quote.id });
    const pi = await invoke(t.server.core, 'invoices.create', { quoteId: quote.id });
    const text = flat(pdfText(Buffer.from((await invoke(t.server.core, 'documents.render', { kind: 'proforma', id: pi.id })).base64, 'base64')));
    for (const expected of ['Made in Vietnam', 'Tax / importer No.: TIN 12345678-0001', 'Beneficiary address: Room 1203', 'Bank charges: SHA (charges shared)', 'Intermediary bank: Citibank N.A., New York, SWIFT CITIUS33', 'Wang Li, Sales Manager']) {
      expect(text).toContain(expected);
    }
  });
});
