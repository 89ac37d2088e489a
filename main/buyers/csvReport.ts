/** What a buyers import (main/buyers/csv.ts) reports: per row and column, and for the file. */

export interface RowProblem {
  /** Data row, counted from 1; null for the file as a whole (its header). */
  row: number | null;
  /** The CSV column. */
  field: string;
  reason: string;
  /** "row N: field: reason" ("第 N 行：field：reason"), or "field: reason" for the file; as the product import writes them. */
  text: string;
}

/** The result of buyers.import. */
export interface ImportResult {
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (only with skipInvalid). */
  skipped: number;
  /** Whether anything was written. */
  written: boolean;
  errors: RowProblem[];
  /** Not blocking: numbers or emails that other buyers (or other rows) have too. */
  warnings: RowProblem[];
  /** How each column of the file was read (the import wizard shows it to map columns by hand). */
  columns: ColumnReport[];
  /** How the bytes were read, when they came as a file. */
  encoding?: string;
}

/** How each column of the file is read: the header, the column it fills (null: ignored) and its first value. */
export interface ColumnReport {
  index: number;
  header: string;
  column: string | null;
  sample: string;
}
