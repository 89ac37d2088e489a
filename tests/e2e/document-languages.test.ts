import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGermanCatalog } from '../helpers/germanCatalog';

/**
 * A document language added as a file reaches the screens with no change to the page: with `de.json`
 * beside the shipped catalogs (STALLKEEPER_DOC_LOCALES, set before the server's modules load), the
 * PDF button and the buyer's document language offer German, named by the browser ("German").
 */
const german = useGermanCatalog();

const { invoke } = await import('../../main/api/invoke');
const { launchChromium, newShopPage } = await import('./browser');
const { startTestServer } = await import('../helpers/server');
const { seedQuoteStall } = await import('../helpers/quoteStall');

describe('document languages follow the catalogs on the server (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let stall: Awaited<ReturnType<typeof seedQuoteStall>>;

  beforeAll(async () => {
    server = await startTestServer();
    stall = await seedQuoteStall(server.core);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
    german.remove();
  });

  it('offers German on the PDF button once de.json is among the catalogs, and asks documents.render for lang de', async () => {
    const quote = await invoke(server.core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123', cartons: 2 }] });
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/quotes/${quote.id}`);
    await page.getByTestId('document-button').click();
    await page.getByTestId('document-lang').click();
    await page.keyboard.type('German');
    await page.locator('.ant-select-item-option-active', { hasText: 'German' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('document-lang').innerText()).toBe('German');
    const [request] = await Promise.all([page.waitForRequest('**/api/documents.render'), page.getByTestId('document-download').click()]);
    expect(JSON.parse(request.postData() ?? '{}')).toMatchObject({ kind: 'quotation', id: quote.id, lang: 'de' });
    await context.close();
  });

  it("lets a buyer's documents go out in German, named in the UI's language (德语 in Chinese)", async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/buyers/${stall.buyers.lagos.id}/edit`);
    const field = page.locator('.ant-form-item', { has: page.getByText('单据语言', { exact: true }) }).locator('.ant-select');
    // Picked again if the stored buyer arrived after the first pick and filled the form over it.
    await expect
      .poll(async () => {
        await field.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '德语' }).click();
        return field.innerText();
      }, { timeout: 20_000 })
      .toBe('德语');
    await context.close();
  });
});
