/** The quick quote screen's search box. */
import type { Core } from '../core';
import { getProduct, type ProductRow } from '../../db/products';
import type { Product } from '../products/service';
import { searchProducts } from '../products/search';
import { fromScaled, toScaled } from '../money/decimal';
import { derivePriceE4 } from './document';
import { pickTier, unitPrice } from './totals';
import { requireQuote } from './records';
import { pricing } from './terms';
import { defaultQty } from './lines';

export interface LookupItem {
  product: Product;
  /** Where a new line starts: the MOQ, or one carton, or 1. */
  defaultQty: number;
  /** The CNY tier price for that quantity. */
  priceCny: string | null;
  /** That price in the quotation's currency at its rate (when a quotation is named). */
  suggestedUnitPrice: string | null;
}

/** Products for the quick quote screen's search box: exact item no or barcode first, then item no prefix, then names. */
export function lookup(core: Core, query: string, quoteId: number | undefined, limit: number): LookupItem[] {
  const quote = quoteId !== undefined ? requireQuote(core, quoteId, 'quoteId') : undefined;
  // The catalog's one search box (item no, barcode, names in any script), active products only.
  const products: Product[] = searchProducts(core, { query: query.trim(), limit, offset: 0, status: 'active' }, { includeCost: false }).items;
  const rows = products.map((p) => getProduct(core.db, p.id) as ProductRow);
  return products.map((product, i) => {
    const row = rows[i] as ProductRow;
    const qty = defaultQty({ moq: row.moq, pcs_per_carton: row.pcs_per_carton });
    const tiers = product.priceTiers.map((t) => ({ minQty: t.minQty, priceCnyE4: toScaled(t.priceCny, 4) }));
    const tier = pickTier(tiers, qty);
    const source = { qty, price_tiers: JSON.stringify(tiers), typed_price_e4: null, typed_currency: null, typed_rate_e8: null };
    return {
      product,
      defaultQty: qty,
      priceCny: tier ? fromScaled(tier.priceCnyE4, 4, 2) : null,
      suggestedUnitPrice: quote && tier ? unitPrice(derivePriceE4(source, pricing(quote)), quote.price_decimals) : null,
    };
  });
}
