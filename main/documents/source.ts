import type { DocumentSource } from './documentRef';
import { tradeSource } from './tradeSource';

/**
 * Where documents come from: the quotations and PIs of the data folder
 * (tradeSource.ts, which maps the quotes area's view types with fromQuote.ts).
 */
export type { DocumentRef, DocumentSource } from './documentRef';

let override: DocumentSource | null = null;

/** Tests and the benchmark print demo documents through another source; null restores the data folder's. */
export function setDocumentSource(next: DocumentSource | null): void {
  override = next;
}

export function documentSource(): DocumentSource {
  return override ?? tradeSource;
}
