import type { Core } from '../core';
import { AppError, invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/products';
import { insertImage, getImage } from '../../db/images';
import { fromScaled, roundHalfAwayFromZero } from '../money/decimal';
import { imageUrls, type StoredImage } from '../files/imageStore';
import type { ProductChanges, ProductCreate } from './schema';
import { levels, type StockLevel } from '../stock/service';
import { refreshSearchIndex } from './searchIndex';
import { getSupplier } from '../../db/suppliers';

export interface ImageRef {
  hash: string;
  url: string;
  thumbUrl: string;
}

export interface Packing {
  pcsPerInner: number | null;
  pcsPerCarton: number | null;
  /** Carton length, width and height in cm ("45.5"). */
  cartonCm: { l: string; w: string; h: string } | null;
  /** m³ of one carton, 4 decimals, derived from the carton size. */
  cbmPerCarton: string | null;
  gwKg: string | null;
  nwKg: string | null;
}

export type Stock = StockLevel;

export interface Product {
  id: number;
  itemNo: string;
  names: Record<q.NameLang, string>;
  category: string;
  material: string;
  colors: string;
  sizes: string;
  unit: string;
  moq: number;
  /** Present for the owner only. */
  costCny?: string | null;
  priceTiers: Array<{ minQty: number; priceCny: string }>;
  packing: Packing;
  barcode: string;
  /** The supplier's name as typed on the product (the record's name when linked through supplierId). */
  supplier: string;
  /** The supplier record (main/suppliers), or null. */
  supplierId: number | null;
  /** The factory's own item no. */
  supplierItemNo: string;
  hsCode: string;
  /** Country of origin, ISO alpha-2 ('CN' unless set; '' not stated). */
  origin: string;
  notes: string;
  lowStockAt: number | null;
  archived: boolean;
  photos: ImageRef[];
  cover: ImageRef | null;
  stock: Stock;
  createdAt: string;
  updatedAt: string;
}

export interface ViewOptions {
  /** Cost prices are the owner's: staff and paired devices never receive them. */
  includeCost: boolean;
}

function ref(hash: string): ImageRef {
  return { hash, ...imageUrls(hash) };
}

export function cbmPerCarton(l: number | null, w: number | null, h: number | null): string | null {
  if (!l || !w || !h) return null;
  // mm³ → m³ is 10^-9; keep 4 decimals.
  return fromScaled(roundHalfAwayFromZero(BigInt(l) * BigInt(w) * BigInt(h), 9, 4), 4, 4);
}

/** The packing columns (of a product, or of a quotation line's snapshot of it) as the API shows them. */
export type PackingColumns = Pick<q.ProductRow, 'pcs_per_inner' | 'pcs_per_carton' | 'carton_l_mm' | 'carton_w_mm' | 'carton_h_mm' | 'gw_g' | 'nw_g'>;

export function toPacking(row: PackingColumns): Packing {
  const dims = row.carton_l_mm && row.carton_w_mm && row.carton_h_mm;
  return {
    pcsPerInner: row.pcs_per_inner,
    pcsPerCarton: row.pcs_per_carton,
    cartonCm: dims
      ? { l: fromScaled(row.carton_l_mm as number, 1, 0), w: fromScaled(row.carton_w_mm as number, 1, 0), h: fromScaled(row.carton_h_mm as number, 1, 0) }
      : null,
    cbmPerCarton: cbmPerCarton(row.carton_l_mm, row.carton_w_mm, row.carton_h_mm),
    gwKg: row.gw_g === null ? null : fromScaled(row.gw_g, 3, 0),
    nwKg: row.nw_g === null ? null : fromScaled(row.nw_g, 3, 0),
  };
}

/** Turns rows into API products, loading tiers, photos and stock for all of them in three queries. */
export function toProducts(core: Core, rows: q.ProductRow[], options: ViewOptions): Product[] {
  const ids = rows.map((r) => r.id);
  const tiers = new Map<number, Product['priceTiers']>();
  for (const t of q.priceTiersFor(core.db, ids)) {
    const list = tiers.get(t.product_id) ?? [];
    list.push({ minQty: t.min_qty, priceCny: fromScaled(t.price_cny_e4, 4, 2) });
    tiers.set(t.product_id, list);
  }
  const photos = new Map<number, ImageRef[]>();
  for (const p of q.photosFor(core.db, ids)) {
    const list = photos.get(p.product_id) ?? [];
    list.push(ref(p.image_hash));
    photos.set(p.product_id, list);
  }
  const stock = levels(core, ids);
  return rows.map((row) => {
    const productPhotos = photos.get(row.id) ?? [];
    const product: Product = {
      id: row.id,
      itemNo: row.item_no,
      names: { zh: row.name_zh, en: row.name_en, ar: row.name_ar, es: row.name_es, ru: row.name_ru, fr: row.name_fr, pt: row.name_pt },
      category: row.category,
      material: row.material,
      colors: row.colors,
      sizes: row.sizes,
      unit: row.unit,
      moq: row.moq,
      priceTiers: tiers.get(row.id) ?? [],
      packing: toPacking(row),
      barcode: row.barcode,
      supplier: row.supplier,
      supplierId: row.supplier_id,
      supplierItemNo: row.supplier_item_no,
      hsCode: row.hs_code,
      origin: row.origin_country,
      notes: row.notes,
      lowStockAt: row.low_stock_at,
      archived: row.archived === 1,
      photos: productPhotos,
      cover: productPhotos[0] ?? null,
      stock: stock.get(row.id) ?? { onHand: 0, reserved: 0, available: 0 },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    if (options.includeCost) product.costCny = row.cost_cny_e4 === null ? null : fromScaled(row.cost_cny_e4, 4, 2);
    return product;
  });
}

export function emptyWrite(itemNo: string): q.ProductWrite {
  return {
    item_no: itemNo, name_zh: '', name_en: '', name_ar: '', name_es: '', name_ru: '', name_fr: '', name_pt: '',
    category: '', material: '', colors: '', sizes: '', unit: 'pcs', moq: 1, cost_cny_e4: null,
    pcs_per_inner: null, pcs_per_carton: null, carton_l_mm: null, carton_w_mm: null, carton_h_mm: null,
    gw_g: null, nw_g: null, barcode: '', supplier: '', supplier_id: null, supplier_item_no: '', hs_code: '', origin_country: 'CN', notes: '',
    low_stock_at: null, archived: 0,
  };
}

/** Applies API fields over a stored row (or an empty one). */
export function applyChanges(base: q.ProductWrite, c: ProductChanges): q.ProductWrite {
  const w = { ...base };
  if (c.itemNo !== undefined) w.item_no = c.itemNo;
  if (c.names) {
    for (const lang of q.NAME_LANGS) {
      const value = c.names[lang];
      if (value !== undefined) w[`name_${lang}`] = value;
    }
  }
  if (c.category !== undefined) w.category = c.category;
  if (c.material !== undefined) w.material = c.material;
  if (c.colors !== undefined) w.colors = c.colors;
  if (c.sizes !== undefined) w.sizes = c.sizes;
  if (c.unit !== undefined) w.unit = c.unit;
  if (c.moq !== undefined) w.moq = c.moq;
  if (c.costCny !== undefined) w.cost_cny_e4 = c.costCny;
  if (c.packing) {
    const p = c.packing;
    if (p.pcsPerInner !== undefined) w.pcs_per_inner = p.pcsPerInner;
    if (p.pcsPerCarton !== undefined) w.pcs_per_carton = p.pcsPerCarton;
    if (p.cartonCm !== undefined) {
      // cm with one decimal, scaled ×10, is millimetres.
      w.carton_l_mm = p.cartonCm?.l ?? null;
      w.carton_w_mm = p.cartonCm?.w ?? null;
      w.carton_h_mm = p.cartonCm?.h ?? null;
    }
    if (p.gwKg !== undefined) w.gw_g = p.gwKg;
    if (p.nwKg !== undefined) w.nw_g = p.nwKg;
  }
  if (c.barcode !== undefined) w.barcode = c.barcode;
  if (c.supplier !== undefined) w.supplier = c.supplier;
  if (c.supplierItemNo !== undefined) w.supplier_item_no = c.supplierItemNo;
  if (c.hsCode !== undefined) w.hs_code = c.hsCode;
  if (c.origin !== undefined) w.origin_country = c.origin;
  if (c.notes !== undefined) w.notes = c.notes;
  if (c.lowStockAt !== undefined) w.low_stock_at = c.lowStockAt;
  if (c.archived !== undefined) w.archived = c.archived ? 1 : 0;
  return w;
}

export function checkConsistency(w: q.ProductWrite): void {
  if (w.gw_g !== null && w.nw_g !== null && w.nw_g > w.gw_g) {
    throw invalid('packing.nwKg', m('products.netWeightMoreGross'));
  }
  if (w.pcs_per_inner !== null && w.pcs_per_carton !== null && w.pcs_per_carton % w.pcs_per_inner !== 0) {
    throw invalid('packing.pcsPerCarton', m('products.pcsPerCartonNot', { pcsPerCarton: w.pcs_per_carton, pcsPerInner: w.pcs_per_inner }));
  }
  if (w.name_zh === '' && w.name_en === '') {
    throw invalid('names', m('products.giveProductChineseEnglish'));
  }
}

/**
 * A supplier chosen by id: the product carries its name (the link trigger of migrations 9 and 11 keeps
 * supplier_id in step with the name, whoever writes it). null unlinks. Given with a typed
 * `supplier` name as well, the id wins.
 */
export function applySupplier(core: Core, w: q.ProductWrite, supplierId: number | null | undefined): q.ProductWrite {
  if (supplierId === undefined) return w;
  if (supplierId === null) return { ...w, supplier: '', supplier_id: null };
  const supplier = getSupplier(core.db, supplierId);
  if (!supplier) throw notFound(m('common.noSupplierId', { supplierId }), 'supplierId');
  if (supplier.archived === 1 && w.supplier_id !== supplierId) {
    throw invalid('supplierId', m('products.archivedBringSupplierBack', { supplier: supplier.name_zh }));
  }
  return { ...w, supplier: supplier.name_zh, supplier_id: supplierId };
}

export function ensureItemNoFree(core: Core, itemNo: string, exceptId?: number): void {
  const existing = q.getProductByItemNo(core.db, itemNo);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', m('products.noItemNoAlready', { itemNo }), 'itemNo');
  }
}

/**
 * The first change staff may not make to a stored product (the owner's part of
 * products.update): any cost price, price tiers that differ from the stored
 * ones, or the archived flag. Null when every change is staff's to make. The
 * editor sends the tiers it shows, so unchanged tiers pass; a cost is refused
 * whatever its value (comparing it would tell staff the cost).
 */
export function ownerOnlyChange(core: Core, id: number, c: ProductChanges): 'costCny' | 'priceTiers' | 'archived' | null {
  if (c.costCny !== undefined) return 'costCny';
  const row = q.getProduct(core.db, id);
  if (!row) return null; // the update itself says the product does not exist
  if (c.priceTiers !== undefined) {
    const stored = q.priceTiersFor(core.db, [id]).map((t) => `${t.min_qty}:${t.price_cny_e4}`).sort();
    const given = tiersToRows(c.priceTiers).map((t) => `${t.min_qty}:${t.price_cny_e4}`).sort();
    if (stored.join(',') !== given.join(',')) return 'priceTiers';
  }
  if (c.archived !== undefined && c.archived !== (row.archived === 1)) return 'archived';
  return null;
}

const OWNER_FIELD_REASON = {
  costCny: m('products.onlyOwnerSetsCost'),
  priceTiers: m('products.onlyOwnerChangesCatalog'),
  archived: m('products.onlyOwnerArchivesProducts2'),
};

/** The 403 for an owner-only field in a staff call, naming the field ("changes.priceTiers"). */
export function ownerOnlyField(field: string): AppError {
  const key = (field.split('.').pop() ?? field) as keyof typeof OWNER_FIELD_REASON;
  const reason = OWNER_FIELD_REASON[key] ?? m('products.onlyOwnerChanges');
  return new AppError('forbidden', m('products.ownerOnlyField', { field, reason }), field);
}

export function tiersToRows(tiers: ProductCreate['priceTiers']) {
  return (tiers ?? []).map((t) => ({ min_qty: t.minQty, price_cny_e4: t.priceCny })).sort((a, b) => a.min_qty - b.min_qty);
}

export function getProduct(core: Core, id: number, options: ViewOptions): Product {
  const row = q.getProduct(core.db, id);
  if (!row) throw notFound(m('products.noProductId', { id }), 'id');
  return toProducts(core, [row], options)[0] as Product;
}

export function getProductByItemNo(core: Core, itemNo: string, options: ViewOptions): Product {
  const row = q.getProductByItemNo(core.db, itemNo.trim());
  if (!row) throw notFound(m('products.noProductItemNo', { itemNo }), 'itemNo');
  return toProducts(core, [row], options)[0] as Product;
}

export function createProduct(core: Core, input: ProductCreate, options: ViewOptions): Product {
  ensureItemNoFree(core, input.itemNo);
  const write = applySupplier(core, applyChanges(emptyWrite(input.itemNo), input), input.supplierId);
  checkConsistency(write);
  const id = q.insertProduct(core.db, write, core.now().toISOString());
  q.replacePriceTiers(core.db, id, tiersToRows(input.priceTiers));
  refreshSearchIndex(core);
  return getProduct(core, id, options);
}

export function updateProduct(core: Core, id: number, changes: ProductChanges, options: ViewOptions): Product {
  const row = q.getProduct(core.db, id);
  if (!row) throw notFound(m('products.noProductId', { id }), 'id');
  if (changes.itemNo !== undefined) ensureItemNoFree(core, changes.itemNo, id);
  const { id: _id, created_at: _c, updated_at: _u, ...base } = row;
  const write = applySupplier(core, applyChanges(base, changes), changes.supplierId);
  checkConsistency(write);
  q.updateProduct(core.db, id, write, core.now().toISOString());
  if (changes.priceTiers !== undefined) q.replacePriceTiers(core.db, id, tiersToRows(changes.priceTiers));
  refreshSearchIndex(core);
  return getProduct(core, id, options);
}

export function listProducts(core: Core, filter: q.ListFilter, options: ViewOptions): { items: Product[]; total: number } {
  const { rows, total } = q.listProducts(core.db, filter);
  return { items: toProducts(core, rows, options), total };
}

/** Appends stored photos to a product's photos; the first photo is the cover. */
export function addPhotos(core: Core, id: number, images: StoredImage[], options: ViewOptions): Product {
  const product = getProduct(core, id, options);
  for (const image of images) insertImage(core.db, image);
  const hashes = [...product.photos.map((p) => p.hash)];
  for (const image of images) if (!hashes.includes(image.hash)) hashes.push(image.hash);
  q.replacePhotos(core.db, id, hashes);
  return getProduct(core, id, options);
}

/** Reorders or removes photos: the given hashes, in order, become the product's photos. */
export function setPhotos(core: Core, id: number, hashes: string[], options: ViewOptions): Product {
  getProduct(core, id, options);
  hashes.forEach((hash, i) => {
    if (!getImage(core.db, hash)) throw invalid(`photos.${i}`, m('products.notStoredImage'));
  });
  q.replacePhotos(core.db, id, [...new Set(hashes)]);
  return getProduct(core, id, options);
}

/** Archives a product (hidden from search, lists and new quotations; its history stays) or brings it back. */
export function setArchived(core: Core, id: number, archived: boolean, options: ViewOptions): Product {
  const row = q.getProduct(core.db, id);
  if (!row) throw notFound(m('products.noProductId', { id }), 'id');
  if ((row.archived === 1) !== archived) q.setArchived(core.db, id, archived, core.now().toISOString());
  refreshSearchIndex(core);
  return getProduct(core, id, options);
}

/**
 * "Same item, new colour": a new product with every field, price tier and
 * photo of the original, a new item no and the given changes. The barcode is
 * not copied (it belongs to one article) unless given; stock starts at zero.
 */
export function duplicateProduct(core: Core, id: number, changes: ProductChanges & { itemNo: string }, copyPhotos: boolean, options: ViewOptions): Product {
  const row = q.getProduct(core.db, id);
  if (!row) throw notFound(m('products.noProductId', { id }), 'id');
  ensureItemNoFree(core, changes.itemNo);
  const { id: _id, created_at: _c, updated_at: _u, ...base } = row;
  const write = applySupplier(core, applyChanges({ ...base, barcode: '', archived: 0 }, changes), changes.supplierId);
  checkConsistency(write);
  const newId = q.insertProduct(core.db, write, core.now().toISOString());
  const tiers = changes.priceTiers !== undefined
    ? tiersToRows(changes.priceTiers)
    : q.priceTiersFor(core.db, [id]).map((t) => ({ min_qty: t.min_qty, price_cny_e4: t.price_cny_e4 }));
  q.replacePriceTiers(core.db, newId, tiers);
  if (copyPhotos) q.copyPhotos(core.db, id, newId);
  refreshSearchIndex(core);
  return getProduct(core, newId, options);
}
