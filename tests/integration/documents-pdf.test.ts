import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocument } from '../helpers/demoModel';
import { formatter } from '../../main/documents/format';
import { label } from '../../main/documents/catalog';
import { DOC_LANGS, type DocLang, type DocumentModel } from '../../main/documents/model';
import { renderDocument } from '../../main/documents/render';
import { amountInWords, englishTradeWords } from '../../main/documents/words';
import { flat, pdfFonts, pdfImages, pdfInfo, pdfText, squeeze } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';

/**
 * The printed documents, read back with poppler (pdftotext, pdffonts,
 * pdfimages, pdfinfo): what a buyer copies out of the PDF must be the words
 * we put in, in every language, Arabic in logical order.
 */
const work = tempDir('sk-docs-');
afterAll(() => work.remove());

/** The name a line prints in a language (the demo catalog has zh/en/ar names; others fall back to English). */
function nameIn(model: DocumentModel, i: number, lang: DocLang): string {
  const names = model.lines[i]?.names ?? {};
  return (names[lang] ?? '') || (names.en ?? '');
}

describe('the pro-forma invoice in each language', () => {
  const texts = new Map<DocLang, { model: DocumentModel; text: string; pdf: Buffer }>();

  beforeAll(async () => {
    for (const lang of DOC_LANGS) {
      const model = await demoDocument({ dir: work.dir, lines: 8, buyer: lang, charges: [{ kind: 'freight', description: '', amount: '85.00' }] });
      const { pdf } = await renderDocument(model, { lang });
      texts.set(lang, { model, pdf, text: pdfText(pdf) });
    }
  }, 120_000);

  it.each(DOC_LANGS)('%s: labels, names, totals and the amount in words come back from the PDF as written', (lang) => {
    const { model, text } = texts.get(lang) as { model: DocumentModel; text: string };
    const f = formatter(lang);
    const flatText = flat(text);
    const squeezed = squeeze(text);
    // Title and column labels in the document language.
    for (const key of ['proforma', 'unitPrice', 'paymentTerms', 'deliveryTime', 'acceptedBy'] as const) {
      expect(squeezed, key).toContain(squeeze(label('trade', lang, key)));
    }
    // Every product name, in its language, letters in logical order.
    for (let i = 0; i < model.lines.length; i += 1) expect(squeezed, `line ${i + 1}`).toContain(squeeze(nameIn(model, i, lang)));
    // Figures as Intl writes them for the language.
    expect(squeezed).toContain(squeeze(f.money(model.totals.grandTotal)));
    expect(squeezed).toContain(squeeze(f.money(model.totals.deposit)));
    expect(squeezed).toContain(squeeze(f.fixed(model.totals.cbm, 3)));
    expect(squeezed).toContain(squeeze(f.date(model.date)));
    // The seller, the buyer and the number.
    expect(flatText).toContain(model.seller.companyNameEn);
    expect(squeezed).toContain(squeeze(model.buyer.company));
    expect(flatText).toContain(model.number);
    // Amount in words: English trade style always, and the document language.
    expect(squeezed).toContain(squeeze(englishTradeWords(model.totals.grandTotal, model.currency)));
    expect(squeezed).toContain(squeeze(amountInWords(model.totals.grandTotal, model.currency, lang)));
    expect(flatText).toContain('E.&O.E');
  });

  it('Arabic text reads back word for word in logical order, joined letters and lam-alef included', () => {
    const { model, text } = texts.get('ar') as { model: DocumentModel; text: string };
    const lines = text.split('\n').map((l) => flat(l));
    // Pure Arabic names come back as whole lines, spaces included.
    for (let i = 0; i < model.lines.length; i += 1) {
      const name = nameIn(model, i, 'ar');
      if (/^[\u0600-\u06ff ]+$/.test(name)) expect(lines, name).toContain(name);
    }
    for (const words of ['فاتورة مبدئية', 'شروط الدفع', 'تمت الموافقة والتأكيد من قبل', 'المبلغ الإجمالي', 'الأخطاء والسهو مستثناة']) {
      expect(flat(text), words).toContain(words);
    }
    // The failure mode of fonts that draw dots apart: رقم must not read رفم.
    expect(flat(text)).toContain('رقم الفاتورة');
    expect(flat(text)).not.toContain('رفم');
  });

  it('Chinese names and labels read back without spaces inserted between characters', () => {
    const { model, text } = texts.get('zh') as { model: DocumentModel; text: string };
    const lines = text.split('\n');
    for (let i = 0; i < model.lines.length; i += 1) {
      const name = nameIn(model, i, 'zh');
      // A name without spaces comes back whole on one line, or over the lines it wraps onto.
      if (!name.includes(' ')) expect(lines.some((l) => l.includes(name)) || squeeze(text).includes(name), name).toBe(true);
      else expect(squeeze(text)).toContain(squeeze(name));
    }
    expect(text).toContain('形式发票');
    expect(text).toContain('大写金额');
  });

  it('embeds every font as a subset with a Unicode map', () => {
    for (const lang of ['ar', 'zh', 'ru'] as const) {
      const fonts = pdfFonts(texts.get(lang)?.pdf as Buffer);
      expect(fonts.length).toBeGreaterThan(1);
      for (const font of fonts) {
        expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+/);
      }
      const names = fonts.map((f) => f.name).join(' ');
      expect(names).toContain('NotoSans');
      if (lang === 'ar') expect(names).toContain('IBMPlexSansArabic');
      if (lang === 'zh') expect(names).toContain('NotoSansSC');
    }
  });

  it('holds one image per distinct photo plus the logo and the chop (each with its transparency mask)', () => {
    const { model, pdf } = texts.get('en') as { model: DocumentModel; pdf: Buffer };
    const images = pdfImages(pdf);
    const photos = new Set(model.lines.map((l) => l.photoFile)).size;
    expect(images.filter((i) => i.type === 'image')).toHaveLength(photos + 2);
    expect(images.filter((i) => i.type === 'smask')).toHaveLength(2);
  });
});

