/**
 * Screenshots of the owner PIN, backup and local-network screens, and of a
 * tablet's pairing page, for docs/screenshots/. Usage: npx tsx scripts/screenshots-security.ts [--out DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../main/core';
import { fillDemo } from '../main/demo/fill';
import { startServer } from '../main/server/server';
import { createLanControl } from '../main/server/lanListener';
import { rendererDir } from '../main/server/renderer';
import { invoke } from '../main/api/invoke';
import { launchChromium, newShopPage } from '../tests/e2e/browser';
import { appPath } from '../main/paths/appRoot';
import { parseArgs } from 'node:util';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-shots-'));
const core = openCore(dir);
await fillDemo(core);
await invoke(core, 'backup.run', {});
const lan = createLanControl(core, rendererDir(), { host: '127.0.0.1', port: 0 });
core.door.lan = lan;
await invoke(core, 'network.setEnabled', { enabled: true });
const server = await startServer({ core, rendererDir: rendererDir(), port: 0 });
const chromium = await launchChromium();
const out = parseArgs({ options: { out: { type: 'string' } } }).values.out ?? appPath('docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
for (const language of ['en', 'zh-CN'] as const) {
  const { context, page } = await newShopPage(chromium.browser, { language });
  await invoke(core, 'network.stopPairing', {});
  await page.goto(`${server.openUrl}#/settings`);
  await page.getByTestId('backup-settings').waitFor();
  await page.getByTestId('pair-start').click();
  await page.getByTestId('pairing-pin').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/settings-security-${language === 'en' ? 'en' : 'zh'}.png`, fullPage: true });
  await context.close();
}
// Staff mode at the PC: the lock in the header, products without cost.
await invoke(core, 'auth.setOwnerPin', { pin: '2468' }, { session: { role: 'owner', seat: core.security.pc } });
core.security.pc.lock();
{
  const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
  await page.goto(`${server.openUrl}#/settings`);
  await page.getByTestId('owner-settings').waitFor();
  await page.getByTestId('owner-lock').click();
  await page.getByTestId('unlock-pin').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/unlock-en.png` });
  await page.getByTestId('unlock-pin').fill('2468');
  await page.keyboard.press('Enter');
  await page.locator('[data-role=owner]').waitFor();
  await context.close();
}
// A device: the pairing page.
const { context, page } = await newShopPage(chromium.browser, { language: 'zh-CN' });
await page.setViewportSize({ width: 800, height: 1100 });
await page.goto(`http://127.0.0.1:${lan.status().port}/`);
await page.getByTestId('pair-page').waitFor();
await page.screenshot({ path: `${out}/pair-device-zh.png` });
await context.close();
await chromium.close();
await server.close();
await lan.stop();
core.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stderr.write(`screenshots in ${out}\n`);
