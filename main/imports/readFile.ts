import path from 'node:path';
import ExcelJS from 'exceljs';
import { invalid, m, type AppError, type Message } from '../errors/apiError';
import { decodeCsvBytes, type CsvEncoding } from '../csv/decode';
import type { CsvDelimiter } from '../csv/delimiter';
import { readCsv, type CsvTable } from '../csv/read';

/** A product file as rows of text: the header row and the data rows under it. */
export interface SheetData {
  format: 'csv' | 'xlsx';
  /** CSV only: the field separator found in the header line. */
  delimiter?: CsvDelimiter;
  /** CSV only: how the bytes were decoded. */
  encoding?: CsvEncoding;
  headers: string[];
  /** Data rows; row N of the messages is rows[N - 1] (N counts data rows from 1). */
  rows: string[][];
  /**
   * CSV only: how many fields the header record has, and each data record. A record with fewer or
   * more (a truncated line, a stray separator) is refused: its values would land in the wrong columns.
   */
  fieldCounts?: { header: number; rows: number[] };
}

function fileError(reason: Message): AppError {
  return invalid('file', reason);
}

export function formatOf(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  const ext = path.extname(fileName).toLowerCase();
  // XLSX is a zip file: "PK\x03\x04".
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (!zip) throw fileError(m('imports.namedXlsxButNot'));
    return 'xlsx';
  }
  if (ext === '.xls') throw fileError(m('imports.oldExcelFilesXls'));
  if (zip) return 'xlsx';
  return 'csv';
}

function readCsvFile(bytes: Buffer): SheetData {
  const { text, encoding } = decodeCsvBytes(bytes);
  let table: CsvTable | null;
  try {
    table = readCsv(text, { skipEmptyLines: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(m('imports.notReadableCsvFile', { detail }));
  }
  if (!table) throw fileError(m('imports.empty'));
  return {
    format: 'csv',
    delimiter: table.delimiter,
    encoding,
    headers: table.header.map((h) => h.trim()),
    rows: table.rows,
    fieldCounts: { header: table.header.length, rows: table.rows.map((r) => r.length) },
  };
}

/** Leading zeros a number format like "00000" shows. */
function zeroPadded(value: number, numFmt: string | undefined): string {
  const text = String(value);
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) return text.padStart(numFmt.length, '0');
  return text;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** What a spreadsheet cell holds, as the text the user sees in it. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return zeroPadded(value, numFmt);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: string }).error);
    return cellText(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return String(value.error);
  return String(value as unknown);
}

async function readXlsx(bytes: Buffer): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(m('imports.notReadableExcelWorkbook', { detail }));
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw fileError(m('imports.noSheetData'));
  const width = sheet.columnCount;
  const lines: Array<{ number: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    lines.push({ number, cells });
  });
  const header = lines.find((l) => l.cells.some((c) => c.trim() !== ''));
  if (!header) throw fileError(m('imports.noSheetData'));
  // Keep spreadsheet numbering: an empty row in the sheet is an empty data row.
  const rows: string[][] = [];
  for (const line of lines) {
    if (line.number <= header.number) continue;
    while (rows.length < line.number - header.number - 1) rows.push([]);
    rows.push(line.cells);
  }
  return { format: 'xlsx', headers: header.cells.map((h) => h.trim()), rows };
}

/** Reads a CSV or XLSX product file into rows of text. */
export async function readSheet(fileName: string, bytes: Buffer): Promise<SheetData> {
  if (bytes.length === 0) throw fileError(m('imports.empty'));
  return formatOf(fileName, bytes) === 'xlsx' ? readXlsx(bytes) : readCsvFile(bytes);
}
