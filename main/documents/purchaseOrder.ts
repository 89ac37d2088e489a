import { COLORS } from './canvas';
import { catalogLabeler } from './catalog';
import type { DocLang, DocSeller, Paper } from './model';
import type { RenderedDocument } from './render';
import { unitName } from './render';
import { signatureBoxes, partiesAndFacts, textBlock, titleBlock } from './sections/blocks';
import { pageFooters } from './sections/footer';
import { cell, drawGrid, type GridColumn, type GridRow } from './sections/grid';
import { displayPhone, sellerHeader } from './sections/header';
import { BODY, bilingualFileSuffix, openBilingualPage, SMALL } from './sections/page';
import { ltrIsolate as iso } from './text';
import { amountInWords, englishTradeWords, hasOwnWords } from './words';
import type { PurchaseOrder } from '../purchases/types';

/**
 * 采购单: the order we (the stall) place with a factory, in Chinese (optionally with English under
 * every label), or in another document language when asked. It names the PI it serves by number
 * only, never the buyer's prices: the figures are the order's cost prices in CNY, as
 * purchases.get gives them.
 */
export interface PurchaseOrderDocument {
  order: PurchaseOrder;
  seller: DocSeller;
  /** The cover photo of each line's product (by line id), or null. */
  photos: Map<number, string | null>;
}

