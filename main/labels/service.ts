import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import * as q from '../../db/products';
import { getSeller } from '../settings/service';
import { searchProducts } from '../products/search';
import { checkPriceCodeKey, DEFAULT_PRICE_CODE_KEY, sampleTagsPdf, type TagOptions, type TagProduct } from './sampleTags';

export interface SampleTagsRequest {
  productIds?: number[] | undefined;
  query?: string | undefined;
  category?: string | undefined;
  copies?: number | undefined;
  layout?: TagOptions['layout'] | undefined;
  nameLangs?: string[] | undefined;
  priceMode?: TagOptions['priceMode'] | undefined;
  priceCodeKey?: string | undefined;
  code?: TagOptions['code'] | undefined;
  skip?: number | undefined;
}

/** Most tags in one PDF. */
export const MAX_TAGS = 2000;

function tagProducts(core: Core, rows: q.ProductRow[]): TagProduct[] {
  const tiers = new Map<number, number>();
  for (const t of q.priceTiersFor(core.db, rows.map((r) => r.id))) if (!tiers.has(t.product_id)) tiers.set(t.product_id, t.price_cny_e4);
  return rows.map((r) => ({
    itemNo: r.item_no,
    names: { zh: r.name_zh, en: r.name_en, ar: r.name_ar, es: r.name_es, ru: r.name_ru, fr: r.name_fr, pt: r.name_pt },
    unit: r.unit,
    moq: r.moq,
    priceCnyE4: tiers.get(r.id) ?? null,
    pcsPerCarton: r.pcs_per_carton,
    barcode: r.barcode,
  }));
}

/** The products to tag: the listed ids in their order, or what a search finds (active products). */
export function selectProducts(core: Core, req: SampleTagsRequest): TagProduct[] {
  let rows: q.ProductRow[];
  if (req.productIds?.length) {
    const byId = new Map(q.rowsByIds(core.db, req.productIds).map((r) => [r.id, r]));
    rows = req.productIds.map((id, i) => {
      const row = byId.get(id);
      if (!row) throw invalid(`productIds.${i}`, m('common.noProductId', { id }));
      return row;
    });
  } else {
    const found = searchProducts(core, { query: req.query, category: req.category, limit: MAX_TAGS, offset: 0 }, { includeCost: false });
    rows = q.rowsByIds(core.db, found.items.map((p) => p.id));
    const order = new Map(found.items.map((p, i) => [p.id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  const copies = req.copies ?? 1;
  if (rows.length * copies > MAX_TAGS) {
    throw invalid('copies', m('labels.makesTagsPrintMost', { tags: rows.length * copies, maxTags: MAX_TAGS }));
  }
  return tagProducts(core, rows).flatMap((p) => Array.from({ length: copies }, () => p));
}

export async function sampleTags(core: Core, req: SampleTagsRequest): Promise<{ pdf: Buffer; pages: number; tags: number }> {
  const products = selectProducts(core, req);
  if (products.length === 0) throw invalid(req.productIds ? 'productIds' : 'query', m('labels.noProductsPrintTags'));
  const options: TagOptions = {
    layout: req.layout ?? '3x8',
    nameLangs: req.nameLangs?.length ? req.nameLangs : ['zh', 'en'],
    priceMode: req.priceMode ?? 'price',
    priceCodeKey: checkPriceCodeKey(req.priceCodeKey ?? DEFAULT_PRICE_CODE_KEY, 'priceCodeKey'),
    code: req.code ?? 'auto',
    skip: req.skip ?? 0,
    footer: getSeller(core).stallNumber,
  };
  const { pdf, pages } = await sampleTagsPdf(products, options);
  return { pdf, pages, tags: products.length };
}