describe('bilingual documents', () => {
  it.each([
    ['ar', 'سعر الوحدة'],
    ['zh', '单价'],
  ] as const)('English + %s labels and names both read back', async (lang, unitPrice) => {
    const model = await demoDocument({ dir: work.dir, lines: 4, buyer: lang });
    const { pdf } = await renderDocument(model, { lang, bilingual: true });
    const text = pdfText(pdf);
    expect(text).toContain('Unit Price');
    expect(squeeze(text)).toContain(squeeze(unitPrice));
    expect(text).toContain('PROFORMA INVOICE');
    for (const line of model.lines) {
      expect(squeeze(text)).toContain(squeeze(line.names.en ?? ''));
      // Each word of the other name (pdftotext orders the runs of an Arabic name with numbers in a
      // left-to-right page by its own rules, so only the words are compared there).
      for (const word of (line.names[lang] ?? '').split(/\s+/)) expect(flat(text), line.names[lang]).toContain(word);
    }
  });
});

describe('bilingual documents read in both languages, English on its own', () => {
  it.each([
    ['zh', '2026年11月29日', '个', '288个/箱', '颜色', '原产国：中国'],
    // (pdftotext orders an Arabic date inside an English line by its own rules: its words are compared.)
    ['ar', 'نوفمبر', 'قطعة', 'كرتون', 'اللون', 'بلد المنشأ'],
    ['es', '29 de noviembre de 2026', 'pzas', '288 pzas/cartón', 'Color', 'Origen: China'],
  ] as const)('English + %s: dates, units and packing in both languages', async (lang, date, unit, packing, colour, origin) => {
    const model = await demoDocument({ dir: work.dir, lines: 4, buyer: lang });
    const { pdf } = await renderDocument(model, { lang, bilingual: true });
    const text = flat(pdfText(pdf));
    const squeezed = squeeze(pdfText(pdf));
    // English on its own: English date, English units and packing, figures as English writes them.
    expect(text).toContain('29 November 2026');
    expect(text).toContain('288 pcs/ctn');
    expect(text).toContain('288 pcs');
    expect(text).toContain('Made in China');
    expect(text).toContain('Colour');
    const en = formatter('en');
    const cur = model.currency;
    expect(text).toContain(`${cur} ${en.money(model.totals.grandTotal)}`);
    expect(text).toContain(`Deposit 30%: ${cur} ${en.money(model.totals.deposit)}, balance ${cur} ${en.money(model.totals.balance)} before shipment`);
    // And the other language beside it.
    for (const piece of [date, unit, packing, colour, origin]) expect(squeezed, piece).toContain(squeeze(piece));
  });
});

