import type { Core } from '../core';
import * as q from '../../db/products';
import { barcodeToken, categoryToken, itemToken, textQuery } from './searchText';
import { refreshSearchIndex } from './searchIndex';
import { toProducts, type Product, type ViewOptions } from './service';

/** How a result matched, best first. */
export type MatchKind = 'exact' | 'itemPrefix' | 'name' | 'namePrefix' | 'other';

export type SearchHit = Product & { match: MatchKind };

export interface SearchInput {
  query?: string | undefined;
  limit: number;
  offset: number;
  category?: string | undefined;
  inStock?: boolean | undefined;
  status?: q.StatusFilter | undefined;
}

interface Tier {
  kind: MatchKind;
  count: () => number;
  page: (limit: number, offset: number) => number[];
}

/**
 * One search box for everything: exact item no or barcode first, then item
 * numbers starting with the query (in item-no order), then products whose
 * names have every word (whole words before word prefixes), then products
 * where the words are found in other fields (material, colours, supplier,
 * notes…). Each product appears once, in its best tier; pages are cut across
 * tiers with limit/offset.
 */
export function searchProducts(core: Core, input: SearchInput, view: ViewOptions): { items: SearchHit[]; total: number } {
  refreshSearchIndex(core);
  const db = core.db;
  const query = (input.query ?? '').normalize('NFKC').trim();
  const filter: q.SearchFilter = { status: input.status ?? 'active', category: input.category, inStock: input.inStock };

  if (query === '') {
    const { ids, total } = q.browsePage(db, filter, input.limit, input.offset);
    return { items: withMatch(core, ids, new Map(), view, 'other'), total };
  }

  const tiers: Tier[] = [];
  const exact = q.exactMatches(db, query, filter);
  tiers.push({ kind: 'exact', count: () => exact.length, page: (limit, offset) => exact.slice(offset, offset + limit) });
  tiers.push({
    kind: 'itemPrefix',
    count: () => q.itemPrefixCount(db, query, filter),
    page: (limit, offset) => q.itemPrefixPage(db, query, filter, limit, offset),
  });

  const text = textQuery(query);
  if (text) {
    // Item-no and barcode matches are listed above; filters live in the flags column.
    const notAbove = [`{item} : "${itemToken(query)}"*`];
    if (/^\d+$/.test(query)) notAbove.push(`{code} : "${barcodeToken(query)}"`);
    const flags: string[] = [];
    if (filter.status === 'active') flags.push('NOT {flags} : archived');
    if (filter.status === 'archived') flags.push('AND {flags} : archived');
    if (filter.category) flags.push(`AND {flags} : "${categoryToken(filter.category)}"`);
    const scoped = (expr: string) => `(${expr}) NOT (${notAbove.join(' OR ')}) ${flags.join(' ')}`.trim();
    const names = (expr: string) => `{names} : (${expr})`;
    const anywhere = (expr: string) => `{names extra} : (${expr})`;
    const textTiers: Array<[MatchKind, string]> = [['name', scoped(names(text.whole))]];
    if (text.prefix !== text.whole) textTiers.push(['namePrefix', scoped(`${names(text.prefix)} NOT ${names(text.whole)}`)]);
    textTiers.push(['other', scoped(`${anywhere(text.prefix)} NOT ${names(text.prefix)}`)]);
    const inStock = Boolean(filter.inStock);
    for (const [kind, match] of textTiers) {
      tiers.push({
        kind,
        count: () => q.textMatchCount(db, match, inStock),
        page: (limit, offset) => q.textMatchPage(db, match, inStock, limit, offset),
      });
    }
  }

  // Walk the tiers: skip whole tiers before the offset, then fill the page.
  let offset = input.offset;
  let room = input.limit;
  const ids: number[] = [];
  const kinds = new Map<number, MatchKind>();
  let total = 0;
  for (const tier of tiers) {
    if (room > 0) {
      if (offset > 0) {
        const n = tier.count();
        total += n;
        if (offset >= n) {
          offset -= n;
          continue;
        }
        const got = tier.page(room, offset);
        got.forEach((id) => kinds.set(id, tier.kind));
        ids.push(...got);
        room -= got.length;
        offset = 0;
        continue;
      }
      const got = tier.page(room, 0);
      got.forEach((id) => kinds.set(id, tier.kind));
      ids.push(...got);
      room -= got.length;
      if (room > 0) {
        // The tier is exhausted: its size is what was fetched.
        total += got.length;
        continue;
      }
      total += tier.count();
      continue;
    }
    total += tier.count();
  }
  return { items: withMatch(core, ids, kinds, view, 'other'), total };
}

function withMatch(core: Core, ids: number[], kinds: Map<number, MatchKind>, view: ViewOptions, fallback: MatchKind): SearchHit[] {
  const rows = q.rowsByIds(core.db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is q.ProductRow => r !== undefined);
  return toProducts(core, ordered, view).map((p) => ({ ...p, match: kinds.get(p.id) ?? fallback }));
}
