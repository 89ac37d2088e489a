/** A PI's status as a person reads it, for messages ("PI PI-2026-0007 is shipped: …"). */
import { m, type Message } from '../errors/apiError';
import type { InvoiceStatus } from './types';

export const INVOICE_STATUS: Record<InvoiceStatus, Message> = {
  issued: m('invoices.status.issued'),
  deposit_received: m('invoices.status.depositReceived'),
  paid: m('invoices.status.paid'),
  shipped: m('invoices.status.shipped'),
  cancelled: m('invoices.status.cancelled'),
};
