import { COLORS } from './canvas';
import type { DocLang, DocSeller, Paper } from './model';
import type { RenderedDocument } from './render';
import { unitName } from './render';
import { partiesAndFacts, signatureBoxes, textBlock, titleBlock } from './sections/blocks';
import { pageFooters } from './sections/footer';
import { cell, drawGrid, type GridColumn, type GridRow } from './sections/grid';
import { displayPhone, sellerHeader } from './sections/header';
import { BODY, bilingualFileSuffix, openBilingualPage } from './sections/page';
import { ltrIsolate as iso } from './text';
import type { Shipment } from '../shipments/types';

/**
 * 送货单 / 进仓单: what the warehouse clerk of the buyer's forwarder checks the cartons against —
 * the warehouse entry number large, the PI number and shipping marks, per line the cartons with
 * their numbers, pieces, CBM and weights as shipments.get gives them; no prices.
 */
export interface DeliveryNoteDocument {
  shipment: Shipment;
  seller: DocSeller;
}

export function deliveryNoteFileName(shipment: Pick<Shipment, 'number'>, lang: DocLang, bilingual: boolean): string {
  const safe = `DN-${shipment.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe}${bilingualFileSuffix(lang, bilingual)}.pdf`;
}

export function cartonNumbers(range: { from: number; to: number } | null): string {
  if (!range) return '–';
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

export async function renderDeliveryNote(doc: DeliveryNoteDocument, options: { lang: DocLang; bilingual?: boolean; paper?: Paper }): Promise<RenderedDocument> {
  const { shipment: s, seller } = doc;
  const { ctx, k, lang, bilingual } = openBilingualPage(options, { key: 'dnTitle', number: s.number }, { author: seller.companyNameZh || seller.companyNameEn, subject: s.forwarder.name });
  const { c, f } = ctx;

  sellerHeader(ctx, seller);
  titleBlock(ctx, k.pair('dnTitle'), k.t('dnSubtitle'));
  // The warehouse entry number, large: the clerk files the cartons under it.
  if (s.entryNo) {
    const label = k.t('entryNo');
    const h = 30;
    c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.warnLight, stroke: COLORS.warn, lineWidth: 1 });
    c.drawText(label, ctx.x + 10, ctx.y + 9, ctx.w * 0.4, { size: 11, bold: true, color: COLORS.warn, dir: 'auto' });
    c.drawText(iso(s.entryNo), ctx.x + ctx.w * 0.4, ctx.y + 5, ctx.w * 0.6 - 10, { size: 18, bold: true, color: COLORS.warn, align: 'end', dir: 'ltr' });
    ctx.y += h + 8;
  }
  partiesAndFacts(
    ctx,
    [
      {
        label: k.t('deliveredBy'),
        lines: [
          seller.companyNameZh || seller.legalName || seller.companyNameEn,
          seller.marketAddress,
          seller.phones.length > 0 ? `${k.t('tel')}: ${seller.phones.map((p) => iso(displayPhone(p))).join(f.listSeparator)}` : '',
        ],
      },
      {
        label: k.t('warehouse'),
        lines: [s.forwarder.name, s.forwarder.phone ? `${k.t('tel')}: ${iso(displayPhone(s.forwarder.phone))}` : '', s.forwarder.address ? `${k.t('address')}: ${s.forwarder.address}` : ''],
      },
    ],
    [
      { label: k.t('entryNo'), value: s.entryNo ? iso(s.entryNo) : '–', strong: s.entryNo !== '' },
      { label: k.t('deliveryNo'), value: iso(s.number) },
      { label: k.t('dnDate'), value: f.date(s.deliveredOn) },
      { label: k.t('piNo'), value: iso(s.invoice.number) },
    ],
    Math.min(210, ctx.w * 0.38),
  );
  textBlock(ctx, k.t('shippingMarks'), [s.shippingMarks], { box: true, size: BODY + 1 });

  const columns: GridColumn[] = [
    { key: 'no', label: k.pair('no'), width: 22, align: 'center', figure: true },
    { key: 'itemNo', label: k.pair('ourItemNo'), width: 58, align: 'start', figure: true },
    { key: 'name', label: k.pair('productName'), width: 0, align: 'start' },
    { key: 'cartonNos', label: k.pair('cartonNos'), width: 52, align: 'center', figure: true },
    { key: 'cartons', label: k.pair('cartons'), width: 38, align: 'figure', figure: true },
    { key: 'qty', label: k.pair('quantity'), width: 60, align: 'figure', figure: true },
    { key: 'cbm', label: k.pair('cbm'), width: 46, align: 'figure', figure: true },
    { key: 'gw', label: k.pair('gw'), width: 50, align: 'figure', figure: true },
    { key: 'nw', label: k.pair('nw'), width: 50, align: 'figure', figure: true },
  ];
  const unitText = (unit: string) => (bilingual ? `${unitName(unit, lang)} / ${unitName(unit, 'en')}` : unitName(unit, lang));
  const rows: GridRow[] = s.lines.map((line) => ({
    no: cell(String(line.no)),
    itemNo: cell(iso(line.itemNo), { bold: true }),
    name: { parts: [line.names.zh || line.names.en, lang !== 'zh' || bilingual ? line.names.en : ''].filter((n, i, all) => n && all.indexOf(n) === i).map((text, i) => ({ text, bold: i === 0 })) },
    cartonNos: cell(cartonNumbers(line.cartonRange), { bold: true }),
    cartons: cell(f.int(line.cartons)),
    qty: cell(`${iso(f.int(line.qty))}\u00a0${unitText(line.unit)}`),
    cbm: cell(f.fixed(line.cbm, 3)),
    gw: cell(f.fixed(line.grossWeightKg, 2)),
    nw: cell(f.fixed(line.netWeightKg, 2)),
  }));
  const ranges = s.lines.map((l) => l.cartonRange).filter((r): r is { from: number; to: number } => r !== null);
  const byUnit = new Map<string, number>();
  for (const line of s.lines) byUnit.set(line.unit, (byUnit.get(line.unit) ?? 0) + line.qty);
  const total: GridRow = {
    name: cell(k.t('total'), { bold: true, size: BODY + 0.6 }),
    cartonNos: cell(ranges.length > 0 ? cartonNumbers({ from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) }) : '–', { bold: true }),
    cartons: cell(f.int(s.totals.cartons), { bold: true }),
    qty: { parts: [...byUnit].map(([unit, qty]) => ({ text: `${iso(f.int(qty))}\u00a0${unitText(unit)}`, bold: true })) },
    cbm: cell(f.fixed(s.totals.cbm, 3), { bold: true }),
    gw: cell(f.fixed(s.totals.grossWeightKg, 2), { bold: true }),
    nw: cell(f.fixed(s.totals.netWeightKg, 2), { bold: true }),
  };
  drawGrid(ctx, columns, rows, { after: [total] });
  textBlock(ctx, k.t('remarks'), [s.note]);
  ctx.y += c.drawText(k.t('dnCheck'), ctx.x, ctx.y, ctx.w, { size: BODY, bold: true, color: COLORS.accent, dir: 'auto' }) + 6;
  signatureBoxes(ctx, [
    { who: k.t('signDriver'), name: seller.companyNameZh || seller.legalName || seller.companyNameEn, chop: null, signatory: '', caption: k.t('signDate') },
    { who: k.t('signWarehouse'), name: s.forwarder.name, chop: null, signatory: '', caption: k.t('signDate') },
  ]);
  pageFooters(ctx, { title: k.pair('dnTitle').primary, number: s.number, date: f.date(s.deliveredOn), seller: seller.companyNameZh || seller.companyNameEn });
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [], fileName: deliveryNoteFileName(s, lang, bilingual) };
}
