import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { createLanControl } from '../../main/server/lanListener';
import { rendererDir } from '../../main/server/renderer';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { smallStall } from '../helpers/stall';

describe('owner PIN, backups and pairing in Chromium', () => {
  let server: TestServer;
  let chromium: Chromium;
  let lanUrl: string;
  let stopLan: () => Promise<unknown>;

  beforeAll(async () => {
    server = await startTestServer();
    await smallStall(server.core);
    const lan = createLanControl(server.core, rendererDir(), { host: '127.0.0.1', port: 0 });
    server.core.door.lan = lan;
    stopLan = () => lan.stop();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await stopLan();
    await server.stop();
  });

  it('sets an owner PIN, locks to staff mode and unlocks with the PIN from the header', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/settings`);
    await page.getByTestId('owner-lock').filter({ hasText: 'Set an owner PIN' }).waitFor();
    await page.getByTestId('owner-new-pin').fill('3141');
    await page.getByTestId('owner-repeat-pin').fill('3141');
    await page.getByTestId('owner-save-pin').click();
    await page.getByText('The owner PIN is saved').waitFor();
    await page.locator('[data-testid=owner-lock][data-role=owner]').click();
    await page.locator('[data-testid=owner-lock][data-role=staff]').waitFor();
    // Staff mode: the owner's cards say so instead of showing backups.
    await page.getByTestId('backup-settings').getByText('Backups and restore need the owner PIN.').waitFor();
    await page.getByTestId('owner-lock').click();
    await page.getByTestId('unlock-pin').fill('0000');
    await page.keyboard.press('Enter');
    await page.locator('.ant-form-item-explain-error').filter({ hasText: 'wrong owner PIN' }).waitFor();
    await page.getByTestId('unlock-pin').fill('3141');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=owner-lock][data-role=owner]').waitFor();
    await page.getByTestId('backup-now').waitFor();
    await context.close();
  });

  it('backs up from Settings and shows the time of the last backup', async () => {
    const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
    await page.goto(`${server.openUrl}#/settings`);
    await page.getByTestId('backup-now').click();
    await page.getByText('备份完成').waitFor();
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.getByTestId('snapshots-table').getByText('手动').first().waitFor();
    await context.close();
  });

  it('pairs a tablet with the PIN shown on the PC; once revoked it is asked to pair again', async () => {
    const pc = await newShopPage(chromium.browser, { language: 'en' });
    await pc.page.goto(`${server.openUrl}#/settings`);
    await pc.page.getByTestId('lan-switch').click();
    await pc.page.getByTestId('pair-start').click();
    const pin = (await pc.page.getByTestId('pairing-pin').textContent())?.trim() as string;
    expect(pin).toMatch(/^\d{6}$/);
    lanUrl = `http://127.0.0.1:${server.core.door.lan?.status().port}/`;

    const tablet = await newShopPage(chromium.browser, { language: 'en' });
    await tablet.page.goto(lanUrl);
    await tablet.page.getByTestId('pair-page').waitFor();
    await tablet.page.getByTestId('pair-pin').fill(pin);
    await tablet.page.getByTestId('pair-name').fill('Counter tablet');
    await tablet.page.getByTestId('pair-submit').click();
    await tablet.page.getByTestId('dashboard-page').waitFor();
    const cookies = await tablet.context.cookies();
    expect(cookies.find((c) => c.name === 'sk_device')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The tablet is staff: the header shows it, and a product has no cost price.
    await tablet.page.locator('[data-testid=owner-lock][data-role=staff]').waitFor();
    const seen = await tablet.page.evaluate(async () => (await fetch('./api/products.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"itemNo":"S-1"}' })).json());
    expect(seen).toMatchObject({ itemNo: 'S-1' });
    expect(seen).not.toHaveProperty('costCny');

    await pc.page.getByTestId('devices-table').getByText('Counter tablet').waitFor();
    const device = (await invoke(server.core, 'network.status', {})).devices.find((d) => d.name === 'Counter tablet');
    await pc.page.getByTestId(`revoke-${device?.id}`).click();
    await pc.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await pc.page.getByTestId('devices-table').getByText(/Revoked/).waitFor();

    await tablet.page.reload();
    await tablet.page.getByTestId('pair-page').waitFor();
    await tablet.context.close();
    await pc.context.close();
  });
});
