import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import { priceCode } from '../../main/labels/sampleTags';
import { tempCore, tempDir } from '../helpers/tempCore';

describe('sample tags', () => {
  const core = tempCore();
  const out = tempDir('sk-tags-');
  const ids: number[] = [];
  beforeAll(async () => {
    await invoke(core, 'settings.update', { seller: { stallNumber: 'District 2, Gate 7, Stall 21345' } });
    ids.push(
      (await invoke(core, 'products.create', {
        itemNo: '00123', names: { zh: '惯性回力小汽车', en: 'Friction pull-back toy car', ar: 'سيارة لعبة بالاحتكاك', ru: 'Инерционная машинка' }, moq: 288, unit: 'pcs',
        priceTiers: [{ minQty: 288, priceCny: '2.35' }, { minQty: 1440, priceCny: '2.23' }], packing: { pcsPerCarton: 288 }, barcode: '6901234567892',
      })).id,
    );
    for (let i = 1; i <= 24; i += 1) {
      ids.push((await invoke(core, 'products.create', { itemNo: `T${String(i).padStart(3, '0')}`, names: { zh: `发夹 ${i}号`, en: `Hair clip no. ${i}` }, moq: 100, priceTiers: [{ minQty: 100, priceCny: '0.0525' }] })).id);
    }
  });
  afterAll(() => {
    core.remove();
    out.remove();
  });

  async function pdf(input: Parameters<typeof invoke<'products.sampleTags'>>[2]) {
    const result = await invoke(core, 'products.sampleTags', input);
    const file = path.join(out.dir, `tags-${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, Buffer.from(result.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { result, file, text };
  }

  it('prints 24 tags per A4 page with item no, names, price, MOQ, packing and the stall', async () => {
    const { result, file, text } = await pdf({ productIds: ids });
    expect(result).toMatchObject({ tags: 25, pages: 2, mime: 'application/pdf' });
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2[\s\S]*Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    for (const expected of ['00123', '惯性回力小汽车', 'Friction pull-back toy car', '¥2.35/pcs', 'MOQ 288 pcs · 288 pcs/ctn', 'T024', '¥0.0525/pcs', 'Stall 21345']) {
      expect(text).toContain(expected);
    }
  });

  it('draws a barcode beside the text of a tag', async () => {
    const { file } = await pdf({ productIds: [ids[0] as number] });
    execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', file, path.join(out.dir, 'page')]);
    const png = path.join(out.dir, 'page-1.png');
    // The right half of the first 70 × 37 mm tag: the EAN-13 bars.
    const { width } = await sharp(png).metadata();
    const tagW = Math.round((width as number) / 3);
    const bars = await sharp(png).extract({ left: Math.round(tagW / 2), top: 10, width: Math.round(tagW / 2) - 10, height: 120 }).greyscale().raw().toBuffer();
    const dark = bars.filter((v) => v < 100).length / bars.length;
    expect(dark).toBeGreaterThan(0.06);
    const text = await sharp(png).extract({ left: 5, top: 10, width: Math.round(tagW / 2) - 10, height: 120 }).greyscale().raw().toBuffer();
    expect(text.filter((v) => v < 100).length / text.length).toBeLessThan(dark);
  });

  it('writes the price as a code staff can read, and can leave it out', async () => {
    expect(priceCode(23500, 'BLACKHORSE')).toBe('L.AK');
    expect(priceCode(525, 'BLACKHORSE')).toBe('E.EKLK');
    const coded = await pdf({ productIds: [ids[0] as number], priceMode: 'code' });
    expect(coded.text).toContain('L.AK');
    expect(coded.text).not.toContain('2.35');
    const none = await pdf({ productIds: [ids[0] as number], priceMode: 'none', layout: '2x5', code: 'qr' });
    expect(none.text).not.toContain('¥');
    expect(none.text).toContain('00123');
  });

  it('prints Arabic and Cyrillic names that read back word for word, Arabic in logical order', async () => {
    const { text } = await pdf({ productIds: [ids[0] as number], nameLangs: ['ar', 'ru'] });
    expect(text).toContain('سيارة لعبة بالاحتكاك');
    expect(text).toContain('Инерционная машинка');
    expect(text).not.toContain('惯性回力小汽车');
  });

  it('cuts a name too long for the tag with an ellipsis', async () => {
    const long = await invoke(core, 'products.create', { itemNo: 'LONG1', names: { en: `Assorted ${'very '.repeat(50)}long name` }, moq: 1 });
    const { text } = await pdf({ productIds: [long.id], nameLangs: ['en'] });
    expect(text).toMatch(/Assorted very very[ a-z]*…/);
    expect(text).not.toContain('long name');
  });

  it('takes the products a search finds, copies and a partly used sheet', async () => {
    const { result } = await pdf({ query: '发夹', copies: 2, skip: 20 });
    expect(result).toMatchObject({ tags: 48, pages: 3 });
  });

  it('refuses a bad price code key and an empty selection, naming the field', async () => {
    const key = (await invoke(core, 'products.sampleTags', { productIds: [ids[0] as number], priceMode: 'code', priceCodeKey: 'ABCABCABCA' }).catch((e: unknown) => e)) as ApiFailure;
    expect(key.error).toMatchObject({ code: 'invalid_input', field: 'priceCodeKey' });
    const none = (await invoke(core, 'products.sampleTags', { query: 'nothing like this' }).catch((e: unknown) => e)) as ApiFailure;
    expect(none.error).toMatchObject({ code: 'invalid_input', field: 'query' });
    const missing = (await invoke(core, 'products.sampleTags', { productIds: [9999] }).catch((e: unknown) => e)) as ApiFailure;
    expect(missing.error).toMatchObject({ field: 'productIds.0' });
  });
});
