/** The field separators a CSV file may use: comma, semicolon (Excel in most of Europe), tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The separator of a CSV: the most frequent of , ; and tab outside quotes in its first record
 * (a quoted header may span lines). Ties go to comma, then semicolon; none at all is comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
