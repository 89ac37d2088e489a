import type { ApiInput, ApiOutput } from '../../api/client';

/** The product editor's form: its values, from and to the API's product. */
export type Product = ApiOutput<'products.get'>;
export type CreateInput = ApiInput<'products.create'>;
export type Lang = 'zh' | 'en' | 'ar' | 'es' | 'ru' | 'fr' | 'pt';

export interface FormValues {
  itemNo: string;
  names: Partial<Record<Lang, string>>;
  category?: string;
  material?: string;
  colors?: string;
  sizes?: string;
  unit?: string;
  moq?: number | null;
  costCny?: string;
  priceTiers?: Array<{ minQty?: number | null; priceCny?: string }>;
  packing?: {
    pcsPerInner?: number | null;
    pcsPerCarton?: number | null;
    cartonCm?: { l?: number | null; w?: number | null; h?: number | null };
    gwKg?: number | null;
    nwKg?: number | null;
  };
  barcode?: string;
  supplier?: string;
  supplierItemNo?: string;
  hsCode?: string;
  origin?: string;
  notes?: string;
  lowStockAt?: number | null;
}

export const EMPTY: FormValues = { itemNo: '', names: {}, unit: 'pcs', moq: 1, origin: 'CN', priceTiers: [{ minQty: 1, priceCny: '' }], packing: { cartonCm: {} } };

export function toForm(p: Product): FormValues {
  return {
    itemNo: p.itemNo,
    names: { ...p.names },
    category: p.category,
    material: p.material,
    colors: p.colors,
    sizes: p.sizes,
    unit: p.unit,
    moq: p.moq,
    costCny: p.costCny ?? '',
    priceTiers: p.priceTiers.map((t) => ({ minQty: t.minQty, priceCny: t.priceCny })),
    packing: {
      pcsPerInner: p.packing.pcsPerInner,
      pcsPerCarton: p.packing.pcsPerCarton,
      cartonCm: p.packing.cartonCm ? { l: Number(p.packing.cartonCm.l), w: Number(p.packing.cartonCm.w), h: Number(p.packing.cartonCm.h) } : {},
      gwKg: p.packing.gwKg === null ? null : Number(p.packing.gwKg),
      nwKg: p.packing.nwKg === null ? null : Number(p.packing.nwKg),
    },
    barcode: p.barcode,
    supplier: p.supplier,
    supplierItemNo: p.supplierItemNo,
    hsCode: p.hsCode,
    origin: p.origin,
    notes: p.notes,
    lowStockAt: p.lowStockAt,
  };
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

export function toInput(v: FormValues, owner: boolean): CreateInput {
  const c = v.packing?.cartonCm ?? {};
  const names: Partial<Record<Lang, string>> = {};
  for (const [lang, name] of Object.entries(v.names ?? {})) names[lang as Lang] = name ?? '';
  const input: CreateInput = {
    itemNo: v.itemNo ?? '',
    names,
    category: v.category ?? '',
    material: v.material ?? '',
    colors: v.colors ?? '',
    sizes: v.sizes ?? '',
    unit: v.unit || 'pcs',
    moq: v.moq ?? 1,
    priceTiers: (v.priceTiers ?? [])
      .filter((t) => !blank(t?.minQty) || !blank(t?.priceCny))
      .map((t) => ({ minQty: t.minQty as number, priceCny: (t.priceCny ?? '').trim() })),
    packing: {
      pcsPerInner: v.packing?.pcsPerInner ?? null,
      pcsPerCarton: v.packing?.pcsPerCarton ?? null,
      cartonCm: blank(c.l) && blank(c.w) && blank(c.h) ? null : ({ l: c.l, w: c.w, h: c.h } as { l: number; w: number; h: number }),
      gwKg: v.packing?.gwKg ?? null,
      nwKg: v.packing?.nwKg ?? null,
    },
    barcode: v.barcode ?? '',
    supplier: v.supplier ?? '',
    supplierItemNo: v.supplierItemNo ?? '',
    hsCode: v.hsCode ?? '',
    origin: v.origin ?? '',
    notes: v.notes ?? '',
    lowStockAt: v.lowStockAt ?? null,
  };
  if (owner) input.costCny = blank(v.costCny) ? null : (v.costCny as string).trim();
  return input;
}

/** API fields shown on another field of the form: "names" on the Chinese name, a carton size on its length. */
export const FORM_FIELDS = { within: 'changes', rename: { names: 'names.zh', 'packing.cartonCm': 'packing.cartonCm.l' }, scroll: true } as const;

/** m³ of a carton from its size in cm, as the server works it out (4 decimals). */
export function cbm(c?: { l?: number | null; w?: number | null; h?: number | null }): string {
  if (!c?.l || !c.w || !c.h) return '—';
  return ((c.l * c.w * c.h) / 1_000_000).toFixed(4);
}

