/**
 * Deliveries of a PI's goods to the buyer's forwarder or agent warehouse, as their readers see
 * them. Cartons are numbered on across a PI's deliveries; CBM and weights follow the PI line's
 * packing snapshot with main/quotes/totals.ts's rules; values are sale prices in the PI's
 * currency (qty × unit price, rounded to its digits).
 */
import type { Money } from '../quotes/types';

export interface Forwarder {
  id: number;
  name: string;
  contact: string;
  /** E.164. */
  phone: string;
  /** The warehouse goods are delivered to. */
  address: string;
  notes: string;
  archived: boolean;
}

export interface ShipmentLine {
  /** The PI's document line. */
  lineId: number;
  no: number;
  productId: number | null;
  itemNo: string;
  names: { zh: string; en: string };
  hsCode: string;
  unit: string;
  qty: number;
  cartons: number;
  /** Carton numbers of this line in the PI's deliveries (continuing from the earlier ones). */
  cartonRange: { from: number; to: number } | null;
  /** m³, 3 decimals; kg. */
  cbm: string;
  grossWeightKg: string;
  netWeightKg: string;
  /** Unit price and qty × unit price, in the PI's currency. */
  unitPrice: string;
  value: Money;
}

export interface Shipment {
  id: number;
  /** The PI number and the delivery's sequence: "JH-PI2026-0012-D2". */
  number: string;
  seq: number;
  invoice: { id: number; number: string; currency: string; buyer: { id: number; company: string; country: string } };
  deliveredOn: string;
  forwarder: { id: number | null; name: string; phone: string; address: string };
  /** 进仓编号: the warehouse's entry number. */
  entryNo: string;
  shippingMarks: string;
  note: string;
  lines: ShipmentLine[];
  totals: { cartons: number; cbm: string; grossWeightKg: string; netWeightKg: string; value: Money };
  createdAt: string;
}

export interface InvoiceDeliveries {
  deliveries: Shipment[];
  /** Per PI line: ordered, delivered so far, still to deliver; the carton number the next delivery starts at. */
  lines: Array<{ lineId: number; no: number; itemNo: string; unit: string; qty: number; delivered: number; toDeliver: number }>;
  nextCartonNo: number;
}
