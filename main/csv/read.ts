import { parse } from 'csv-parse/sync';
import { detectDelimiter, type CsvDelimiter } from './delimiter';
import { unescapeCell } from './formulaGuard';

/** A CSV file as its header record and the data records under it, every cell as written (formula guard taken off). */
export interface CsvTable {
  delimiter: CsvDelimiter;
  /** The first record with a non-blank cell. */
  header: string[];
  /** Data records; data row N of the messages is rows[N - 1]. Their lengths may differ from the header's: see raggedRows. */
  rows: string[][];
}

/** Text that is not CSV (an unclosed quote, a quote inside an unquoted field…). */
export class CsvSyntaxError extends Error {
  /** The data row (counted from 1 after the header) where reading stopped; null when in the header. */
  readonly row: number | null;
  constructor(message: string, row: number | null) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.row = row;
  }
}

export interface ReadCsvOptions {
  /**
   * Leave out empty lines (data rows are then numbered without them), or keep them as
   * empty records so that row N is line N of a simple file (the product import's numbering).
   */
  skipEmptyLines: boolean;
}

/**
 * Parses CSV text (RFC 4180: quoted fields may hold separators, quotes and line breaks; CRLF or LF)
 * with the separator detected from the header. Null when the text has no non-blank record.
 */
export function readCsv(text: string, options: ReadCsvOptions): CsvTable | null {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: options.skipEmptyLines }) as string[][];
  } catch (error) {
    const e = error as Error & { records?: number };
    throw new CsvSyntaxError(e.message, typeof e.records === 'number' && e.records > 0 ? e.records : null);
  }
  const headerAt = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) return null;
  const cells = records.map((r) => r.map(unescapeCell));
  return { delimiter, header: cells[headerAt] as string[], rows: cells.slice(headerAt + 1) };
}

/** Data rows whose number of fields differs from the header's (a truncated line, a stray separator): their values would land in the wrong columns. */
export function raggedRows(table: CsvTable): Array<{ row: number; fields: number; header: number }> {
  const header = table.header.length;
  return table.rows.flatMap((cells, i) => (cells.length === header ? [] : [{ row: i + 1, fields: cells.length, header }]));
}
