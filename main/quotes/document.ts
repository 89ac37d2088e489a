/**
 * Stored quotation lines and charges → the document's lines, totals and container
 * fill (main/quotes/types.ts). Pure: every figure comes from totals.ts.
 */
import type { QuoteChargeRow, QuoteLineRow } from '../../db/quotes';
import { fromScaled } from '../money/decimal';
import { imageUrls } from '../files/imageStore';
import { toPacking } from '../products/service';
import {
  CNY_RATE_E8,
  cbm,
  containerFill,
  convertPriceE4,
  documentTotals,
  formatTotals,
  kg,
  money,
  pickTier,
  suggestUnitPriceE4,
  unitPrice,
  type ContainerSpec,
  type DiscountFigures,
  type TierFigures,
  type TotalsFigures,
} from './totals';
import type { ChargeKind, ContainerFill, DocumentCharge, DocumentLine, DocumentTotals, LineWarning, ProductSnapshot } from './types';

/** The price-relevant terms of a quotation. */
export interface PricingTerms {
  currency: string;
  rateE8: number;
  priceDecimals: number;
}

export type LineSource = Pick<
  QuoteLineRow,
  'qty' | 'price_tiers' | 'typed_price_e4' | 'typed_currency' | 'typed_rate_e8'
>;

export function tiersOf(line: Pick<QuoteLineRow, 'price_tiers'>): TierFigures[] {
  return JSON.parse(line.price_tiers) as TierFigures[];
}

/**
 * A line's unit price from its one source: the price as typed (exact while the
 * currency is the one it was typed in, else converted through CNY at the rates of
 * then and now), or the CNY tier for its quantity converted at the quotation's rate.
 * Either way one rounding, so switching currency and back restores every price.
 */
export function derivePriceE4(line: LineSource, terms: PricingTerms): number {
  if (line.typed_price_e4 !== null && line.typed_currency !== null && line.typed_rate_e8 !== null) {
    if (line.typed_currency === terms.currency) return line.typed_price_e4;
    return convertPriceE4(line.typed_price_e4, line.typed_rate_e8, terms.rateE8, terms.priceDecimals);
  }
  const tier = pickTier(tiersOf(line), line.qty);
  if (!tier) return 0;
  return terms.currency === 'CNY' ? tier.priceCnyE4 : suggestUnitPriceE4(tier.priceCnyE4, terms.rateE8, terms.priceDecimals);
}

export function productSnapshot(row: QuoteLineRow): ProductSnapshot {
  const tier = pickTier(tiersOf(row), row.qty);
  return {
    productId: row.product_id,
    itemNo: row.item_no,
    names: { zh: row.name_zh, en: row.name_en, ar: row.name_ar, es: row.name_es, ru: row.name_ru, fr: row.name_fr, pt: row.name_pt },
    cover: row.cover_image ? { hash: row.cover_image, ...imageUrls(row.cover_image) } : null,
    unit: row.unit,
    moq: row.moq,
    colors: row.colors,
    material: row.material,
    sizes: row.sizes,
    hsCode: row.hs_code,
    origin: row.origin_country,
    barcode: row.barcode,
    packing: toPacking(row),
    tier: tier ? { minQty: tier.minQty, priceCny: fromScaled(tier.priceCnyE4, 4, 2) } : null,
  };
}

export interface DocumentParts {
  lines: DocumentLine[];
  charges: DocumentCharge[];
  totals: DocumentTotals;
  containers: ContainerFill[];
  figures: TotalsFigures;
}

export interface PartsContext extends PricingTerms {
  discount: DiscountFigures;
  depositPercent: number;
  containers: ContainerSpec[];
  /** Available stock per product for short-stock warnings; null: no stock warnings. */
  available: Map<number, number> | null;
}

export function buildParts(rows: QuoteLineRow[], chargeRows: QuoteChargeRow[], ctx: PartsContext): DocumentParts {
  const figures = documentTotals({
    currency: ctx.currency,
    lines: rows.map((r) => ({
      qty: r.qty,
      unitPriceE4: r.unit_price_e4,
      packing: { pcsPerCarton: r.pcs_per_carton, cartonLMm: r.carton_l_mm, cartonWMm: r.carton_w_mm, cartonHMm: r.carton_h_mm, gwG: r.gw_g, nwG: r.nw_g },
    })),
    discount: ctx.discount,
    chargesE4: chargeRows.map((c) => c.amount_e4),
    depositPercent: ctx.depositPercent,
  });
  // The same product on several lines draws on the same stock.
  const orderedPerProduct = new Map<number, number>();
  for (const r of rows) if (r.product_id !== null) orderedPerProduct.set(r.product_id, (orderedPerProduct.get(r.product_id) ?? 0) + r.qty);
  const quantities = new Map<string, number>();
  let carton = 0;
  const lines = rows.map((row, i): DocumentLine => {
    const f = figures.lines[i] as TotalsFigures['lines'][number];
    const warnings: LineWarning[] = [];
    if (row.moq > 0 && row.qty < row.moq) warnings.push({ code: 'below_moq', moq: row.moq });
    if (ctx.available && row.product_id !== null) {
      const available = ctx.available.get(row.product_id) ?? 0;
      const requested = orderedPerProduct.get(row.product_id) ?? row.qty;
      if (requested > available) warnings.push({ code: 'short_stock', requested, available });
    }
    if (f.noPacking) warnings.push({ code: 'no_packing' });
    if (f.lastCartonQty !== null) warnings.push({ code: 'partial_carton', lastCartonQty: f.lastCartonQty });
    const tiers = tiersOf(row);
    const typed = row.typed_price_e4 !== null;
    if (!typed && tiers.length === 0) warnings.push({ code: 'no_price' });
    const tier = pickTier(tiers, row.qty);
    quantities.set(row.unit, (quantities.get(row.unit) ?? 0) + row.qty);
    const cartonRange = f.cartons > 0 ? { from: carton + 1, to: carton + f.cartons } : null;
    carton += f.cartons;
    return {
      id: row.id,
      no: i + 1,
      product: productSnapshot(row),
      qty: row.qty,
      unitPrice: unitPrice(row.unit_price_e4, ctx.priceDecimals),
      priceSource: typed ? 'typed' : 'tier',
      suggestedUnitPrice: tier
        ? unitPrice(ctx.currency === 'CNY' ? tier.priceCnyE4 : suggestUnitPriceE4(tier.priceCnyE4, ctx.rateE8, ctx.priceDecimals), ctx.priceDecimals)
        : null,
      amount: money(f.amountE4, ctx.currency),
      cartons: f.cartons,
      cartonRange,
      cbm: cbm(f.cbmE3),
      grossWeightKg: kg(f.gwG),
      netWeightKg: kg(f.nwG),
      note: row.note,
      warnings,
    };
  });
  return {
    lines,
    charges: chargeRows.map((c) => ({ id: c.id, kind: c.kind as ChargeKind, description: c.description, amount: money(c.amount_e4, ctx.currency) })),
    totals: formatTotals(figures, [...quantities].map(([unit, qty]) => ({ unit, qty })).sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))),
    containers: containerFill(figures, ctx.containers),
    figures,
  };
}

export { CNY_RATE_E8 };
