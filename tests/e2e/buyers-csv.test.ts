import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { launchChromium, newShopPage, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { tempDir } from '../helpers/tempCore';

/**
 * printf '公司;国家;城市;电话;备注\r\n开罗之星;EG;Cairo;+20 100 123 4567;"箱唛: 开罗; 蓝色"\r\n义乌商行;CN;义乌;;=1+1\r\n' | iconv -f UTF-8 -t GB18030
 * (a buyer list as Excel in China saves it: GB18030, semicolons where the system list separator says so).
 */
const GB18030_FILE =
  'b9abcbbe3bb9fabcd23bb3c7cad03bb5e7bbb03bb1b8d7a20d0abfaac2ded6aed0c73b45473b436169726f3b2b3230203130302031323320343536373b22cfe4dfe93a20bfaac2de3b20c0b6c9ab220d0ad2e5cedac9ccd0d03b434e3bd2e5ceda3b3b3d312b310d0a';

describe('the buyers CSV in Chromium (main/csv through the import wizard and the export button)', () => {
  let server: TestServer;
  let chromium: Chromium;
  const files = tempDir('sk-buyers-csv-');
  const shots = path.join(process.env.STALLKEEPER_SHOTS ?? files.dir, 'shots');

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    server = await startTestServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
    await server.stop();
    files.remove();
  });

  it('imports a GB18030 semicolon list through the wizard, then downloads a CSV with a BOM, CRLF and formula cells as text', async () => {
    const file = path.join(files.dir, '客户.csv');
    fs.writeFileSync(file, Buffer.from(GB18030_FILE, 'hex'));
    const { context, page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/buyers`);
    await page.getByTestId('buyers-page').waitFor();
    await page.getByTestId('buyers-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    const check = page.getByTestId('import-check');
    await check.getByText('2 rows: 2 new, 0 updated, 0 unchanged, 0 problems').waitFor();
    // The Chinese headers and values are read as Chinese, the quoted ";" stays inside its cell.
    const columns = page.getByTestId('import-columns');
    await columns.getByText('开罗之星').waitFor();
    await columns.getByText('箱唛: 开罗; 蓝色').waitFor();
    await page.screenshot({ path: path.join(shots, 'buyers-import-gb18030.png') });
    await page.getByTestId('import-run').click();
    await page.getByText('Imported: 2 new, 0 updated, 0 unchanged').first().waitFor();
    const stored = (await invoke(server.core, 'buyers.list', { limit: 10 })).items;
    expect(stored.map((b) => [b.company, b.city, b.notes]).sort()).toEqual([['义乌商行', '义乌', '=1+1'], ['开罗之星', 'Cairo', '箱唛: 开罗; 蓝色']]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('buyers-export').click()]);
    const bytes = fs.readFileSync((await download.path()) as string);
    fs.writeFileSync(path.join(shots, 'buyers-export.csv'), bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const [, first, second] = text.split('\r\n');
    expect(first?.startsWith('开罗之星,EG,Cairo,')).toBe(true);
    expect(second?.startsWith('义乌商行,CN,义乌,,')).toBe(true);
    expect(text).toMatch(/,'\+20 [0-9 ]+,/);
    expect(text).toContain(",'=1+1,");
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    await context.close();
  }, 120_000);
});
