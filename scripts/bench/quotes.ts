import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { containerFill, documentTotals, type LineInput } from '../../main/quotes/totals';
import type { BenchContext } from './index';
import { measure } from './stats';

/**
 * Quotations: a 200-line quotation recalculated (target: under 50 ms), as pure
 * arithmetic and through the API (quotes.update changing one quantity: lines
 * written, totals, container fill and warnings recomputed, the view returned).
 */
export async function benchQuotes(ctx: BenchContext): Promise<Record<string, unknown>> {
  const core = openCore(ctx.dataDir);
  try {
    ctx.log('a 200-line quotation');
    await invoke(core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234' });
    const buyer = await invoke(core, 'buyers.create', { company: 'Bench Trading FZE', country: 'AE', currency: 'USD' });
    const itemNo = (i: number) => String(1 + ((i * 7919) % ctx.products)).padStart(6, '0');
    const lines = Array.from({ length: 200 }, (_, i) => ({ itemNo: itemNo(i), qty: 144 * (1 + (i % 30)) }));
    const quote = await invoke(core, 'quotes.create', { buyerId: buyer.id, priceDecimals: 4, lines });
    const keep = quote.lines.map((l) => ({ lineId: l.id }));

    const pureLines: LineInput[] = quote.lines.map((l) => ({
      qty: l.qty,
      unitPriceE4: Math.round(Number(l.unitPrice) * 10_000),
      packing: { pcsPerCarton: 144, cartonLMm: 500, cartonWMm: 400, cartonHMm: 350, gwG: 12_000, nwG: 11_000 },
    }));
    const specs = [{ code: '20GP', capacityCbmE3: 28_000, payloadKg: 21_700 }, { code: '40GP', capacityCbmE3: 58_000, payloadKg: 26_500 }, { code: '40HQ', capacityCbmE3: 68_000, payloadKg: 26_500 }];
    const totalsOnly = await measure(500, () => containerFill(documentTotals({ currency: 'USD', lines: pureLines, discount: { kind: 'percent', e4: 30_000 }, chargesE4: [3_500_000], depositPercent: 30 }), specs));

    ctx.log('quotes.update, quotes.get and quotes.addByScan on 200 lines');
    const update = await measure(100, (i) =>
      invoke(core, 'quotes.update', { id: quote.id, changes: { lines: keep.map((k, j) => (j === i % 200 ? { ...k, qty: 288 + (i % 7) * 144 } : k)) } }),
    );
    const get = await measure(100, () => invoke(core, 'quotes.get', { id: quote.id }));
    const scan = await measure(50, (i) => invoke(core, 'quotes.addByScan', { id: quote.id, code: itemNo(i % 200) }));

    ctx.log('a PI from the 200-line quotation');
    await invoke(core, 'quotes.accept', { id: quote.id });
    const issue = await measure(1, () => invoke(core, 'invoices.create', { quoteId: quote.id }), 0);
    return {
      quote200LinesTotalsOnly: totalsOnly,
      quote200LinesUpdateOneQty: update,
      quote200LinesGet: get,
      quote200LinesAddByScan: scan,
      invoiceFrom200LineQuote: issue,
    };
  } finally {
    core.close();
  }
}
