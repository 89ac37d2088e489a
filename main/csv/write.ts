import { stringify } from 'csv-stringify/sync';
import { escapeCell } from './formulaGuard';

/**
 * Records as CSV text for Excel and LibreOffice: a BOM (so Excel reads UTF-8 and shows Chinese,
 * Arabic and Cyrillic), comma-separated, CRLF after every record (RFC 4180). A field is quoted
 * when it holds a comma, a quote (doubled) or a line break, or starts or ends with a space;
 * every cell passes the formula guard (formulaGuard.ts) first.
 */
export function writeCsv(records: string[][]): string {
  return stringify(records.map((r) => r.map(escapeCell)), {
    bom: true,
    delimiter: ',',
    record_delimiter: 'windows',
    // With a record_delimiter given, csv-stringify quotes only fields holding that exact "\r\n"
    // unless told to quote any "\n" or "\r" too: a note with a bare line break would split its row.
    quote_record_delimiter: true,
    quoted_match: /^\s|\s$/,
  });
}
