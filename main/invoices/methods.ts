import { z } from 'zod';
import { owner, staff } from '../api/method';
import { m } from '../errors/apiError';
import { countrySchema, currencySchema } from '../buyers/schema';
import { AMOUNT_SCALE } from '../money/amounts';
import { decimalInput } from '../money/schema';
import { dateInput } from '../rates/schema';
import * as invoices from './service';
import { printDocument } from '../documents/service';
import { INVOICE_STATUSES, PAYMENT_KINDS, PAYMENT_METHODS } from './types';

const id = z.number().int().positive();

export const invoicesMethods = {
  'invoices.create': staff('Issues a pro-forma invoice from an accepted quotation: next gapless number of the year, content frozen, stock reserved under the PI number (shortages are warnings).', z.strictObject({ quoteId: id }), (input, { core }) => invoices.createInvoice(core, input.quoteId), { afterCommit: async (invoice, { core }) => {
      await printDocument(core, { id: invoice.id }, { kind: 'proforma' });
    } }),
  'invoices.get': staff('One PI by id or number: the frozen document, payments, paid, balance due and the stock reserved/shipped under it.', z.union([z.strictObject({ id }), z.strictObject({ number: z.string().trim().min(1).max(40) })]), (input, { core }) => ('id' in input ? invoices.getInvoice(core, input.id) : invoices.getInvoiceByNumber(core, input.number)), { readOnly: true }),
  'invoices.list': staff('PIs, newest number first, filtered by status, buyer, country or a search on number and company.', z.strictObject({
      status: z.array(z.enum(INVOICE_STATUSES)).max(5).optional(),
      buyerId: id.optional(),
      country: countrySchema.optional(),
      search: z.string().trim().max(100).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }), (input, { core }) =>
      invoices.listInvoices(core, {
        statuses: input.status,
        buyerId: input.buyerId,
        country: input.country,
        search: input.search,
        limit: input.limit,
        offset: input.offset,
      }), { readOnly: true }),
  'invoices.addPayment': staff('Records money received against a PI (deposit, balance or other; T/T, cash, Alipay, WeChat Pay, Western Union, other); not more than the balance due. Give amount in the PI\'s currency, or received { currency, amount, rate? } for money in another currency (rate: units of it per PI unit, default the stored rates of the day).', z.strictObject({
      id,
      amount: decimalInput(AMOUNT_SCALE, { min: 0.001, max: 100_000_000_000 }).optional(),
      received: z
        .strictObject({
          currency: currencySchema,
          amount: decimalInput(AMOUNT_SCALE, { min: 0.001, max: 100_000_000_000 }),
          rate: decimalInput(8, { min: 0.00000001, max: 1_000_000 }).optional(),
        })
        .optional(),
      method: z.enum(PAYMENT_METHODS),
      kind: z.enum(PAYMENT_KINDS),
      paidOn: dateInput.optional(),
      reference: z.string().trim().max(120).optional(),
      note: z.string().trim().max(500).optional(),
    }), (input, { core }) =>
      invoices.addPayment(core, input.id, {
        amountE4: input.amount,
        received: input.received && { currency: input.received.currency, amountE4: input.received.amount, rateE8: input.received.rate },
        method: input.method,
        kind: input.kind,
        paidOn: input.paidOn,
        reference: input.reference,
        note: input.note,
      })),
  'invoices.paymentPreview': staff('Before recording a payment in a currency (the PI\'s or another): the rate suggested from the stored rates, what is due now expressed in that currency, and what a received amount comes to in the PI\'s currency. Changes nothing.', z.strictObject({
      id,
      currency: currencySchema,
      amount: decimalInput(AMOUNT_SCALE, { min: 0, max: 100_000_000_000 }).optional(),
      rate: decimalInput(8, { min: 0.00000001, max: 1_000_000 }).optional(),
      paidOn: dateInput.optional(),
    }), (input, { core }) => invoices.paymentPreview(core, input.id, { currency: input.currency, amountE4: input.amount, rateE8: input.rate, paidOn: input.paidOn })),
  'invoices.removePayment': owner('Removes a payment recorded by mistake (owner only); the status follows the money again.', z.strictObject({ id, paymentId: id }), (input, { core }) => invoices.removePayment(core, input.id, input.paymentId), { ownerOnly: m('invoices.onlyOwnerRemovesChanges') }),
  'invoices.cancel': owner('Cancels a PI nothing of which was delivered (owner only): its reserved stock is released and its number stays used (never reissued).', z.strictObject({ id, reason: z.string().trim().min(1).max(500) }), (input, { core }) => invoices.cancelInvoice(core, input.id, input.reason), { ownerOnly: m('invoices.onlyOwnerCancelsPi') }),
};
