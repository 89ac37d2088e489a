import { afterAll, describe, expect, it } from 'vitest';
import { useGermanCatalog } from '../helpers/germanCatalog';

/**
 * A document language added as a file reaches the screens with no change to the page: with `de.json`
 * beside the shipped catalogs (STALLKEEPER_DOC_LOCALES, set before the server's modules load), the
 * PDF button and the buyer's document language offer German, named by the browser ("German").
 */
const german = useGermanCatalog();

const { invoke } = await import('../../main/api/invoke');
const { newShopPage } = await import('./browser');
const { useQuoteStallInChromium } = await import('./quoteStallInChromium');

describe('document languages follow the catalogs on the server (Chromium)', () => {
  const t = useQuoteStallInChromium();
  afterAll(() => german.remove());

  it('offers German on the PDF button once de.json is among the catalogs, and asks documents.render for lang de', async () => {
    const quote = await invoke(t.server.core, 'quotes.create', { buyerId: t.stall.buyers.lagos.id, lines: [{ itemNo: '00123', cartons: 2 }] });
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'en' });
    await page.goto(`${t.server.openUrl}#/quotes/${quote.id}`);
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
    const { context, page } = await newShopPage(t.chromium.browser, { language: 'zh-CN' });
    await page.goto(`${t.server.openUrl}#/buyers/${t.stall.buyers.lagos.id}/edit`);
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
