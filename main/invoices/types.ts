/**
 * A pro-forma invoice (PI) as its readers see it. Its TradeDocument part (seller,
 * buyer, lines with product snapshots, totals, containers, terms) is frozen at
 * issue and stored with the PI; payments, status and stock are live.
 */
import type { Money, TradeDocument } from '../quotes/types';
import type { GoodsState, InvoiceProgress, PaymentState, Stage } from './progress';

export const INVOICE_STATUSES = ['issued', 'deposit_received', 'paid', 'shipped', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const PAYMENT_METHODS = ['tt', 'cash', 'alipay', 'wechat_pay', 'western_union', 'other'] as const;
/** T/T (bank transfer), cash, Alipay, WeChat Pay, Western Union, other. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_KINDS = ['deposit', 'balance', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export interface Payment {
  id: number;
  /** YYYY-MM-DD. */
  paidOn: string;
  /** In the PI's currency. */
  amount: Money;
  method: PaymentMethod;
  kind: PaymentKind;
  /** Bank reference, receipt number… */
  reference: string;
  note: string;
  createdAt: string;
  /** Paid in another currency: what was handed over and the rate agreed (1 PI unit = rate units of it); else null. */
  received: { currency: string; amount: Money; rate: string } | null;
}

/** The frozen content of a PI: the quotation's document as it was accepted, dated the issue day. */
export interface InvoiceContent extends TradeDocument {
  /** The accepted quotation it was made from. */
  quote: { id: number; number: string; revision: number; displayNumber: string; date: string };
}

/** Stock set aside for the PI (reference = PI number), per product, from the ledger. */
export interface InvoiceStockLine {
  productId: number;
  itemNo: string;
  /** Ordered on the PI, in the product's unit. */
  ordered: number;
  /** Still reserved under the PI number. */
  reserved: number;
  /** Shipped under the PI number. */
  shipped: number;
  /** Available stock was short by this much when the PI was issued (0 when it was enough). */
  shortAtIssue: number;
}

export interface Invoice extends InvoiceContent {
  id: number;
  /** Gapless per year, never reused: "JH-PI2026-0012". */
  number: string;
  status: InvoiceStatus;
  /** YYYY-MM-DD; also `date` of the document. */
  issuedOn: string;
  payments: Payment[];
  /** Σ payments. */
  paid: Money;
  /** grand total − paid (never below 0). */
  balanceDue: Money;
  /** The deposit asked (totals.deposit) and what of it is still unpaid. */
  depositDue: Money;
  /** Something is still owed (balance due > 0 and not cancelled): what the UI colours and offers buttons by. */
  balanceOpen: boolean;
  /** Part of the deposit is still unpaid (and not cancelled). */
  depositOpen: boolean;
  stock: InvoiceStockLine[];
  /** After the PI: its stage (issued → … → paid), goods and payment state, per line what is on order, received and delivered, its orders and deliveries. */
  progress: InvoiceProgress;
  shippedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  createdAt: string;
}

/** A row of the PI list. */
export interface InvoiceSummary {
  id: number;
  number: string;
  status: InvoiceStatus;
  issuedOn: string;
  buyer: { id: number; company: string; country: string };
  quote: { id: number; displayNumber: string };
  currency: string;
  grandTotal: Money;
  paid: Money;
  balanceDue: Money;
  /** Balance due > 0 and not cancelled. */
  balanceOpen: boolean;
  depositOpen: boolean;
  /** main/invoices/progress.ts. */
  stage: Stage;
  goods: GoodsState;
  payment: PaymentState;
}
