import type { ApiCallError } from '../../api/client';
import type { BalanceRule, ChargeKind, Incoterm, QuoteStatus } from '../../../../main/quotes/types';
import type { InvoiceStatus, PaymentKind, PaymentMethod } from '../../../../main/invoices/types';

// The renderer imports only types from main/: the lists are repeated here (the types keep them in step).
export const QUOTE_STATUSES: QuoteStatus[] = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded'];
/** The eleven Incoterms® 2020 rules, as main/quotes/types.ts lists them. */
export const INCOTERMS: Incoterm[] = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'];
export const BALANCE_RULES: BalanceRule[] = ['before_shipment', 'against_bl_copy', 'at_sight_lc', 'on_delivery_to_forwarder', 'days_after_bl'];
export const CHARGE_KINDS: ChargeKind[] = ['freight', 'inland_transport', 'samples', 'packing', 'insurance', 'other'];
export const INVOICE_STATUSES: InvoiceStatus[] = ['issued', 'deposit_received', 'paid', 'shipped', 'cancelled'];
export const PAYMENT_METHODS: PaymentMethod[] = ['tt', 'cash', 'alipay', 'wechat_pay', 'western_union', 'other'];
export const PAYMENT_KINDS: PaymentKind[] = ['deposit', 'balance', 'other'];

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  sent: 'processing',
  accepted: 'success',
  rejected: 'error',
  expired: 'warning',
  superseded: 'default',
  issued: 'processing',
  deposit_received: 'cyan',
  paid: 'success',
  shipped: 'purple',
  cancelled: 'default',
};

/** "1234567.5" → "1,234,567.5": grouping on the exact decimal text (no floating point). */
export function groupDigits(value: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** "0", "0.00", "0.000": zero in any currency's digits (amounts come from the API as exact decimal text). */
export function isZeroAmount(value: string): boolean {
  return /^-?0+(\.0+)?$/.test(value.trim());
}

export function money(currency: string, value: string): string {
  return `${currency} ${groupDigits(value)}`;
}

export function errorText(error: unknown): string {
  return (error as ApiCallError | Error)?.message ?? String(error);
}

