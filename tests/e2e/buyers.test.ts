import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';

describe('buyers in Chromium', () => {
  let server: TestServer;
  let chromium: Chromium;

  beforeAll(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
    await invoke(server.core, 'products.create', { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car', ar: 'سيارة' } });
    await invoke(server.core, 'products.create', { itemNo: '04107', names: { zh: '不锈钢汤锅', en: 'Stainless stock pot' } });
    await invoke(server.core, 'products.create', { itemNo: '05112', names: { zh: '智能手环', en: 'Smart band' } });
    await invoke(server.core, 'buyers.create', { company: 'Lagos Mega Stores', country: 'NG', contacts: [{ name: 'Chinedu Okafor', whatsapp: '0803 123 4567' }] });
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
  });

  it('adds a buyer from Egypt with a local number, stores it as E.164, logs a visit with two products, and finds the buyer by an Arabic name', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/buyers`);
    await page.getByTestId('buyers-page').waitFor();
    await page.getByTestId('buyer-add').click();
    await page.getByTestId('buyer-editor').waitFor();

    await page.getByTestId('buyer-company').fill('Cairo Star Import & Export');
    // The country picker finds Egypt by its Arabic name.
    await page.getByTestId('buyer-country').click();
    await page.keyboard.type('مصر');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Egypt (EG)' }).click();
    await page.getByTestId('buyer-city').fill('Cairo');
    await page.getByTestId('contact-0-name').fill('أحمد مصطفى');
    await page.getByTestId('contact-0-whatsapp').fill('0100 123 4567');
    await page.getByTestId('contact-0-email').fill('Ahmed@CairoStar.example');
    await page.getByTestId('buyer-save').click();

    await page.getByTestId('buyer-detail').waitFor();
    await page.getByTestId('buyer-company').filter({ hasText: 'Cairo Star Import & Export' }).waitFor();
    const whatsapp = page.getByTestId('whatsapp-0');
    expect(await whatsapp.getAttribute('href')).toBe('https://wa.me/201001234567');
    expect(await whatsapp.getAttribute('target')).toBe('_blank');
    expect(await page.getByTestId('email-0').getAttribute('href')).toBe('mailto:ahmed@cairostar.example');

    const stored = (await invoke(server.core, 'buyers.search', { query: 'cairo star' })).items[0];
    expect(stored?.country).toBe('EG');
    expect(stored?.contacts[0]?.whatsapp).toBe('+201001234567');

    // The editor shows what was stored: E.164.
    await page.getByTestId('buyer-edit').click();
    await page.getByTestId('buyer-editor').waitFor();
    await expect.poll(() => page.getByTestId('contact-0-whatsapp').inputValue()).toBe('+201001234567');
    await page.goBack();
    await page.getByTestId('buyer-detail').waitFor();

    // Log a visit with two products of interest, picked by item no and by name.
    await page.getByTestId('visit-add').click();
    await page.getByTestId('visit-form').waitFor();
    await page.getByTestId('visit-staff').locator('input').fill('Lily');
    await page.getByTestId('visit-products').click();
    await page.keyboard.type('00123');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Pull-back car' }).click();
    await page.keyboard.type('stock pot');
    await page.locator('.ant-select-item-option').filter({ hasText: '04107' }).click();
    await page.getByTestId('visit-notes').fill('Wants red and blue, 2 cartons each');
    await page.getByTestId('visit-save').click();
    await page.getByTestId('visit-product-00123').waitFor();
    await page.getByTestId('visit-product-04107').waitFor();
    const timeline = await invoke(server.core, 'buyers.timeline', { id: stored?.id as number });
    expect(timeline[0]).toMatchObject({ kind: 'visit', visit: { staff: 'Lily', notes: 'Wants red and blue, 2 cartons each' } });
    expect(timeline[0]?.kind === 'visit' && timeline[0].visit.products.map((p) => p.itemNo)).toEqual(['00123', '04107']);

    // Find the buyer by the contact's Arabic name, typed without the hamza.
    await page.goto(`${server.openUrl}#/buyers`);
    await page.getByTestId('buyers-page').waitFor();
    await page.getByTestId('buyer-search').locator('input').fill('احمد');
    await page.locator('tr.ant-table-row').filter({ hasText: 'Cairo Star Import & Export' }).waitFor();
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('shows a bad phone number next to its field, then warns about the WhatsApp of a stored buyer and opens that buyer', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/buyers/new`);
    await page.getByTestId('buyer-editor').waitFor();
    await page.getByTestId('buyer-company').fill('Lagos Mega Stores Ltd');
    await page.getByTestId('buyer-country').click();
    await page.keyboard.type('尼日利亚');
    await page.locator('.ant-select-item-option').filter({ hasText: '(NG)' }).first().click();
    await page.getByTestId('contact-0-whatsapp').fill('12345');
    await page.getByTestId('buyer-save').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '不是有效的电话号码' }).waitFor();
    expect((await invoke(server.core, 'buyers.search', { query: 'Lagos' })).total).toBe(1);

    await page.getByTestId('contact-0-whatsapp').fill('+234 803 123 4567');
    await page.getByTestId('buyer-save').click();
    await page.getByText('这个客户可能已经存在').waitFor();
    await page.getByText('WhatsApp 相同 +2348031234567').waitFor();
    const existing = (await invoke(server.core, 'buyers.search', { query: 'Lagos Mega Stores' })).items;
    expect(existing).toHaveLength(1);
    await page.getByTestId(`duplicate-open-${existing[0]?.id}`).click();
    await page.getByTestId('buyer-detail').waitFor();
    await page.getByTestId('buyer-company').filter({ hasText: 'Lagos Mega Stores' }).waitFor();
    expect((await invoke(server.core, 'buyers.search', { query: 'Lagos' })).total).toBe(1);
    await context.close();
  }, 180_000);
});
