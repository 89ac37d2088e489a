import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { sampleRows, toCsvText } from '../helpers/catalogCsv';
import { tempDir } from '../helpers/tempCore';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    return { code: await runCli(args), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('catalog commands', () => {
  const folder = tempDir('sk-cli-catalog-');
  const data = path.join(folder.dir, 'stall');
  const file = (name: string) => path.join(folder.dir, name);
  afterAll(() => folder.remove());

  it('refuses a file with invalid rows, lists them as "row N: field: reason", writes nothing and exits 1', async () => {
    const rows = sampleRows(5);
    (rows[3] as Record<string, string>).barcode = '6901234567891';
    fs.writeFileSync(file('bad.csv'), toCsvText(rows));
    const r = await cli(['import-products', file('bad.csv'), '--data', data]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('row 4: barcode: is not a valid EAN-13, UPC-A or EAN-8 barcode (check digit)');
    expect(r.out).toMatch(/Nothing imported .*--skip-invalid/);
    const core = openCore(data);
    expect((await invoke(core, 'products.search', {})).total).toBe(0);
    core.close();
  });

  it('checks a file with --dry-run, then imports the valid rows with --skip-invalid, with photos from a folder', async () => {
    const dry = await cli(['import-products', file('bad.csv'), '--data', data, '--dry-run', '--skip-invalid']);
    expect(dry.out).toMatch(/Dry run .*nothing written: 5 rows: 4 new, 0 changed, 0 unchanged, 1 invalid/);
    fs.mkdirSync(file('photos'));
    fs.writeFileSync(file('photos/000001.jpg'), await sharp({ create: { width: 50, height: 50, channels: 3, background: '#abc' } }).jpeg().toBuffer());
    const r = await cli(['import-products', file('bad.csv'), '--data', data, '--skip-invalid', '--photos', file('photos')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/4 new, 0 changed, 0 unchanged, 1 invalid; \d+ stock movements; 1 photo files, 1 products with new photos/);
  });

  it('exports CSV and XLSX that import back unchanged, and maps a header by hand', async () => {
    expect((await cli(['export-products', '--data', data, '--out', file('out.xlsx')])).code).toBe(0);
    const again = await cli(['import-products', file('out.xlsx'), '--data', data]);
    expect(again.out).toMatch(/4 rows: 0 new, 0 changed, 4 unchanged, 0 invalid; 0 stock movements/);
    fs.writeFileSync(file('fr.csv'), 'Réf;Désignation;Prix\n000001;Voiture;9.99\n');
    const mapped = await cli(['import-products', file('fr.csv'), '--data', data, '--map', 'Réf=item_no', '--map', 'Désignation=name_fr', '--map', 'Prix=price_cny']);
    expect(mapped.code, mapped.err).toBe(0);
    expect(mapped.out).toMatch(/1 rows: 0 new, 1 changed/);
    expect((await cli(['export-products', '--data', data, '--out', file('out.pdf')])).code).toBe(2);
  });

  it('prints sample tags for chosen item numbers', async () => {
    const r = await cli(['sample-tags', '--data', data, '--out', file('tags.pdf'), '--items', '000001,000002', '--price', 'code', '--copies', '2']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/4 tags on 1 page/);
    expect(fs.readFileSync(file('tags.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
