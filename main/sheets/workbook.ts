/**
 * Spreadsheets (XLSX, exceljs) for the forwarder, the factory and the owner: purchase orders,
 * the market-procurement (1039) declaration of a delivery, receivables and statements. No
 * document engine: plain sheets with the labels of main/sheets/locales/<lang>.json, in Chinese,
 * English or both (a column heading "货号 / Item No."). Numbers are written as numbers (Excel
 * sums them), with the number format of their digits.
 */
import ExcelJS from 'exceljs';
import en from './locales/en.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

export type SheetLang = 'zh' | 'en' | 'bi';
export type LabelKey = keyof typeof en;

const CATALOGS: Record<'zh' | 'en', Record<LabelKey, string>> = { en, zh };

export function label(lang: SheetLang, key: LabelKey): string {
  if (lang === 'bi') return `${CATALOGS.zh[key]} / ${CATALOGS.en[key]}`;
  return CATALOGS[lang][key];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

export interface SheetFile {
  fileName: string;
  mime: typeof XLSX_MIME;
  base64: string;
}

/** A number format with exactly `digits` decimals ("0.00", "0"). */
export function numberFormat(digits: number): string {
  return digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

/** A decimal string ("1250.50") as a number for a cell: exact for the amounts a sheet shows (< 2^53 / 10^4). */
export function cellNumber(text: string | null): number | null {
  return text === null || text === '' ? null : Number(text);
}

export interface Column {
  key: LabelKey;
  width?: number;
  /** Decimals of a numeric column. */
  digits?: number;
}

/** Adds a heading block (label: value rows), then a table with a bold, wrapped header. */
export function addTable(
  sheet: ExcelJS.Worksheet,
  lang: SheetLang,
  columns: Column[],
  rows: Array<Array<string | number | null>>,
  options: { totals?: Array<string | number | null> } = {},
): void {
  const header = sheet.addRow(columns.map((c) => label(lang, c.key)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width ?? 14);
  });
  const format = (row: ExcelJS.Row) =>
    columns.forEach((c, i) => {
      if (c.digits !== undefined) row.getCell(i + 1).numFmt = numberFormat(c.digits);
    });
  for (const r of rows) format(sheet.addRow(r));
  if (options.totals) {
    const t = sheet.addRow(options.totals);
    t.font = { bold: true };
    format(t);
  }
}

export function addFacts(sheet: ExcelJS.Worksheet, lang: SheetLang, facts: Array<[LabelKey, string | number | null]>): void {
  for (const [key, value] of facts) {
    const row = sheet.addRow([label(lang, key), value ?? '']);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
}

export function addTitle(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 14 };
  sheet.addRow([]);
}

/** A workbook built by `build`, as the API returns files: base64 with its file name and type. */
export async function sheetFile(fileName: string, build: (workbook: ExcelJS.Workbook) => void): Promise<SheetFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stallkeeper';
  build(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, mime: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-');
}