export function purchaseOrderFileName(order: Pick<PurchaseOrder, 'number'>, lang: DocLang, bilingual: boolean): string {
  const safe = order.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe}${bilingualFileSuffix(lang, bilingual)}.pdf`;
}

export async function renderPurchaseOrder(doc: PurchaseOrderDocument, options: { lang: DocLang; bilingual?: boolean; paper?: Paper }): Promise<RenderedDocument> {
  const { order, seller } = doc;
  const { ctx, k, lang, bilingual } = openBilingualPage(options, { key: 'poTitle', number: order.number }, { author: seller.companyNameZh || seller.companyNameEn, subject: order.supplier.names.zh || order.supplier.names.en });
  const { c, f } = ctx;
  const currency = 'CNY';

  sellerHeader(ctx, seller);
  titleBlock(ctx, k.pair('poTitle'));
  const sup = order.supplier;
  const supName = [sup.names.zh, sup.names.en].filter(Boolean);
  partiesAndFacts(
    ctx,
    [
      {
        label: k.t('purchaser'),
        lines: [
          seller.companyNameZh || seller.legalName || seller.companyNameEn,
          seller.companyNameZh && seller.companyNameEn ? seller.companyNameEn : '',
          seller.marketAddress,
          seller.phones.length > 0 ? `${k.t('tel')}: ${seller.phones.map((p) => iso(displayPhone(p))).join(f.listSeparator)}` : '',
          seller.wechat ? `${k.t('wechat')}: ${iso(seller.wechat)}` : '',
        ],
      },
      {
        label: k.t('supplier'),
        lines: [
          supName[0] ?? '',
          supName[1] ?? '',
          sup.contact ? `${k.t('contact')}: ${sup.contact}` : '',
          sup.phone ? `${k.t('tel')}: ${iso(sup.phone)}` : '',
          sup.wechat ? `${k.t('wechat')}: ${iso(sup.wechat)}` : '',
          sup.address ? `${k.t('address')}: ${sup.address}` : '',
        ],
      },
    ],
    [
      { label: k.t('poNo'), value: iso(order.number) },
      { label: k.t('orderDate'), value: f.date(order.orderDate) },
      { label: k.t('forPi'), value: order.invoice ? iso(order.invoice.number) : k.t('forStock') },
      { label: k.t('deliveryDate'), value: order.deliveryDate ? f.date(order.deliveryDate) : '–', strong: order.deliveryDate !== null },
    ],
    Math.min(bilingual ? 240 : 190, ctx.w * 0.4),
  );

  const head = (key: Parameters<typeof k.pair>[0], suffix = '') => {
    const p = k.pair(key);
    return { primary: `${p.primary}${suffix}`, secondary: p.secondary };
  };
  const columns: GridColumn[] = [
    { key: 'no', label: head('no'), width: 20, align: 'center', figure: true },
    { key: 'photo', label: head('photo'), width: 40, align: 'center', photo: true },
    { key: 'itemNo', label: head('ourItemNo'), width: 50, align: 'start', figure: true },
    { key: 'factoryNo', label: head('factoryItemNo'), width: 50, align: 'start', figure: true },
    { key: 'name', label: head('productName'), width: 0, align: 'start' },
    { key: 'packing', label: head('packing'), width: 62, align: 'start' },
    { key: 'qty', label: head('quantity'), width: 52, align: 'figure', figure: true },
    { key: 'cartons', label: head('cartons'), width: 32, align: 'figure', figure: true },
    { key: 'cost', label: head('unitCost', ` (${currency})`), width: 44, align: 'figure', figure: true },
    { key: 'amount', label: head('amount', ` (${currency})`), width: 58, align: 'figure', figure: true },
  ];
  const unitText = (unit: string) => (bilingual ? `${unitName(unit, lang)} / ${unitName(unit, 'en')}` : unitName(unit, lang));
  const rows: GridRow[] = order.lines.map((line) => {
    const names = [line.names[lang === 'en' ? 'en' : 'zh'] || line.names.zh || line.names.en, bilingual ? line.names.en : ''].filter((n, i, all) => n && all.indexOf(n) === i);
    const packing = line.packing;
    return {
      no: cell(String(line.no)),
      photo: { parts: [], photo: doc.photos.get(line.id) ?? null },
      itemNo: cell(iso(line.itemNo), { bold: true }),
      factoryNo: cell(line.supplierItemNo ? iso(line.supplierItemNo) : '–'),
      name: {
        parts: [
          ...names.map((n, i) => ({ text: n, bold: i === 0 })),
          ...(line.colors ? [{ text: `${k.t('colour')}: ${line.colors}`, size: SMALL, color: COLORS.muted }] : []),
          // The line note is printed whole: the colour assortment, logo or packing the buyer asked for.
          ...(line.note ? [{ text: `${k.t('note')}: ${line.note}`, size: SMALL, color: COLORS.warn }] : []),
        ],
      },
      packing: {
        parts: [
          ...(packing.pcsPerCarton ? [{ text: k.pair('pcsPerCarton', { n: f.int(packing.pcsPerCarton), unit: unitName(line.unit, lang) }).primary }] : []),
          ...(packing.pcsPerCarton && bilingual ? [{ text: catalogLabeler('en').t('pcsPerCarton', { n: f.int(packing.pcsPerCarton), unit: unitName(line.unit, 'en') }), size: SMALL }] : []),
          ...(packing.cartonCm ? [{ text: iso(`${packing.cartonCm.l}×${packing.cartonCm.w}×${packing.cartonCm.h} cm`), size: SMALL, color: COLORS.muted }] : []),
        ],
      },
      qty: cell(`${iso(f.int(line.qty))}\u00a0${unitText(line.unit)}`),
      cartons: cell(f.int(line.cartons)),
      cost: cell(line.costCny === null ? '–' : f.price(line.costCny)),
      amount: cell(f.money(line.costAmount), { bold: true }),
    };
  });
  const byUnit = new Map<string, number>();
  for (const line of order.lines) byUnit.set(line.unit, (byUnit.get(line.unit) ?? 0) + line.qty);
  const totalRow: GridRow = {
    name: cell(k.t('total'), { bold: true, size: BODY + 0.6 }),
    qty: { parts: [...byUnit].map(([unit, qty]) => ({ text: `${iso(f.int(qty))}\u00a0${unitText(unit)}`, bold: true })) },
    cartons: cell(f.int(order.lines.reduce((s, l) => s + l.cartons, 0)), { bold: true }),
    amount: cell(f.money(order.costTotal), { bold: true }),
  };
  drawGrid(ctx, columns, rows, { after: [totalRow], minRow: 34 });

  // The total in words: 大写 in Chinese, and the English words in an English or bilingual order.
  const words = [amountInWords(order.costTotal, currency, lang)];
  if (lang !== 'en' && hasOwnWords(lang) && (bilingual || lang !== 'zh')) words.push(englishTradeWords(order.costTotal, currency));
  textBlock(ctx, k.t('amountInWords'), [`${currency} ${f.money(order.costTotal)}`, ...words], { box: true, size: BODY + 0.6 });

  textBlock(ctx, k.t('paymentTerms'), [sup.paymentTerms]);
  textBlock(ctx, k.t('requirements'), [order.requirements]);
  textBlock(ctx, k.t('shippingMarks'), [order.shippingMarks], { box: true });
  textBlock(ctx, k.t('remarks'), [order.notes]);
  ctx.y += c.drawText(k.t('poConfirm'), ctx.x, ctx.y, ctx.w, { size: BODY, bold: true, color: COLORS.accent, dir: 'auto' }) + 6;
  const signatory = [seller.signatoryName, seller.signatoryTitle].filter((s) => s.trim() !== '').join(', ');
  signatureBoxes(ctx, [
    { who: k.t('signPurchaser'), name: seller.legalName || seller.companyNameZh || seller.companyNameEn, chop: seller.chopFile, signatory, caption: k.t('signDate') },
    { who: k.t('signSupplier'), name: supName[0] ?? '', chop: null, signatory: sup.contact, caption: k.t('signDate') },
  ]);
  pageFooters(ctx, { title: k.pair('poTitle').primary, number: order.number, date: f.date(order.orderDate), seller: seller.companyNameZh || seller.companyNameEn });
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [], fileName: purchaseOrderFileName(order, lang, bilingual) };
}