describe('page breaks and paper', () => {
  it('a 150-line PI repeats the table header and numbers every page "n / N"', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 150 });
    const { pdf, pages } = await renderDocument(model, { lang: 'en' });
    expect(pages).toBeGreaterThan(5);
    expect(Number(pdfInfo(pdf).Pages)).toBe(pages);
    let lastLineSeen = 0;
    for (let p = 1; p <= pages; p += 1) {
      const text = pdfText(pdf, { first: p, last: p });
      expect(text, `page ${p}`).toContain(`${p} / ${pages}`);
      const hasTable = /\b\d{5}\b/.test(text) && text.includes('Description');
      if (p === 1 || hasTable) expect(text, `page ${p}`).toContain('Unit Price');
      const itemNos = model.lines.filter((l) => text.includes(l.itemNo)).map((l) => l.no);
      if (itemNos.length > 0) lastLineSeen = Math.max(lastLineSeen, ...itemNos);
    }
    // Every line made it into the document, and the totals row too.
    const all = flat(pdfText(pdf));
    expect(lastLineSeen).toBe(150);
    expect(all).toContain(formatter('en').money(model.totals.amount));
    expect(all).toContain(formatter('en').fixed(model.totals.cbm, 3));
  });

  it('prints on US Letter and on A4', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 3 });
    const letter = await renderDocument(model, { lang: 'en', paper: 'letter' });
    const a4 = await renderDocument(model, { lang: 'en', paper: 'a4' });
    expect(pdfInfo(letter.pdf)['Page size']).toContain('612 x 792');
    expect(pdfInfo(a4.pdf)['Page size']).toContain('595.28 x 841.89');
  });
});

describe('the printed figures are the quotation\'s', () => {
  it('prints each line\'s amount, cartons and CBM, and the totals, exactly as the model holds them', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 10, discountPercent: '2.5', charges: [{ kind: 'samples', description: 'two sets', amount: '35.50' }] });
    const { pdf } = await renderDocument(model, { lang: 'en' });
    const text = flat(pdfText(pdf));
    const f = formatter('en');
    for (const line of model.lines) {
      expect(text).toContain(f.money(line.amount));
      expect(text).toContain(f.fixed(line.cbm, 3));
    }
    for (const v of [model.totals.amount, model.totals.discount, model.totals.grandTotal, model.totals.deposit, model.totals.balance]) expect(text).toContain(f.money(v));
    // The totals row: "Total" then the quantity of each unit ("Total 16,360 pcs 324 set").
    expect(model.totals.quantities.length).toBeGreaterThan(1);
    expect(text).toContain(`Total ${model.totals.quantities.map((q) => `${f.int(q.qty)} ${q.unit}`).join(' ')}`);
    expect(text).toContain(f.int(model.totals.cartons));
    expect(text).toContain(`USD ${f.money(model.totals.grandTotal)}`);
  });
});

describe('quotation and packing list', () => {
  it('a quotation stresses the validity and leaves bank details out unless asked', async () => {
    const model = await demoDocument({ dir: work.dir, kind: 'quotation', lines: 3 });
    const plain = pdfText((await renderDocument(model, { lang: 'en' })).pdf);
    expect(plain).toContain('QUOTATION');
    expect(flat(plain)).toContain('Prices valid until 29 December 2026 (30 days)');
    expect(plain).not.toContain('Bank details');
    const withBank = pdfText((await renderDocument(model, { lang: 'en', showBank: true })).pdf);
    expect(withBank).toContain('Bank details');
    expect(withBank).toContain('BKCHCNBJ92H');
  });

  it('a packing list numbers the cartons line by line and totals pieces, CBM and weights', async () => {
    const model = await demoDocument({ dir: work.dir, kind: 'packing', lines: 5 });
    const { pdf } = await renderDocument(model, { lang: 'en', kind: 'packing' });
    const text = flat(pdfText(pdf));
    expect(text).toContain('PACKING LIST');
    let from = 1;
    for (const line of model.lines) {
      const to = from + line.cartons - 1;
      expect(text).toContain(from === to ? `${from}` : `${from}–${to}`);
      from = to + 1;
    }
    const f = formatter('en');
    expect(text).toContain(f.fixed(model.totals.netWeightKg, 2));
    expect(text).toContain(f.fixed(model.totals.grossWeightKg, 2));
    expect(text).toContain('Shipping marks');
    expect(text).toContain('Made in China');
    expect(text).not.toContain('Unit Price');
  });
});

