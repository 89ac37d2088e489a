import type { Core } from '../core';
import { writeCsv } from '../csv/write';
import { formatInternational } from '../phones/e164';
import { exportHeader } from './csvColumns';
import type { BuyerFilter } from './schema';
import { searchBuyers, type Buyer } from './service';

function buyerCells(b: Buyer, groups: number): string[] {
  const cells = [b.company, b.country, b.city, b.address, b.currency, b.docLanguage, b.agent, b.passportNo, b.taxNo, b.nationality, [...b.tags].sort().join('; '), b.notes];
  for (let g = 0; g < groups; g += 1) {
    const c = b.contacts[g];
    cells.push(
      c?.name ?? '',
      c?.role ?? '',
      c?.phone ? formatInternational(c.phone) : '',
      c?.whatsapp ? formatInternational(c.whatsapp) : '',
      c?.wechat ?? '',
      c?.email ?? '',
    );
  }
  return cells;
}

/** Buyers as CSV text (main/csv/write.ts: BOM, CRLF, formulas guarded), in the order they were added, with a BOM and as many contact columns as the most contacts any has. */
export function exportBuyers(core: Core, filter: BuyerFilter & { query?: string | undefined }): { csv: string; count: number } {
  const chosen = searchBuyers(core, { ...filter, sort: 'added', limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items;
  const groups = Math.max(1, ...chosen.map((b) => b.contacts.length));
  return { csv: writeCsv([exportHeader(groups), ...chosen.map((b) => buyerCells(b, groups))]), count: chosen.length };
}
