/**
 * Where a PI stands after it was issued: its goods (ordered from factories, received, ready,
 * delivered to the forwarder) and its money, and the one stage the issue's flow names:
 *
 *   issued → deposit_received → in_production → ready → partly_delivered → delivered → paid
 *
 * - goods: `delivered` when every line has been delivered in full (or the PI was shipped before
 *   deliveries were recorded); `partly_delivered` once any delivery left; `ready` when the stock
 *   on hand covers everything still to deliver, after what PIs issued before it still have
 *   reserved of the same products (first issued, first served); `in_production` once a purchase
 *   order for it was placed with a factory; else `waiting`.
 * - payment: `paid` when payments cover the total, `deposit_received` when they cover the
 *   deposit, else `unpaid` (the same rule as the stored status).
 * - stage: `cancelled`; `paid` when the goods are delivered and the money is in; otherwise the
 *   goods' step once they have one (in production, ready, partly delivered, delivered), else
 *   `deposit_received` or `issued` by the money. Money paid before the goods left shows in
 *   `payment` while the stage follows the goods.
 *
 * The stored `status` column keeps its meaning for existing callers: issued / deposit_received /
 * paid follow the money until the PI is `shipped` (every line delivered) or `cancelled`.
 */
import type { Core } from '../core';
import * as p from '../../db/invoiceProgress';
import type { InvoiceRow } from '../../db/invoices';
import type { TradeDocument } from '../quotes/types';

export const GOODS_STATES = ['waiting', 'in_production', 'ready', 'partly_delivered', 'delivered'] as const;
export type GoodsState = (typeof GOODS_STATES)[number];
export const PAYMENT_STATES = ['unpaid', 'deposit_received', 'paid'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const STAGES = ['issued', 'deposit_received', 'in_production', 'ready', 'partly_delivered', 'delivered', 'paid', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

export interface ProgressLine {
  lineId: number;
  no: number;
  itemNo: string;
  unit: string;
  /** Ordered by the buyer on the PI. */
  qty: number;
  /** On purchase orders that are not cancelled, good pieces received on them, damaged ones. */
  onOrder: number;
  received: number;
  damaged: number;
  /** Delivered to the forwarder so far, and still to deliver. */
  delivered: number;
  toDeliver: number;
}

export interface InvoiceProgress {
  stage: Stage;
  goods: GoodsState;
  payment: PaymentState;
  /** Something is still to deliver and the stock on hand covers all of it (first issued, first served). */
  readyToDeliver: boolean;
  lines: ProgressLine[];
  /** Its purchase orders (no amounts: those are the owner's, in purchases.forInvoice). */
  orders: Array<{ id: number; number: string; status: string; supplier: string; deliveryDate: string | null }>;
  deliveries: Array<{ id: number; number: string; deliveredOn: string; entryNo: string; forwarder: string; cartons: number }>;
}

export function paymentState(row: Pick<InvoiceRow, 'grand_total_e4' | 'deposit_e4'>, paidE4: number): PaymentState {
  if (paidE4 >= row.grand_total_e4 && row.grand_total_e4 > 0) return 'paid';
  if (paidE4 > 0 && paidE4 >= row.deposit_e4) return 'deposit_received';
  return 'unpaid';
}

export function stageOf(cancelled: boolean, goods: GoodsState, payment: PaymentState): Stage {
  if (cancelled) return 'cancelled';
  if (goods === 'delivered') return payment === 'paid' ? 'paid' : 'delivered';
  if (goods !== 'waiting') return goods;
  return payment === 'unpaid' ? 'issued' : 'deposit_received';
}

/**
 * Whether the stock on hand covers what the PI still has reserved of every product, after the
 * reservations of PIs issued before it (by number order).
 */
function covered(core: Core, row: InvoiceRow, stillReserved: Map<number, number>): boolean {
  const products = [...stillReserved].filter(([, r]) => r > 0).map(([id]) => id);
  if (products.length === 0) return false;
  const onHand = new Map(p.onHandOf(core.db, products).map((r) => [r.product_id, r.on_hand]));
  const claims = p.claimsOn(core.db, products);
  return products.every((productId) => {
    const before = claims
      .filter((c) => c.product_id === productId && (c.year < row.year || (c.year === row.year && c.seq <= row.seq)))
      .reduce((sum, c) => sum + c.reserved, 0);
    return before <= (onHand.get(productId) ?? 0);
  });
}

export function progressOf(
  core: Core,
  row: InvoiceRow,
  content: Pick<TradeDocument, 'lines'>,
  paidE4: number,
  ledger: Map<number, { reserved: number; shipped: number }>,
): InvoiceProgress {
  const purchased = new Map(p.purchasedByLine(core.db, row.id).map((r) => [r.invoice_line_id, r]));
  const delivered = new Map(p.deliveredByLine(core.db, row.id).map((r) => [r.invoice_line_id, r.qty]));
  const lines: ProgressLine[] = content.lines.map((l) => {
    const got = purchased.get(l.id);
    const out = delivered.get(l.id) ?? 0;
    return {
      lineId: l.id,
      no: l.no,
      itemNo: l.product.itemNo,
      unit: l.product.unit,
      qty: l.qty,
      onOrder: got?.on_order ?? 0,
      received: got?.received ?? 0,
      damaged: got?.damaged ?? 0,
      delivered: out,
      toDeliver: Math.max(0, l.qty - out),
    };
  });
  const cancelled = row.status === 'cancelled';
  const shippedAny = [...ledger.values()].some((s) => s.shipped > 0) || delivered.size > 0;
  const allDelivered = row.status === 'shipped' || (lines.length > 0 && lines.every((l) => l.toDeliver === 0));
  const stillReserved = new Map([...ledger].map(([id, s]) => [id, s.reserved]));
  const readyToDeliver = !cancelled && !allDelivered && covered(core, row, stillReserved);
  let goods: GoodsState = 'waiting';
  if (allDelivered) goods = 'delivered';
  else if (shippedAny) goods = 'partly_delivered';
  else if (readyToDeliver) goods = 'ready';
  else if (p.hasPlacedOrder(core.db, row.id)) goods = 'in_production';
  const payment = paymentState(row, paidE4);
  return {
    stage: stageOf(cancelled, goods, payment),
    goods,
    payment,
    readyToDeliver,
    lines,
    orders: p.ordersOf(core.db, row.id).map((o) => ({ id: o.id, number: o.number, status: o.status, supplier: o.supplier_name, deliveryDate: o.delivery_date })),
    deliveries: p.deliveriesOf(core.db, row.id).map((d) => ({ id: d.id, number: d.number, deliveredOn: d.delivered_on, entryNo: d.entry_no, forwarder: d.forwarder_name, cartons: d.cartons })),
  };
}
