import ExcelJS from 'exceljs';
import type { Core } from '../core';
import * as q from '../../db/products';
import { stockSummary } from '../../db/stock';
import { fromScaled } from '../money/decimal';
import { cbmPerCarton } from '../products/service';
import { COLUMNS, type ColumnDef } from './columns';
import { writeCsv } from '../csv/write';

export type ExportFormat = 'csv' | 'xlsx';

/** The exported columns, in order: every canonical column except import-only ones; cost for the owner only. */
export function exportColumns(owner: boolean): ColumnDef[] {
  return COLUMNS.filter((c) => !c.importOnly && (owner || !c.ownerOnly));
}

function dec(value: number | null, scale: number): string {
  return value === null ? '' : fromScaled(value, scale, 0);
}

/** Price tiers as "288:2.35; 1440:2.23"; empty when price_cny alone says it all (one tier, from the MOQ). */
export function tiersText(tiers: Array<{ min_qty: number; price_cny_e4: number }>, moq: number): string {
  if (tiers.length === 0) return '';
  if (tiers.length === 1 && tiers[0]?.min_qty === Math.max(moq, 1)) return '';
  return tiers.map((t) => `${t.min_qty}:${fromScaled(t.price_cny_e4, 4, 2)}`).join('; ');
}

/** Every product (archived ones too), in item-no order, as canonical column → text. */
export function exportRows(core: Core, owner: boolean): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const batch of q.allProducts(core.db)) {
    const ids = batch.map((r) => r.id);
    const tiers = new Map<number, Array<{ min_qty: number; price_cny_e4: number }>>();
    for (const t of q.priceTiersFor(core.db, ids)) tiers.set(t.product_id, [...(tiers.get(t.product_id) ?? []), t]);
    const stock = new Map(stockSummary(core.db, ids).map((s) => [s.product_id, s.on_hand]));
    for (const r of batch) {
      const list = tiers.get(r.id) ?? [];
      const row: Record<string, string> = {
        item_no: r.item_no,
        name_zh: r.name_zh,
        name_en: r.name_en,
        name_ar: r.name_ar,
        name_es: r.name_es,
        name_ru: r.name_ru,
        name_fr: r.name_fr,
        name_pt: r.name_pt,
        category: r.category,
        material: r.material,
        color: r.colors,
        size: r.sizes,
        unit: r.unit,
        moq: String(r.moq),
        price_cny: list[0] ? fromScaled(list[0].price_cny_e4, 4, 2) : '',
        price_tiers: tiersText(list, r.moq),
        pcs_per_inner: r.pcs_per_inner === null ? '' : String(r.pcs_per_inner),
        pcs_per_carton: r.pcs_per_carton === null ? '' : String(r.pcs_per_carton),
        carton_l_cm: dec(r.carton_l_mm, 1),
        carton_w_cm: dec(r.carton_w_mm, 1),
        carton_h_cm: dec(r.carton_h_mm, 1),
        cbm: cbmPerCarton(r.carton_l_mm, r.carton_w_mm, r.carton_h_mm) ?? '',
        gw_kg: dec(r.gw_g, 3),
        nw_kg: dec(r.nw_g, 3),
        stock_qty: String(stock.get(r.id) ?? 0),
        low_stock_at: r.low_stock_at === null ? '' : String(r.low_stock_at),
        barcode: r.barcode,
        supplier: r.supplier,
        hs_code: r.hs_code,
        notes: r.notes,
        archived: r.archived ? 'yes' : 'no',
      };
      if (owner) row.cost_cny = dec(r.cost_cny_e4, 4);
      out.push(row);
    }
  }
  return out;
}

/** CSV in UTF-8 with a BOM (so Excel shows Chinese and Arabic), comma-separated, CRLF, formulas guarded (main/csv/write.ts). */
export function toCsv(columns: ColumnDef[], rows: Array<Record<string, string>>): Buffer {
  return Buffer.from(writeCsv([columns.map((c) => c.name), ...rows.map((row) => columns.map((c) => row[c.name] ?? ''))]), 'utf8');
}

/** Columns written as numbers in XLSX; everything else (item no, barcode, HS code…) is text. */
const NUMERIC = new Set(['moq', 'price_cny', 'cost_cny', 'pcs_per_inner', 'pcs_per_carton', 'carton_l_cm', 'carton_w_cm', 'carton_h_cm', 'cbm', 'gw_kg', 'nw_kg', 'stock_qty', 'low_stock_at']);

/** Prices show at least 2 decimals in the sheet, as everywhere else. */
const PRICES = new Set(['price_cny', 'cost_cny']);

export async function toXlsx(columns: ColumnDef[], rows: Array<Record<string, string>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stallkeeper';
  const sheet = workbook.addWorksheet('Products', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: c.name.startsWith('name_') || c.name === 'notes' ? 28 : Math.max(10, c.name.length + 2),
    // "@" is Excel's Text format: item numbers and barcodes keep their zeros and digits.
    style: NUMERIC.has(c.name) ? (PRICES.has(c.name) ? { numFmt: '0.00##' } : {}) : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, string | number> = {};
    for (const c of columns) {
      const v = row[c.name] ?? '';
      values[c.name] = NUMERIC.has(c.name) && v !== '' ? Number(v) : v;
    }
    sheet.addRow(values);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

export async function exportProducts(core: Core, format: ExportFormat, owner: boolean): Promise<{ bytes: Buffer; rows: number }> {
  const columns = exportColumns(owner);
  const rows = exportRows(core, owner);
  const bytes = format === 'csv' ? toCsv(columns, rows) : await toXlsx(columns, rows);
  return { bytes, rows: rows.length };
}
