/**
 * Spreadsheet formula guard for CSV cells (CSV injection, CWE-1236).
 *
 * Excel and LibreOffice run a CSV cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula: `=HYPERLINK("http://…","Click")`
 * typed into a product name by anyone would become a live link in the owner's
 * spreadsheet. On export such a cell gets one apostrophe in front, so both
 * programs show it as text; on import that one apostrophe is taken off again,
 * so export → import gives back exactly the original value (`+20 100 123 4567`
 * stays a phone number with its plus).
 *
 * The rule is a bijection: a value that already starts with apostrophes
 * followed by a trigger character gets one more apostrophe, and unescape
 * removes exactly one from anything of that shape. Full-width forms of the
 * trigger characters (＝ ＋ － ＠), which some Excel locales read as formulas
 * too, are guarded the same way. XLSX needs none of this: its cells are typed,
 * and text cells are never formulas (main/imports/export.ts writes strings).
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20'] as const;

const TRIGGER = '[=+\\-@\\t\\r\\uff1d\\uff0b\\uff0d\\uff20]';
/** A value that needs the guard: any apostrophes, then a trigger character. */
const NEEDS_GUARD = new RegExp(`^'*${TRIGGER}`);
/** A guarded value: at least one apostrophe, then a trigger character. */
const GUARDED = new RegExp(`^'+${TRIGGER}`);

/** The cell as written to a CSV file: shown as text by Excel and LibreOffice. */
export function escapeCell(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value;
}

/** The original value of a cell read from a CSV file (the inverse of escapeCell). */
export function unescapeCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/** Whether a spreadsheet would run this cell as a formula. */
export function looksLikeFormula(cell: string): boolean {
  return new RegExp(`^${TRIGGER}`).test(cell);
}
