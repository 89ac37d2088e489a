/**
 * The stock ledger stays consistent through any sequence of the after-PI operations: PIs
 * issued (reserving), purchase orders made and placed, goods received (in part, sometimes too
 * much), deliveries (in part, sometimes too much or before the goods came), orders and PIs
 * cancelled. After every step, for every product, on hand, reserved and shipped as the API
 * reports them equal the sums of the ledger's movements and an independent model of what
 * should have happened, and none is ever negative; a refused step changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { createInvoice } from '../../main/invoices/service';
import { tempCore } from '../helpers/tempCore';
import { dataDigest } from '../helpers/stall';
import { balancesOutOfStep } from '../../db/balances';

type Op =
  | { kind: 'issue'; lines: Array<{ product: number; qty: number }> }
  | { kind: 'order'; pi: number }
  /** pct: of what is left to receive / deliver on the line (over 100: too much). */
  | { kind: 'receive'; po: number; line: number; pct: number; damaged: number }
  | { kind: 'deliver'; pi: number; line: number; pct: number }
  | { kind: 'cancelPo'; po: number }
  | { kind: 'cancelPi'; pi: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('issue' as const), lines: fc.array(fc.record({ product: fc.nat(2), qty: fc.integer({ min: 1, max: 700 }) }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('order' as const), pi: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), po: fc.nat(20), line: fc.nat(3), pct: fc.integer({ min: 0, max: 120 }), damaged: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pi: fc.nat(20), line: fc.nat(3), pct: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelPo' as const), po: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelPi' as const), pi: fc.nat(20) }) },
);

interface ModelPi {
  id: number;
  number: string;
  cancelled: boolean;
  lines: Array<{ id: number; product: number; qty: number; delivered: number }>;
}
interface ModelPo {
  id: number;
  status: string;
  lines: Array<{ id: number; product: number; qty: number; received: number }>;
}

const pick = <T,>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

