/**
 * Purchase orders as their readers see them (owner only: they carry cost prices). Money is in
 * CNY, the factory's currency, as decimal strings with 2 decimals; unit costs keep up to 4.
 * Owner-only figures are named cost… so that dispatch would strip them from any staff result.
 */
import type { Money } from '../quotes/types';
import type { Packing } from '../products/service';

export const PURCHASE_STATUSES = ['draft', 'ordered', 'partly_received', 'received', 'closed', 'cancelled'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export type PurchaseLineWarning = 'no_cost' | 'no_packing';

export interface PurchaseLine {
  id: number;
  /** 1, 2, 3… */
  no: number;
  productId: number;
  /** The PI line (document line id) it was ordered for; null on an order for stock. */
  invoiceLineId: number | null;
  /** Ours, and the factory's own. */
  itemNo: string;
  supplierItemNo: string;
  names: { zh: string; en: string };
  unit: string;
  colors: string;
  /** Pieces (the product's unit) and cartons ordered. */
  qty: number;
  cartons: number;
  /** The packing asked for (the PI line's as the buyer was quoted, else the product's). */
  packing: Packing;
  /** CNY per unit; null while not known. */
  costCny: string | null;
  /** qty × unit cost, rounded to the fen. */
  costAmount: Money;
  /** Good pieces received so far, pieces that arrived damaged, cartons received. */
  received: number;
  damaged: number;
  cartonsReceived: number;
  /** Still to come: qty − received (0 once complete). */
  remaining: number;
  note: string;
  warnings: PurchaseLineWarning[];
}

export interface ReceiptLine {
  lineId: number;
  itemNo: string;
  qty: number;
  cartons: number;
  damaged: number;
  note: string;
}

export interface Receipt {
  id: number;
  receivedOn: string;
  note: string;
  lines: ReceiptLine[];
  createdAt: string;
}

export interface SupplierPayment {
  id: number;
  paidOn: string;
  /** CNY. */
  amount: Money;
  method: string;
  reference: string;
  note: string;
  createdAt: string;
}

export interface PurchaseOrder {
  id: number;
  /** Gapless per year, never reused: "PO2026-0007". */
  number: string;
  status: PurchaseStatus;
  supplier: { id: number; names: { zh: string; en: string }; contact: string; phone: string; wechat: string; address: string; paymentTerms: string };
  /** The PI it was made for (null: for stock). */
  invoice: { id: number; number: string; buyer: { id: number; company: string; country: string } } | null;
  /** YYYY-MM-DD: made on; the factory delivers by. */
  orderDate: string;
  deliveryDate: string | null;
  /** The delivery date has passed and goods are still to come. */
  late: boolean;
  /** Quality and packing requirements, the cartons' shipping marks, remarks. */
  requirements: string;
  shippingMarks: string;
  notes: string;
  lines: PurchaseLine[];
  /** Σ line amounts (CNY). */
  costTotal: Money;
  /** Value of the good pieces received: Σ per line received × unit cost, rounded to the fen. */
  costReceived: Money;
  /** What is owed on it: the total (the received value once closed), minus payments; never below 0. */
  costDue: Money;
  paid: Money;
  receipts: Receipt[];
  payments: SupplierPayment[];
  orderedAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface PurchaseSummary {
  id: number;
  number: string;
  status: PurchaseStatus;
  supplier: { id: number; name: string };
  invoice: { id: number; number: string } | null;
  orderDate: string;
  deliveryDate: string | null;
  late: boolean;
  lineCount: number;
  /** Pieces ordered and good pieces received. */
  orderedQty: number;
  receivedQty: number;
  costTotal: Money;
  paid: Money;
}

/** A PI line that fromInvoice did not put on an order, and why. */
export interface UnassignedLine {
  lineId: number;
  no: number;
  itemNo: string;
  names: { zh: string; en: string };
  /** What was still to order. */
  qty: number;
  reason: 'no_supplier' | 'no_product' | 'archived_product' | 'archived_supplier';
}

export interface FromInvoiceResult {
  orders: PurchaseOrder[];
  /** Lines left without an order: never dropped. */
  unassigned: UnassignedLine[];
  /** Lines whose whole quantity is already on an order that is not cancelled. */
  alreadyOrdered: Array<{ lineId: number; no: number; itemNo: string; qty: number }>;
  /** How the delivery date was found: from the deposit day or the issue day, and the days read in the PI's delivery time. */
  deliveryDate: { date: string | null; from: 'deposit' | 'issue'; days: number | null };
}

export interface Payable {
  supplier: { id: number; name: string };
  /** Orders not cancelled, their total, the value of the goods received, payments, and received − paid (owed now; negative: paid ahead). */
  orders: number;
  costOrdered: Money;
  costReceived: Money;
  paid: Money;
  balance: Money;
}
