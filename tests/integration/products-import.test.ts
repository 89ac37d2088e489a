import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { importProducts, problemText, type PhotoSource } from '../../main/imports/service';
import { exportProducts } from '../../main/imports/export';
import { readSheet } from '../../main/imports/readFile';
import { sampleRows, SAMPLE_HEADERS, toCsvText } from '../helpers/catalogCsv';
import { tempCore, tempDir } from '../helpers/tempCore';

type Core = ReturnType<typeof tempCore>;

function run(core: Core, fileName: string, content: string | Buffer, extra: Partial<Parameters<typeof importProducts>[1]> = {}) {
  return importProducts(core, { fileName, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), owner: true, ...extra });
}

const lines = (report: Awaited<ReturnType<typeof importProducts>>) => report.problems.map((p) => problemText(p, 'en'));
const count = (core: Core, table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function exportedRows(core: Core, format: 'csv' | 'xlsx') {
  const { bytes } = await exportProducts(core, format, true);
  const sheet = await readSheet(`x.${format}`, bytes);
  return sheet.rows.map((cells) => Object.fromEntries(sheet.headers.map((h, i) => [h, cells[i] ?? ''])));
}

describe('product import and export', () => {
  let core: Core;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('imports a real-looking 2,000-row CSV and exports every value back exactly; XLSX export and import give the same catalog', async () => {
    const rows = sampleRows(2000);
    const report = await run(core, 'catalog.csv', toCsvText(rows));
    expect(lines(report)).toEqual([]);
    expect(report).toMatchObject({ written: true, rows: 2000, created: 2000, invalid: 0 });
    const back = await exportedRows(core, 'csv');
    expect(back).toHaveLength(2000);
    const byItem = new Map(back.map((r) => [r.item_no, r]));
    for (const row of rows) {
      const out = byItem.get(row.item_no as string);
      for (const h of SAMPLE_HEADERS) expect(out?.[h], `${row.item_no} ${h}`).toBe(row[h]);
    }
    // Round trip through XLSX into another data folder: the same catalog, CSV byte for byte.
    const other = tempCore();
    try {
      const xlsx = await exportProducts(core, 'xlsx', true);
      const again = await run(other, 'catalog.xlsx', xlsx.bytes);
      expect(lines(again)).toEqual([]);
      expect((await exportProducts(other, 'csv', true)).bytes.equals((await exportProducts(core, 'csv', true)).bytes)).toBe(true);
    } finally {
      other.remove();
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    const text = toCsvText(sampleRows(300));
    await run(core, 'catalog.csv', text);
    const before = core.db.prepare('SELECT id, updated_at FROM products ORDER BY id').all();
    const moves = count(core, 'stock_moves');
    const again = await run(core, 'catalog.csv', text);
    expect(again).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 300, stockMovements: 0 });
    expect(core.db.prepare('SELECT id, updated_at FROM products ORDER BY id').all()).toEqual(before);
    expect(count(core, 'stock_moves')).toBe(moves);
  });

  it('lists every invalid row as "row N: field: reason" and writes nothing', async () => {
    const rows = sampleRows(6);
    (rows[1] as Record<string, string>).barcode = '6901234567891';
    (rows[2] as Record<string, string>).price_cny = '2,35';
    (rows[3] as Record<string, string>).item_no = '';
    (rows[4] as Record<string, string>).item_no = (rows[0] as Record<string, string>).item_no as string;
    (rows[5] as Record<string, string>).nw_kg = '99';
    const report = await run(core, 'bad.csv', toCsvText(rows));
    expect(report.written).toBe(false);
    expect(lines(report)).toEqual([
      'row 2: barcode: is not a valid EAN-13, UPC-A or EAN-8 barcode (check digit)',
      'row 3: price_cny: "2,35": use a dot for decimals (2.35, not 2,35)',
      'row 4: item_no: is empty',
      'row 5: item_no: 000001 is also on row 1',
      'row 6: nw_kg: the net weight is more than the gross weight',
    ]);
    expect(count(core, 'products')).toBe(0);
    expect(count(core, 'stock_moves')).toBe(0);
  });

  it('refuses a record with fewer or more fields than the header by its row number, and writes nothing', async () => {
    const rows = sampleRows(25);
    const records = parse(toCsvText(rows), { bom: true }) as string[][];
    const header = (records[0] as string[]).length;
    // Row 21 cut short (a truncated line), row 23 with one field too many.
    records[21] = (records[21] as string[]).slice(0, header - 2);
    (records[23] as string[]).push('extra');
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const report = await run(core, 'catalog.csv', records.map((r) => r.map(field).join(',')).join('\n'));
    expect(lines(report)).toEqual([`row 21: ${header - 2} fields, the header has ${header}`, `row 23: ${header + 1} fields, the header has ${header}`]);
    expect(report.written).toBe(false);
    expect(count(core, 'products')).toBe(0);
  });

  it('gives the problems in Chinese for a Chinese caller', async () => {
    const rows = sampleRows(2);
    (rows[1] as Record<string, string>).moq = '十';
    const report = await run(core, 'bad.csv', toCsvText(rows));
    expect(report.problems.map((p) => problemText(p, 'zh'))).toEqual(['第 2 行：moq：“十” 不是整数']);
  });

  it('writes only the valid rows with skipInvalid, and nothing at all in a dry run', async () => {
    const rows = sampleRows(4);
    (rows[2] as Record<string, string>).pcs_per_carton = '7';
    const text = toCsvText(rows);
    const dry = await run(core, 'x.csv', text, { dryRun: true, skipInvalid: true });
    expect(dry).toMatchObject({ written: false, dryRun: true, created: 3, invalid: 1 });
    expect(count(core, 'products')).toBe(0);
    const report = await run(core, 'x.csv', text, { skipInvalid: true });
    expect(report).toMatchObject({ written: true, created: 3, invalid: 1 });
    expect(lines(report)[0]).toMatch(/^row 3: pcs_per_carton: 7 pcs per carton is not a whole number of inner boxes/);
    expect(count(core, 'products')).toBe(3);
  });

  it('reads a semicolon CSV in GB18030 with Chinese headers, LF line ends and a carton size in one cell', async () => {
    const text = '货号;中文品名;英文品名;单价(元);起订量;装箱数;外箱规格;毛重(kg);库存\n00123;惯性回力小汽车;"Pull-back car; red";2.35;288;288;62*40*45.5;14.5;2880\n';
    const bytes = encodeGb18030(text);
    const report = await run(core, 'price list.csv', bytes);
    expect(lines(report)).toEqual([]);
    expect(report).toMatchObject({ delimiter: ';', encoding: 'gb18030', created: 1 });
    const p = await invoke(core, 'products.get', { itemNo: '00123' });
    expect(p).toMatchObject({
      names: { zh: '惯性回力小汽车', en: 'Pull-back car; red' },
      moq: 288,
      priceTiers: [{ minQty: 288, priceCny: '2.35' }],
      packing: { pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45.5' }, cbmPerCarton: '0.1128', gwKg: '14.5' },
      stock: { onHand: 2880, reserved: 0, available: 2880 },
    });
  });

  it('reads UTF-16 with a BOM in either byte order (Excel\'s "Unicode text", tab-separated), as the buyers import does', async () => {
    const text = '货号\t中文品名\t英文品名\t单价\n00123\t惯性回力小汽车\tPull-back car\t2.35\n';
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    for (const [bytes, encoding] of [[le, 'utf-16le'], [Buffer.from(le).swap16(), 'utf-16be']] as const) {
      const target = tempCore();
      try {
        const report = await run(target, 'unicode.txt.csv', bytes);
        expect(lines(report)).toEqual([]);
        expect(report).toMatchObject({ delimiter: '\t', encoding, created: 1 });
        expect((await invoke(target, 'products.get', { itemNo: '00123' })).names).toMatchObject({ zh: '惯性回力小汽车', en: 'Pull-back car' });
      } finally {
        target.remove();
      }
    }
  });

  it('keeps item numbers and barcodes of an XLSX exactly, numbers or text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报价单');
    sheet.addRow(['货号', '品名', 'English name', '条码', '单价', '装箱数']);
    sheet.addRow([123, '发夹', 'Hair clip', 6901234567892, 0.0525, 1200]);
    sheet.getCell('A2').numFmt = '00000';
    sheet.addRow(['2E05', '项链', 'Necklace', '0012345678905', { formula: '1+1.5', result: 2.5 }, '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await run(core, 'quote.xlsx', bytes);
    expect(lines(report)).toEqual([]);
    const a = await invoke(core, 'products.get', { itemNo: '00123' });
    expect(a).toMatchObject({ barcode: '6901234567892', priceTiers: [{ minQty: 1, priceCny: '0.0525' }], packing: { pcsPerCarton: 1200 } });
    const b = await invoke(core, 'products.get', { itemNo: '2E05' });
    expect(b).toMatchObject({ barcode: '0012345678905', priceTiers: [{ minQty: 1, priceCny: '2.50' }] });
    // Export writes them as text cells.
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await exportProducts(core, 'xlsx', true)).bytes as unknown as ArrayBuffer);
    const ws = out.worksheets[0] as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const values = [2, 3].map((r) => [ws.getRow(r).getCell(col('item_no')).value, ws.getRow(r).getCell(col('barcode')).value]);
    expect(values).toEqual([['00123', '6901234567892'], ['2E05', '0012345678905']]);
    expect(ws.getRow(2).getCell(col('item_no')).numFmt).toBe('@');
  });

  it('sets on hand from stock_qty through an opening movement, then an adjustment of the difference', async () => {
    const file = (qty: string) => `item_no,name_en,stock_qty\r\nA1,Ball,${qty}\r\n`;
    await run(core, 'stock.csv', file('100'));
    await run(core, 'stock.csv', file('96'));
    await run(core, 'stock.csv', file('96'));
    await run(core, 'stock.csv', file(''));
    const p = await invoke(core, 'products.get', { itemNo: 'A1' });
    const history = await invoke(core, 'stock.history', { productId: p.id });
    expect(history.items.map((m) => [m.kind, m.onHandDelta, m.reason, m.onHandAfter])).toEqual([
      ['adjust', -4, 'stock count (import)', 96],
      ['receive', 100, 'opening', 100],
    ]);
  });

  it('updates only the columns in the file; an empty cell clears its field; price_cny alone changes the first tier', async () => {
    await invoke(core, 'products.create', {
      itemNo: 'B7', names: { zh: '杯子', en: 'Cup' }, notes: 'fragile', supplier: 'Factory 9', moq: 100,
      priceTiers: [{ minQty: 100, priceCny: '3.00' }, { minQty: 1000, priceCny: '2.80' }],
    });
    const report = await run(core, 'u.csv', 'item_no,notes,price_cny\r\nb7,,3.10\r\n');
    expect(report).toMatchObject({ updated: 1, created: 0 });
    const p = await invoke(core, 'products.get', { itemNo: 'B7' });
    expect(p).toMatchObject({ itemNo: 'B7', notes: '', supplier: 'Factory 9', names: { zh: '杯子', en: 'Cup' } });
    expect(p.priceTiers).toEqual([{ minQty: 100, priceCny: '3.10' }, { minQty: 1000, priceCny: '2.80' }]);
  });

  it('reads columns mapped by hand, and asks for an item no column otherwise', async () => {
    const text = 'Art.,Bezeichnung,Preis\r\n7788,Teddy bear,12.50\r\n';
    const unmapped = await run(core, 'de.csv', text);
    expect(lines(unmapped)).toEqual(['item_no: no column holds the item no (货号)']);
    const report = await run(core, 'de.csv', text, { columns: ['item_no', 'name_en', 'price_cny'] });
    expect(report).toMatchObject({ written: true, created: 1 });
    expect(report.columns.map((c) => c.field)).toEqual(['item_no', 'name_en', 'price_cny']);
    expect((await invoke(core, 'products.get', { itemNo: '7788' })).priceTiers).toEqual([{ minQty: 1, priceCny: '12.50' }]);
  });

  it('attaches photos from a folder by file name, the plain name as cover, and reports files it cannot use', async () => {
    const folder = tempDir('sk-photos-');
    try {
      const jpeg = (color: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
      fs.writeFileSync(path.join(folder.dir, '00123-2.jpg'), await jpeg('#00f'));
      fs.writeFileSync(path.join(folder.dir, '00123.jpg'), await jpeg('#f00'));
      fs.writeFileSync(path.join(folder.dir, '99999.jpg'), await jpeg('#0f0'));
      fs.writeFileSync(path.join(folder.dir, 'notes.txt'), 'not a photo');
      const source: PhotoSource = { names: fs.readdirSync(folder.dir), read: (n) => fs.promises.readFile(path.join(folder.dir, n)) };
      const text = 'item_no,name_en\r\n00123,Car\r\n';
      const report = await run(core, 'p.csv', text, { photos: source });
      expect(report).toMatchObject({ written: true, photoFiles: 2, productsWithNewPhotos: 1 });
      expect(report.warnings.map((w) => problemText(w, 'en'))).toEqual(['photo 99999.jpg: no product has this item no; ignored']);
      const p = await invoke(core, 'products.get', { itemNo: '00123' });
      expect(p.photos).toHaveLength(2);
      const cover = await sharp(path.join(core.paths.photos, 'thumbs', p.photos[0]?.hash.slice(0, 2) as string, `${p.photos[0]?.hash}.jpg`)).stats();
      expect(cover.dominant.r).toBeGreaterThan(200);
      const again = await run(core, 'p.csv', text, { photos: source });
      expect(again).toMatchObject({ unchanged: 1, productsWithNewPhotos: 0 });

      fs.writeFileSync(path.join(folder.dir, '00123-3.jpg'), 'broken');
      const broken = await run(core, 'p.csv', text, { photos: { ...source, names: fs.readdirSync(folder.dir) } });
      expect(broken.written).toBe(false);
      expect(lines(broken)).toEqual(['photo 00123-3.jpg: is not an image file that can be read (use JPEG, PNG or WebP)']);
    } finally {
      folder.remove();
    }
  });

  it('refuses a file that is not a product list, naming the file', async () => {
    await expect(run(core, 'x.xlsx', 'plain text')).rejects.toMatchObject({ field: 'file' });
    await expect(run(core, 'x.xls', 'whatever')).rejects.toThrow(/\.xls/);
    await expect(run(core, 'x.csv', 'item_no,name_en\r\n"unterminated,quote\r\n')).rejects.toThrow(/file: is not a readable CSV file \(Quote Not Closed/);
    expect(count(core, 'products')).toBe(0);
  });

  it('goes through the API door with the problems as lines in the caller language', async () => {
    const csv = toCsvText([{ ...(sampleRows(1)[0] as Record<string, string>), moq: '-5' }]);
    const result = await invoke(core, 'products.import', { file: { fileName: 'a.csv', dataBase64: Buffer.from(csv).toString('base64') } }, { locale: 'zh' });
    expect(result.problems.map((p) => p.message)).toEqual(['第 1 行：moq：不能为负数']);
    const csvExport = await invoke(core, 'products.export', { format: 'csv' }, { session: { role: 'staff' } });
    const header = (parse(Buffer.from(csvExport.dataBase64, 'base64'), { bom: true, to_line: 1 }) as string[][])[0];
    expect(header).not.toContain('cost_cny');
    expect(header).toContain('price_tiers');
  });
});

/** GB18030 bytes of a text (Node has a decoder but no encoder): through a code-point table of the characters used. */
function encodeGb18030(text: string): Buffer {
  const chars = [...new Set([...text].filter((c) => c.charCodeAt(0) > 127))];
  // Build the table by decoding every two-byte GBK code and keeping the ones we need.
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe && table.size < chars.length; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const c = decoder.decode(Uint8Array.from([hi, lo]));
      if (chars.includes(c) && !table.has(c)) table.set(c, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code <= 127) out.push(code);
    else {
      const pair = table.get(c);
      if (!pair) throw new Error(`no GB18030 code for ${c}`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}
