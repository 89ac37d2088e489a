import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import type { Quote } from '../../main/quotes/types';
import { tempCore } from '../helpers/tempCore';
import { seedQuoteStall } from '../helpers/quoteStall';

type Stall = Awaited<ReturnType<typeof seedQuoteStall>>;

const ITEM_NOS = ['00123', '01107', '02113', '04130', '03118', '09001'];
const rateText = fc.integer({ min: 1, max: 5_000_000_000 }).map((e8) => {
  const s = String(e8).padStart(9, '0');
  return `${s.slice(0, -8)}.${s.slice(-8)}`;
});
const lineArb = fc.record({
  item: fc.constantFrom(...ITEM_NOS),
  qty: fc.integer({ min: 1, max: 200_000 }),
  typed: fc.option(fc.integer({ min: 0, max: 9_999_999 }).map((e4) => `${Math.floor(e4 / 10_000)}.${String(e4 % 10_000).padStart(4, '0')}`), { nil: undefined }),
});

const figures = (q: Quote) => ({ lines: q.lines.map((l) => [l.product.itemNo, l.qty, l.unitPrice, l.amount, l.cartons, l.cbm]), totals: q.totals, containers: q.containers });

describe('quotations through the API, properties', () => {
  let core: ReturnType<typeof tempCore>;
  let stall: Stall;
  beforeAll(async () => {
    core = tempCore();
    stall = await seedQuoteStall(core);
  });
  afterAll(() => core.remove());

  it('restores every price and total after any currency and rate and back (or refuses a total too large and changes nothing)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 4 }), rateText, fc.constantFrom('NGN', 'EUR', 'KES', 'CNY', 'KWD', 'JPY', 'XOF'), async (lines, decimals, rate, other) => {
        const created = await invoke(core, 'quotes.create', {
          buyerId: stall.buyers.lagos.id,
          priceDecimals: decimals,
          lines: lines.map((l) => ({ itemNo: l.item, qty: l.qty, ...(l.typed ? { unitPrice: l.typed } : {}) })),
        });
        const changes = other === 'CNY' ? { currency: 'CNY' } : { currency: other, rate };
        const away: Quote | Error = await invoke(core, 'quotes.update', { id: created.id, changes }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        if (away instanceof Error) {
          // Some rates make a total beyond what an amount can hold exactly (900 billion): refused, nothing changed.
          expect(away.message).toMatch(/total is more than/);
          expect(figures(await invoke(core, 'quotes.get', { id: created.id }))).toEqual(figures(created));
          return;
        }
        expect(away.currency).toBe(other);
        const back = await invoke(core, 'quotes.update', { id: created.id, changes: { currency: 'USD', rate: created.rate } });
        expect(figures(back)).toEqual(figures(created));
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same totals and container fill whatever the order of the lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 2, maxLength: 8 }), fc.integer(), async (lines, seed) => {
        const q = await invoke(core, 'quotes.create', {
          buyerId: stall.buyers.lagos.id,
          discount: { kind: 'percent', percent: '2.5' },
          charges: [{ kind: 'freight', amount: '350' }],
          lines: lines.map((l) => ({ itemNo: l.item, qty: l.qty, ...(l.typed ? { unitPrice: l.typed } : {}) })),
        });
        const order = q.lines.map((l) => l.id).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const shuffled = await invoke(core, 'quotes.update', { id: q.id, changes: { lines: order.map((lineId) => ({ lineId })) } });
        expect(shuffled.lines.map((l) => l.id)).toEqual(order);
        expect(shuffled.totals).toEqual(q.totals);
        expect(shuffled.containers).toEqual(q.containers);
        const minor = shuffled.lines.reduce((sum, l) => sum + BigInt(l.amount.replace('.', '')), 0n);
        expect(BigInt(shuffled.totals.amount.replace('.', ''))).toBe(minor);
      }),
      { numRuns: 25 },
    );
  });
});
