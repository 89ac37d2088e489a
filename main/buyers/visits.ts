import { searchProducts } from '../products/search';
import type { Core } from '../core';
import { invalid, m, notFound } from '../errors/apiError';
import * as v from '../../db/visits';
import { insertImage } from '../../db/images';
import { decodeBase64Image, storeImage, type StoredImage } from '../files/imageStore';
import type { VisitChanges, VisitFields } from './schema';
import { buyerRow, ensureImage, imageRef, type ImageRef } from './service';

export interface VisitProduct {
  id: number;
  itemNo: string;
  names: { zh: string; en: string; ar: string };
  archived: boolean;
  cover: ImageRef | null;
}

export interface Visit {
  id: number;
  buyerId: number;
  visitedOn: string;
  staff: string;
  notes: string;
  products: VisitProduct[];
  photos: ImageRef[];
  createdAt: string;
}

export function toVisitProduct(r: v.ProductOptionRow & { archived?: 0 | 1 }): VisitProduct {
  return {
    id: r.id,
    itemNo: r.item_no,
    names: { zh: r.name_zh, en: r.name_en, ar: r.name_ar },
    archived: r.archived === 1,
    cover: r.cover ? imageRef(r.cover) : null,
  };
}

export function toVisits(core: Core, rows: v.VisitRow[]): Visit[] {
  const ids = rows.map((r) => r.id);
  const products = new Map<number, VisitProduct[]>();
  for (const p of v.productsOfVisits(core.db, ids)) {
    products.set(p.visit_id, [...(products.get(p.visit_id) ?? []), toVisitProduct({ ...p, id: p.product_id })]);
  }
  const photos = new Map<number, ImageRef[]>();
  for (const p of v.photosOfVisits(core.db, ids)) photos.set(p.visit_id, [...(photos.get(p.visit_id) ?? []), imageRef(p.image_hash)]);
  return rows.map((r) => ({
    id: r.id,
    buyerId: r.buyer_id,
    visitedOn: r.visited_on,
    staff: r.staff,
    notes: r.notes,
    products: products.get(r.id) ?? [],
    photos: photos.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

/** Stores the uploaded photos of a visit before its transaction (content-addressed files, harmless if it fails). */
export async function prepareVisitPhotos(core: Core, photos: VisitFields['photos'], field = 'photos'): Promise<Map<number, StoredImage>> {
  const stored = new Map<number, StoredImage>();
  for (const [i, p] of (photos ?? []).entries()) {
    if ('dataBase64' in p) {
      const f = `${field}.${i}.dataBase64`;
      stored.set(i, await storeImage(core.paths.photos, decodeBase64Image(p.dataBase64, f), 'photo', f));
    }
  }
  return stored;
}

function photoHashes(core: Core, photos: NonNullable<VisitFields['photos']>, stored: Map<number, StoredImage>): string[] {
  const hashes: string[] = [];
  photos.forEach((p, i) => {
    const image = stored.get(i);
    if (image) {
      insertImage(core.db, image);
      hashes.push(image.hash);
    } else if ('hash' in p) {
      ensureImage(core, p.hash, `photos.${i}`);
      hashes.push(p.hash);
    }
  });
  return [...new Set(hashes)];
}

function checkProducts(core: Core, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  const existing = v.existingProductIds(core.db, unique);
  ids.forEach((id, i) => {
    if (!existing.has(id)) throw invalid(`productIds.${i}`, m('common.noProductId', { id }));
  });
  return unique;
}

/** A visit on a day after tomorrow is a typing mistake (tomorrow is allowed for time zones). */
function checkDate(core: Core, visitedOn: string): void {
  const latest = new Date(core.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  if (visitedOn > latest) throw invalid('visitedOn', m('buyers.future', { visitedOn }));
}

function visitRow(core: Core, id: number): v.VisitRow {
  const row = v.getVisit(core.db, id);
  if (!row) throw notFound(m('buyers.noVisitId', { id }), 'id');
  return row;
}

export function getVisit(core: Core, id: number): Visit {
  return toVisits(core, [visitRow(core, id)])[0] as Visit;
}

export function addVisit(core: Core, buyerId: number, input: VisitFields, stored: Map<number, StoredImage>): Visit {
  buyerRow(core, buyerId, 'buyerId');
  checkDate(core, input.visitedOn);
  const products = checkProducts(core, input.productIds ?? []);
  const id = v.insertVisit(core.db, { buyer_id: buyerId, visited_on: input.visitedOn, staff: input.staff ?? '', notes: input.notes ?? '' });
  v.replaceVisitProducts(core.db, id, products);
  v.replaceVisitPhotos(core.db, id, photoHashes(core, input.photos ?? [], stored));
  return getVisit(core, id);
}

export function updateVisit(core: Core, id: number, changes: VisitChanges, stored: Map<number, StoredImage>): Visit {
  const row = visitRow(core, id);
  const next = {
    visited_on: changes.visitedOn ?? row.visited_on,
    staff: changes.staff ?? row.staff,
    notes: changes.notes ?? row.notes,
  };
  if (changes.visitedOn !== undefined) checkDate(core, next.visited_on);
  v.updateVisit(core.db, id, next);
  if (changes.productIds !== undefined) v.replaceVisitProducts(core.db, id, checkProducts(core, changes.productIds));
  if (changes.photos !== undefined) v.replaceVisitPhotos(core.db, id, photoHashes(core, changes.photos, stored));
  return getVisit(core, id);
}

export function deleteVisit(core: Core, id: number): { deleted: number } {
  visitRow(core, id);
  v.deleteVisit(core.db, id);
  return { deleted: id };
}

export function visitsOfBuyer(core: Core, buyerId: number): Visit[] {
  buyerRow(core, buyerId, 'id');
  return toVisits(core, v.visitsOf(core.db, buyerId));
}

/** Products to pick while logging a visit, by item no, barcode or name. */
export function productOptions(core: Core, input: { query?: string | undefined; ids?: number[] | undefined; limit: number }): VisitProduct[] {
  if (input.ids) return v.productOptionsByIds(core.db, input.ids).map((r) => toVisitProduct(r));
  const query = (input.query ?? '').trim();
  if (!query) return [];
  // The catalog's one search box: item no, barcode, names in any script.
  const ids = searchProducts(core, { query, limit: input.limit, offset: 0, status: 'all' }, { includeCost: false }).items.map((p) => p.id);
  const rows = new Map(v.productOptionsByIds(core.db, ids).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toVisitProduct(row)] : [];
  });
}
