/** A draft's lines: product snapshots, quantities, typed prices, charges; copied for revisions and duplicates. */
import type { Core } from '../core';
import { invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/quotes';
import { getProduct, getProductByItemNo, photosFor, priceTiersFor, type ProductRow } from '../../db/products';
import { DecimalError } from '../money/decimal';
import { convertAmount, toSafeNumber } from '../money/amounts';
import { derivePriceE4, type PricingTerms } from './document';
import { MAX_QTY, type LineInput, type TermsInput } from './schema';
import { requireQuote } from './records';

type Snapshot = Omit<q.QuoteLineWrite, 'position' | 'qty' | 'unit_price_e4' | 'typed_price_e4' | 'typed_currency' | 'typed_rate_e8' | 'note'>;

export function snapshotOf(core: Core, product: ProductRow): Snapshot {
  const tiers = priceTiersFor(core.db, [product.id]).map((t) => ({ minQty: t.min_qty, priceCnyE4: t.price_cny_e4 }));
  const cover = photosFor(core.db, [product.id])[0]?.image_hash ?? null;
  return {
    product_id: product.id,
    item_no: product.item_no,
    name_zh: product.name_zh,
    name_en: product.name_en,
    name_ar: product.name_ar,
    name_es: product.name_es,
    name_ru: product.name_ru,
    name_fr: product.name_fr,
    name_pt: product.name_pt,
    cover_image: cover,
    unit: product.unit,
    moq: product.moq,
    colors: product.colors,
    material: product.material,
    sizes: product.sizes,
    hs_code: product.hs_code,
    origin_country: product.origin_country,
    barcode: product.barcode,
    pcs_per_inner: product.pcs_per_inner,
    pcs_per_carton: product.pcs_per_carton,
    carton_l_mm: product.carton_l_mm,
    carton_w_mm: product.carton_w_mm,
    carton_h_mm: product.carton_h_mm,
    gw_g: product.gw_g,
    nw_g: product.nw_g,
    price_tiers: JSON.stringify(tiers),
  };
}

function resolveProduct(core: Core, ref: { productId?: number | undefined; itemNo?: string | undefined }, fieldPrefix: string): ProductRow {
  if (ref.productId !== undefined) {
    const row = getProduct(core.db, ref.productId);
    if (!row) throw notFound(m('quotes.fieldNoProductId', { field: `${fieldPrefix}productId`, productId: ref.productId }), `${fieldPrefix}productId`);
    return row;
  }
  const itemNo = (ref.itemNo ?? '').trim();
  const row = getProductByItemNo(core.db, itemNo);
  if (!row) throw notFound(m('quotes.fieldNoProductItemNo', { field: `${fieldPrefix}itemNo`, itemNo }), `${fieldPrefix}itemNo`);
  return row;
}

/** A new line starts at the MOQ (or one carton, or 1). */
export function defaultQty(s: Pick<Snapshot, 'moq' | 'pcs_per_carton'>): number {
  return s.moq > 0 ? s.moq : (s.pcs_per_carton ?? 1);
}


function rowToWrite(row: q.QuoteLineRow): q.QuoteLineWrite {
  const { id: _id, quote_id: _q, ...write } = row;
  return write;
}

function sameWrite(a: q.QuoteLineWrite, b: q.QuoteLineWrite): boolean {
  return q.LINE_COLUMNS.every((c) => a[c] === b[c]);
}

function setQty(write: q.QuoteLineWrite, input: Pick<LineInput, 'qty' | 'cartons'>, field: string): void {
  if (input.cartons !== undefined) {
    if (!write.pcs_per_carton) {
      throw invalid(`${field}.cartons`, m('quotes.noItemNoPcs', { itemNo: write.item_no }));
    }
    const qty = input.cartons * write.pcs_per_carton;
    if (qty > MAX_QTY) throw invalid(`${field}.cartons`, m('quotes.more', { maxQty: MAX_QTY, unit: write.unit }));
    write.qty = qty;
  } else if (input.qty !== undefined) {
    write.qty = input.qty;
  }
}

function setTypedPrice(write: q.QuoteLineWrite, price: number | null | undefined, terms: PricingTerms): void {
  if (price === undefined) return;
  if (price === null) {
    write.typed_price_e4 = null;
    write.typed_currency = null;
    write.typed_rate_e8 = null;
  } else {
    write.typed_price_e4 = price;
    write.typed_currency = terms.currency;
    write.typed_rate_e8 = terms.rateE8;
  }
}

/**
 * Writes a draft's lines: `inputs` (when given) is the new list in order; lines
 * named by lineId keep their snapshot. Every line's price is derived again from
 * its source with the current terms; only rows that changed are written.
 */
export function writeLines(core: Core, quoteId: number, terms: PricingTerms, inputs: LineInput[] | undefined): q.QuoteLineRow[] {
  const existing = q.linesOf(core.db, quoteId);
  const byId = new Map(existing.map((l) => [l.id, l]));
  const targets: Array<{ id: number | null; write: q.QuoteLineWrite }> = [];
  if (!inputs) {
    for (const row of existing) targets.push({ id: row.id, write: rowToWrite(row) });
  } else {
    const used = new Set<number>();
    inputs.forEach((input, i) => {
      const field = `lines.${i}`;
      let write: q.QuoteLineWrite;
      let id: number | null = null;
      if (input.lineId !== undefined) {
        const row = byId.get(input.lineId);
        if (!row) throw invalid(`${field}.lineId`, m('quotes.notLineQuotation'));
        if (used.has(row.id)) throw invalid(`${field}.lineId`, m('quotes.listedTwice'));
        used.add(row.id);
        id = row.id;
        write = rowToWrite(row);
      } else {
        const snapshot = snapshotOf(core, resolveProduct(core, input, `${field}.`));
        write = { ...snapshot, position: 0, qty: defaultQty(snapshot), unit_price_e4: 0, typed_price_e4: null, typed_currency: null, typed_rate_e8: null, note: '' };
      }
      setQty(write, input, field);
      setTypedPrice(write, input.unitPrice, terms);
      if (input.note !== undefined) write.note = input.note;
      targets.push({ id, write });
    });
  }
  targets.forEach((t, position) => {
    t.write.position = position;
    t.write.unit_price_e4 = pricedOrRefused(t.write, terms, `lines.${position}.unitPrice`);
  });
  const kept = new Set(targets.map((t) => t.id).filter((id): id is number => id !== null));
  q.deleteLines(core.db, existing.filter((l) => !kept.has(l.id)).map((l) => l.id));
  return targets.map((t) => {
    let id = t.id;
    if (id === null) id = q.insertLine(core.db, quoteId, t.write);
    else if (!sameWrite(t.write, rowToWrite(byId.get(id) as q.QuoteLineRow))) q.updateLine(core.db, id, t.write);
    return { id, quote_id: quoteId, ...t.write };
  });
}

/** A line's price at these terms; a conversion too large to be exact is refused, naming the field. */
function pricedOrRefused(line: q.QuoteLineWrite, terms: PricingTerms, field: string): number {
  try {
    return derivePriceE4(line, terms);
  } catch (error) {
    if (error instanceof DecimalError) {
      throw invalid(field, m('quotes.tooLargeOnceConverted', { currency: terms.currency }));
    }
    throw error;
  }
}

export function writeCharges(core: Core, quoteId: number, charges: TermsInput['charges']): void {
  if (!charges) return;
  q.replaceCharges(
    core.db,
    quoteId,
    charges.map((c, position) => ({ position, kind: c.kind, description: c.description ?? '', amount_e4: c.amount })),
  );
}

export function copyLines(core: Core, fromId: number, toId: number, transform: (line: q.QuoteLineWrite) => q.QuoteLineWrite, terms: PricingTerms): void {
  for (const line of q.linesOf(core.db, fromId)) {
    const write = transform(rowToWrite(line));
    write.unit_price_e4 = pricedOrRefused(write, terms, 'rate');
    q.insertLine(core.db, toId, write);
  }
  const from = requireQuote(core, fromId);
  q.replaceCharges(
    core.db,
    toId,
    q.chargesOf(core.db, fromId).map(({ id: _i, quote_id: _q, ...c }) => ({ ...c, amount_e4: inCurrency(c.amount_e4, from, terms) })),
  );
}

/** An amount of quotation `from` in the terms' currency: the same when the currency is, else through CNY, rounded once to its digits. */
export function inCurrency(amountE4: number, from: Pick<q.QuoteRow, 'currency' | 'rate_e8'>, terms: PricingTerms): number {
  if (from.currency === terms.currency) return amountE4;
  return toSafeNumber(convertAmount(BigInt(amountE4), from.rate_e8, terms.rateE8, terms.currency));
}
