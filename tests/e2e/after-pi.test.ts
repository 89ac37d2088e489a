import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invoke } from '../../main/api/invoke';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';

type Stall = Awaited<ReturnType<typeof seedAfterPiStall>>;

/** Whether documents.render takes the statement of account yet (branch loopdocs). */

async function attr(page: Page, testId: string, name: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute(name);
}

describe('after the PI in Chromium: factory orders, goods in, delivery, balance, statement', () => {
  let server: TestServer;
  let chromium: Chromium;
  let stall: Stall;

  beforeAll(async () => {
    server = await startTestServer();
    stall = await seedAfterPiStall(server.core);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  it('orders a PI from two factories, receives in two parts, delivers with a warehouse entry number, takes the balance and opens the statement', async () => {
    // An issued PI for Lagos with lines from two factories (Xinda: toy cars, Meili: earrings), its 30 % deposit paid.
    const pi = await issuePi(server.core, stall.buyers.lagos.id, [
      { itemNo: 'TC-100', qty: 576 },
      { itemNo: 'EA-200', qty: 2000 },
    ]);
    await invoke(server.core, 'invoices.addPayment', { id: pi.id, amount: pi.depositDue, method: 'tt', kind: 'deposit', paidOn: pi.issuedOn });

    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/invoices/${pi.id}`);
    await page.getByTestId('after-pi').waitFor();
    await expect.poll(() => attr(page, 'pi-stage', 'data-stage')).toBe('deposit_received');

    // Make purchase orders: one per factory.
    await page.getByTestId('make-orders').click();
    await page.getByTestId('made-orders').waitFor();
    await expect.poll(() => page.getByTestId('made-orders').locator('a').count()).toBe(2);
    const orders = (await invoke(server.core, 'purchases.list', { invoiceId: pi.id })).items;
    expect(orders.map((o) => o.supplier.id).sort()).toEqual([stall.suppliers.xinda.id, stall.suppliers.meili.id].sort());
    const cars = orders.find((o) => o.supplier.id === stall.suppliers.xinda.id);
    const earrings = orders.find((o) => o.supplier.id === stall.suppliers.meili.id);
    if (!cars || !earrings) throw new Error('both orders');

    // The cars' order, opened from the dialog: marked ordered, received in two parts (288 with a note, then the rest).
    await page.getByTestId('made-orders').getByText(cars.number).click();
    await page.getByTestId('purchase-screen').waitFor();
    await page.getByTestId('po-place').click();
    await expect.poll(() => page.getByTestId('po-status').innerText()).toBe('Ordered');
    await page.getByTestId('po-receive').click();
    await page.getByTestId('receive-qty-TC-100').fill('288');
    await page.getByTestId('receive-cartons-TC-100').fill('1');
    await page.getByTestId('receive-note-TC-100').fill('second carton next week');
    await page.getByTestId('receive-ok').click();
    await expect.poll(() => page.getByTestId('po-status').innerText()).toBe('Partly received');
    await expect.poll(() => page.getByTestId('po-received-TC-100').innerText()).toBe('288 / 576');
    await page.getByTestId('po-receive').click();
    await expect.poll(() => page.getByTestId('receive-qty-TC-100').inputValue()).toBe('288');
    await page.getByTestId('receive-ok').click();
    await expect.poll(() => page.getByTestId('po-status').innerText()).toBe('Received');
    await page.getByTestId('po-receipts').getByText('second carton next week').waitFor();

    // The earrings' order: ordered and received at once.
    await page.goto(`${server.openUrl}#/purchases/${earrings.id}`);
    await page.getByTestId('po-place').click();
    await expect.poll(() => page.getByTestId('po-status').innerText()).toBe('Ordered');
    await page.getByTestId('po-receive').click();
    await page.getByTestId('receive-ok').click();
    await expect.poll(() => page.getByTestId('po-status').innerText()).toBe('Received');

    // The dashboard lists the PI as ready to deliver; a click opens it.
    await page.goto(`${server.openUrl}#/`);
    await page.getByTestId(`follow-up-ready_to_deliver-${pi.id}`).click();
    await page.getByTestId('after-pi').waitFor();
    await expect.poll(() => attr(page, 'pi-goods', 'data-goods')).toBe('ready');
    await expect.poll(() => page.getByTestId('pi-received-TC-100').innerText()).toBe('576');

    // Delivered to the buyer's forwarder with the warehouse entry number.
    await page.getByTestId('delivery-new').click();
    await page.getByTestId('delivery-forwarder').locator('input').fill('Lagos Cargo Yiwu Warehouse');
    await page.getByTestId('delivery-entry-no').fill('JC26-1207-088');
    await page.getByTestId('delivery-ok').click();
    await page.getByTestId('pi-deliveries').getByText('JC26-1207-088').waitFor();
    await expect.poll(() => attr(page, 'pi-goods', 'data-goods')).toBe('delivered');
    await expect.poll(() => page.getByTestId('pi-delivered-EA-200').innerText()).toBe('2000');
    const shipments = await invoke(server.core, 'shipments.forInvoice', { invoiceId: pi.id });
    expect(shipments.deliveries).toHaveLength(1);
    expect(shipments.deliveries[0]).toMatchObject({ entryNo: 'JC26-1207-088', forwarder: { name: 'Lagos Cargo Yiwu Warehouse' } });

    // The balance, as the form proposes it.
    const before = await invoke(server.core, 'invoices.get', { id: pi.id });
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe(before.balanceDue);
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => attr(page, 'pi-payment', 'data-payment')).toBe('paid');
    // The PI page shows delivered and paid.
    await expect.poll(() => attr(page, 'pi-stage', 'data-stage')).toBe('paid');
    expect(await page.getByTestId('pi-goods').innerText()).toBe('Delivered');
    expect(await page.getByTestId('pi-stage').innerText()).toBe('Paid');

    // The buyer's statement of account: from the buyer card, nothing left to pay.
    await page.goto(`${server.openUrl}#/buyers/${stall.buyers.lagos.id}`);
    await page.getByTestId('buyer-statement').click();
    await page.getByTestId('statement-page').waitFor();
    await expect.poll(() => page.getByTestId('statement-closing-USD').innerText()).toBe('USD 0.00');
    await page.getByTestId('statement-USD').getByText(pi.number).first().waitFor();
    await page.getByTestId('statement-USD').getByText('JC26-1207-088').waitFor();
    // The PDF button asks documents.render for exactly the contract of the loopdocs branch: kind account, the buyer's id, the language picked.
    await page.getByTestId('statement-pdf').click();
    await page.getByTestId('document-lang').click();
    await page.keyboard.type('Arabic');
    await page.locator('.ant-select-item-option-active', { hasText: 'Arabic' }).waitFor();
    await page.keyboard.press('Enter');
    const [request] = await Promise.all([page.waitForRequest('**/api/documents.render'), page.getByTestId('document-download').click()]);
    expect(JSON.parse(request.postData() ?? '{}')).toMatchObject({ kind: 'account', id: stall.buyers.lagos.id, lang: 'ar' });
    await context.close();
  });

  it("prints the buyer's statement of account in Arabic from its page", async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/statements/${stall.buyers.lagos.id}`);
    await page.getByTestId('statement-USD').waitFor();
    await page.getByTestId('statement-pdf').click();
    await page.getByTestId('document-options').waitFor();
    await page.getByTestId('document-lang').click();
    await page.keyboard.type('Arabic');
    await page.locator('.ant-select-item-option-active', { hasText: 'Arabic' }).waitFor();
    await page.keyboard.press('Enter');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.statSync((await download.path()) as string).size).toBeGreaterThan(0);
    await context.close();
  });

  it('adds a supplier in Chinese on the suppliers page and links a product to it in the product editor with the factory item no', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/suppliers`);
    await page.getByTestId('supplier-new').click();
    await page.getByTestId('supplier-nameZh').fill('永康五金工具厂');
    await page.getByTestId('supplier-nameEn').fill('Yongkang Hardware Tools');
    await page.getByTestId('supplier-wechat').fill('yk_tools');
    await page.getByTestId('supplier-termsText').fill('月结 30 天');
    await page.getByTestId('supplier-save').click();
    await page.getByText('供应商已保存').waitFor();
    const made = (await invoke(server.core, 'suppliers.list', { search: '永康' })).items;
    expect(made).toMatchObject([{ names: { zh: '永康五金工具厂', en: 'Yongkang Hardware Tools' }, wechat: 'yk_tools', paymentTerms: { text: '月结 30 天' } }]);

    await page.goto(`${server.openUrl}#/products?open=${stall.products.tools.id}`);
    await page.getByTestId('field-supplier').locator('input').fill('永康');
    await page.locator('.ant-select-item-option', { hasText: 'Yongkang Hardware Tools' }).click();
    await page.getByTestId('field-supplier-item-no').fill('YK-12');
    await page.getByTestId('editor-save').click();
    await expect.poll(async () => (await invoke(server.core, 'products.get', { id: stall.products.tools.id })).supplierId).toBe(made[0]?.id);
    expect(await invoke(server.core, 'products.get', { id: stall.products.tools.id })).toMatchObject({ supplier: '永康五金工具厂', supplierItemNo: 'YK-12' });
    await context.close();
  });

  it('staff (a locked owner) see no purchase order or supplier cost page', async () => {
    const pi = await issuePi(server.core, stall.buyers.lagos.id, [{ itemNo: 'SK-300', qty: 50 }]);
    await invoke(server.core, 'auth.setOwnerPin', { pin: '3141' });
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/suppliers`);
    await page.locator('[data-testid=owner-lock][data-role=staff]').waitFor();
    // The nav has suppliers (to phone the factories) but no purchase orders.
    await page.getByTestId('suppliers-page').waitFor();
    const nav = await page.locator('.ant-layout-sider .ant-menu').innerText();
    expect(nav).toContain('Suppliers');
    expect(nav).not.toContain('Purchase orders');
    // A supplier's products without their cost prices, and no editing.
    await page.getByTestId(`supplier-row-${stall.suppliers.xinda.id}`).click();
    await page.getByTestId('supplier-products').getByText('TC-100').waitFor();
    expect(await page.getByTestId('supplier-products').innerText()).not.toContain('Cost');
    expect(await page.getByTestId('supplier-products').innerText()).not.toContain('1.60');
    expect(await page.getByTestId('supplier-save').count()).toBe(0);
    // Typing the address of the purchase orders gives a notice, not the orders.
    await page.goto(`${server.openUrl}#/purchases`);
    await page.getByTestId('purchases-owner-only').waitFor();
    expect(await page.getByTestId('purchases-page').count()).toBe(0);
    // The PI page: progress and deliveries, but no "Make purchase orders".
    await page.goto(`${server.openUrl}#/invoices/${pi.id}`);
    await page.getByTestId('after-pi').waitFor();
    await page.getByTestId('delivery-new').waitFor();
    expect(await page.getByTestId('make-orders').count()).toBe(0);
    await context.close();
  });
});