describe('stock through orders, goods in, deliveries and cancellations (fast-check)', () => {
  it('keeps on hand, reserved and shipped per product equal to the ledger and the model after every step, never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 18 }), async (ops) => {
        const core = tempCore({ now: () => new Date('2026-03-02T09:00:00Z') });
        try {
          const supplier = await invoke(core, 'suppliers.create', { names: { zh: '工厂' } });
          const products = [] as number[];
          for (const [i, pcs] of [288, 1000, 25].entries()) {
            const p = await invoke(core, 'products.create', { itemNo: `P-${i}`, names: { en: `Product ${i}` }, costCny: '1.00', priceTiers: [{ minQty: 1, priceCny: '2.00' }], supplierId: supplier.id, packing: { pcsPerCarton: pcs } });
            products.push(p.id);
          }
          await invoke(core, 'stock.receive', { productId: products[0]!, qty: 500, reference: 'opening', movedAt: '2026-01-01T08:00:00.000Z' });
          const buyer = await invoke(core, 'buyers.create', { company: 'Model buyer', country: 'NG', currency: 'CNY' });
          const opening = [500, 0, 0];
          const pis: ModelPi[] = [];
          const pos: ModelPo[] = [];

          const check = async (label: string) => {
            for (const [k, productId] of products.entries()) {
              const api = (await invoke(core, 'products.get', { id: productId })).stock;
              const ledger = core.db
                .prepare(`SELECT COALESCE(SUM(on_hand_delta), 0) AS on_hand, COALESCE(SUM(reserved_delta), 0) AS reserved,
                                 -COALESCE(SUM(CASE WHEN kind = 'ship' THEN on_hand_delta END), 0) AS shipped FROM stock_moves WHERE product_id = ?`)
                .get(productId) as { on_hand: number; reserved: number; shipped: number };
              const received = pos.filter((o) => o.status !== 'cancelled').flatMap((o) => o.lines).filter((l) => l.product === k).reduce((s, l) => s + l.received, 0);
              const lines = pis.flatMap((pi) => pi.lines.map((l) => ({ ...l, cancelled: pi.cancelled }))).filter((l) => l.product === k);
              const shipped = lines.reduce((s, l) => s + l.delivered, 0);
              const reserved = lines.filter((l) => !l.cancelled).reduce((s, l) => s + l.qty - l.delivered, 0);
              const model = { onHand: (opening[k] ?? 0) + received - shipped, reserved, shipped };
              expect({ onHand: api.onHand, reserved: api.reserved }, `${label}: product ${k} as the API shows it`).toEqual({ onHand: ledger.on_hand, reserved: ledger.reserved });
              expect({ onHand: ledger.on_hand, reserved: ledger.reserved, shipped: ledger.shipped }, `${label}: product ${k} ledger vs model`).toEqual(model);
              expect(Math.min(ledger.on_hand, ledger.reserved, ledger.shipped), `${label}: product ${k} negative`).toBeGreaterThanOrEqual(0);
            }
            expect(balancesOutOfStep(core.db), `${label}: invoice_balances in step`).toEqual([]);
            for (const pi of pis) {
              const got = await invoke(core, 'invoices.get', { id: pi.id });
              for (const s of got.stock) {
                const k = products.indexOf(s.productId);
                const mine = pi.lines.filter((l) => l.product === k);
                expect([s.reserved, s.shipped], `${label}: ${pi.number} product ${k}`).toEqual([
                  pi.cancelled ? 0 : mine.reduce((t, l) => t + l.qty - l.delivered, 0),
                  mine.reduce((t, l) => t + l.delivered, 0),
                ]);
              }
            }
          };
          /** Runs a step that may be refused: refused means an API error and not one changed row. */
          const attempt = async (step: () => Promise<void>) => {
            const before = dataDigest(core);
            try {
              await step();
              return true;
            } catch (error) {
              if (!(error instanceof ApiFailure)) throw error;
              expect(error.error.code).not.toBe('internal');
              expect(dataDigest(core)).toBe(before);
              return false;
            }
          };

          for (const [n, op] of ops.entries()) {
            const label = `step ${n + 1} ${JSON.stringify(op)}`;
            if (op.kind === 'issue') {
              const merged = new Map<number, number>();
              for (const l of op.lines) merged.set(l.product, (merged.get(l.product) ?? 0) + l.qty);
              const q = await invoke(core, 'quotes.create', { buyerId: buyer.id, lines: [...merged].map(([k, qty]) => ({ itemNo: `P-${k}`, qty })) });
              await invoke(core, 'quotes.accept', { id: q.id });
              // The service inside one transaction, as dispatch runs it (without printing the PDF).
              const pi = core.db.transaction(() => createInvoice(core, q.id)).immediate();
              pis.push({ id: pi.id, number: pi.number, cancelled: false, lines: pi.lines.map((l) => ({ id: l.id, product: products.indexOf(l.product.productId as number), qty: l.qty, delivered: 0 })) });
            } else if (op.kind === 'order') {
              const pi = pick(pis, op.pi);
              if (!pi) continue;
              await attempt(async () => {
                const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
                for (const o of made.orders) {
                  await invoke(core, 'purchases.order', { id: o.id });
                  pos.push({ id: o.id, status: 'ordered', lines: o.lines.map((l) => ({ id: l.id, product: products.indexOf(l.productId), qty: l.qty, received: 0 })) });
                }
              });
            } else if (op.kind === 'receive') {
              const po = pick(pos, op.po);
              const line = po && pick(po.lines, op.line);
              if (!po || !line) continue;
              const qty = Math.ceil((Math.max(1, line.qty - line.received) * op.pct) / 100);
              const ok = await attempt(async () => {
                await invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: line.id, qty, damaged: op.damaged }] });
              });
              const allowed = (po.status === 'ordered' || po.status === 'partly_received') && qty + op.damaged > 0 && line.received + qty <= line.qty;
              expect(ok, `${label}: accepted`).toBe(allowed);
              if (ok) {
                line.received += qty;
                po.status = po.lines.every((l) => l.received >= l.qty) ? 'received' : 'partly_received';
              }
            } else if (op.kind === 'deliver') {
              const pi = pick(pis, op.pi);
              const line = pi && pick(pi.lines, op.line);
              if (!pi || !line) continue;
              const onHand = (await invoke(core, 'products.get', { id: products[line.product]! })).stock.onHand;
              const qty = Math.ceil((Math.max(1, line.qty - line.delivered) * op.pct) / 100);
              const ok = await attempt(async () => {
                await invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: line.id, qty }] });
              });
              const shippedAll = pi.lines.every((l) => l.delivered >= l.qty);
              const allowed = !pi.cancelled && !shippedAll && qty <= line.qty - line.delivered && qty <= onHand;
              expect(ok, `${label}: accepted`).toBe(allowed);
              if (ok) line.delivered += qty;
            } else if (op.kind === 'cancelPo') {
              const po = pick(pos, op.po);
              if (!po) continue;
              const ok = await attempt(async () => {
                await invoke(core, 'purchases.cancel', { id: po.id, reason: 'model' });
              });
              expect(ok, `${label}: accepted`).toBe(po.status === 'ordered');
              if (ok) po.status = 'cancelled';
            } else {
              const pi = pick(pis, op.pi);
              if (!pi) continue;
              const ok = await attempt(async () => {
                await invoke(core, 'invoices.cancel', { id: pi.id, reason: 'model' });
              });
              expect(ok, `${label}: accepted`).toBe(!pi.cancelled && pi.lines.every((l) => l.delivered === 0));
              if (ok) pi.cancelled = true;
            }
            await check(label);
          }
        } finally {
          core.remove();
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