describe('robustness', () => {
  it('renders cleanly with a 300-character name, no bank details, no logo and a photo gone from disk', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 4, longName: 300, withBank: false, withLogo: false, missingPhotos: [2] });
    expect(model.lines[0]?.names.en).toHaveLength(300);
    expect(fs.existsSync(model.lines[1]?.photoFile as string)).toBe(false);
    for (const lang of ['en', 'ar'] as const) {
      const { pdf, pages } = await renderDocument(model, { lang });
      expect(pages).toBeGreaterThanOrEqual(1);
      const text = pdfText(pdf);
      // The Arabic document prints the Arabic name; the English one the 300 characters, wrapped.
      // (pdftotext puts the packing cell after its first line, so the rest is compared from the second line on).
      // pdftotext also drops the hyphen of a word broken at a line end ("pull-" / "back"), so hyphens are not compared.
      if (lang === 'en') {
        const long = squeeze(model.lines[0]?.names.en ?? '').replaceAll('-', '');
        expect(squeeze(text).replaceAll('-', '')).toContain(long.slice(0, 20));
        expect(squeeze(text).replaceAll('-', '')).toContain(long.slice(30));
      }
      // Photos of lines 1, 3, 4 and the chop (with its mask); no logo, no line-2 photo.
      expect(pdfImages(pdf).filter((i) => i.type === 'image')).toHaveLength(4);
      if (lang === 'en') expect(text).not.toContain('Bank details');
    }
  });

  it('renders when the photo file is not an image', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 2 });
    const broken = path.join(work.dir, 'broken.jpg');
    fs.writeFileSync(broken, 'not a jpeg');
    const line = model.lines[0];
    if (line) line.photoFile = broken;
    const { pdf } = await renderDocument(model, { lang: 'en' });
    expect(pdfText(pdf)).toContain('PROFORMA INVOICE');
  });

  it('returns the chop / header / beneficiary name warning with the document', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 1, beneficiary: 'Jinhua Other Trading Co., Ltd.' });
    const result = await renderDocument(model, { lang: 'en' });
    expect(result.nameWarnings).toEqual(['beneficiary_differs_from_header']);
    const fine = await renderDocument(await demoDocument({ dir: work.dir, lines: 1 }), { lang: 'en' });
    expect(fine.nameWarnings).toEqual([]);
  });
});

describe('Arabic text read back exactly', () => {
  it('pdftotext of a 300-line Arabic PI gives back every product name exactly, numbers, signs and Arabic commas in place', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 300, buyer: 'ar' });
    const { pdf, pages } = await renderDocument(model, { lang: 'ar' });
    expect(pages).toBeGreaterThan(10);
    const text = flat(pdfText(pdf));
    const missing = model.lines.map((l) => l.names.ar ?? '').filter((name) => !text.includes(name));
    expect(missing).toEqual([]);
    // The names that failed before: a sign after its number, letters lost, a space moved.
    for (const name of ['نظارة قراءة من +1.0 إلى +4.0', 'حقيبة ظهر مدرسية', 'شريط كهربائي عازل أسود', 'ميدالية مفاتيح كرتونية', 'دبدوب قطيفة 30 سم', 'ربطات شعر قماش، عبوة 6']) {
      expect(text, name).toContain(name);
    }
  }, 120_000);

  it('an Arabic PI writes lists with the Arabic comma, keeps "(E.&O.E.)" and never splits a label such as وي تشات', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 2, buyer: 'ar' });
    model.seller.phones = ['+8657985551234', '+8613857926688', '+8613957926699', '+8615857926611'];
    const text = pdfText((await renderDocument(model, { lang: 'ar' })).pdf);
    expect(flat(text)).toContain('+86 579 8555 1234، +86 138 5792 6688، +86 139 5792 6699');
    expect(flat(text)).toContain('الأخطاء والسهو مستثناة (E.&O.E.)');
    expect(flat(text)).toContain('وي تشات: jiahe_yiwu');
    for (const line of text.split('\n')) expect(line.trim(), line).not.toMatch(/(^|\s)وي$/);
  });
});

describe('line notes', () => {
  it('prints a 1,000-character note whole, wrapped over as many lines as it needs, never cut with "…"', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 3, buyer: 'en' });
    const sentence = 'Assorted colours as the approved sample, logo sticker on every inner box, barcode label on each carton, ';
    const note = sentence.repeat(10).slice(0, 1000).trim();
    const line = model.lines[1];
    if (line) line.note = note;
    const { pdf } = await renderDocument(model, { lang: 'en' });
    const text = pdfText(pdf);
    expect(squeeze(text)).toContain(squeeze(`Note: ${note}`));
    expect(text).not.toContain('…');
  });
});
