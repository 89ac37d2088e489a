import { z } from 'zod';
import { owner } from '../api/method';
import { createSchema, listSchema, paymentSchema, prefixSchema, receiveSchema, updateSchema } from './schema';
import * as purchases from './service';
import { purchaseOrderSheet } from './sheet';

const id = z.number().int().positive();

/** Every purchases method is the owner's: orders carry cost prices. */
export const purchasesMethods = {
  'purchases.fromInvoice': owner('Makes one draft purchase order per supplier from a PI\'s lines (what is still to order, in pieces and cartons, at the product\'s cost price, with the buyer\'s packing, shipping marks, remarks and line notes, and a delivery date from the PI\'s delivery time counted from the deposit day, else the issue day). Lines without a supplier are listed in unassigned, never dropped.', z.strictObject({ invoiceId: id }), (input, { core }) => purchases.fromInvoice(core, input.invoiceId)),
  'purchases.create': owner('A draft purchase order for stock (no PI): supplier, lines (product, pieces, cartons, unit cost in CNY, note), delivery date, requirements, marks. Archived products and suppliers are refused.', createSchema, (input, { core }) => purchases.createOrder(core, input)),
  'purchases.get': owner('One purchase order by id or number: lines with what was received, receipts, payments, total, received value and what is due (CNY).', z.union([z.strictObject({ id }), z.strictObject({ number: z.string().trim().min(1).max(40) })]), (input, { core }) => ('id' in input ? purchases.getOrder(core, input.id) : purchases.getOrderByNumber(core, input.number))),
  'purchases.list': owner('Purchase orders, newest number first, by status, supplier or PI, or a search on numbers and supplier names.', listSchema, (input, { core }) =>
      purchases.listOrders(core, { statuses: input.status, supplierId: input.supplierId, invoiceId: input.invoiceId, search: input.search, limit: input.limit, offset: input.offset })),
  'purchases.update': owner('Changes a purchase order: delivery date, requirements, marks and notes until it is received; its lines (listed ids kept, others removed, new ones added) while it is a draft.', updateSchema, (input, { core }) => purchases.updateOrder(core, input.id, input.changes)),
  'purchases.order': owner('Places a draft with the factory: draft → ordered.', z.strictObject({ id }), (input, { core }) => purchases.placeOrder(core, input.id)),
  'purchases.receive': owner('Goods in against an ordered purchase order, in parts: per line the good pieces (into stock as a purchase receipt, reference = the PO number), cartons, damaged pieces and a note; never more than ordered. The order becomes partly received or received.', receiveSchema, (input, { core }) => purchases.receiveOrder(core, input.id, input)),
  'purchases.close': owner('Closes a purchase order that got what it will get (partly received or received); what it owes becomes the value received.', z.strictObject({ id }), (input, { core }) => purchases.closeOrder(core, input.id)),
  'purchases.cancel': owner('Cancels a draft or ordered purchase order nothing was received on; its number stays used.', z.strictObject({ id, reason: z.string().trim().min(1).max(500) }), (input, { core }) => purchases.cancelOrder(core, input.id, input.reason)),
  'purchases.addPayment': owner('Records money paid to the factory against a purchase order (CNY); not more than is still due on it.', paymentSchema, (input, { core }) =>
      purchases.addPayment(core, input.id, { amountE4: input.amount, method: input.method, paidOn: input.paidOn, reference: input.reference, note: input.note })),
  'purchases.removePayment': owner('Removes a payment to a supplier recorded by mistake.', z.strictObject({ id, paymentId: id }), (input, { core }) => purchases.removePayment(core, input.id, input.paymentId)),
  'purchases.forInvoice': owner('A PI\'s purchase orders in full, and per PI line what is on order and what came in (good and damaged pieces).', z.strictObject({ invoiceId: id }), (input, { core }) => purchases.forInvoice(core, input.invoiceId)),
  'purchases.payables': owner('What the stall owes each supplier: orders, their total, the value received, payments and the balance (received − paid), largest first.', z.strictObject({ supplierId: id.optional() }), (input, { core }) => ({ items: purchases.payables(core, input.supplierId) })),
  'purchases.settings': owner('Purchase order numbering: the prefix (PO → PO2026-0001).', z.strictObject({}), (_input, { core }) => purchases.settings(core)),
  'purchases.updateSettings': owner('Sets the purchase order prefix (letters, digits, - _ /); numbers already given stay.', z.strictObject({ orderPrefix: prefixSchema }), (input, { core }) => purchases.updateSettings(core, input.orderPrefix)),
  'purchases.exportXlsx': owner('A purchase order as an XLSX sheet (base64), in Chinese, English or both (default).', z.strictObject({ id, lang: z.enum(['zh', 'en', 'bi']).default('bi') }), async (input, { core }) => purchaseOrderSheet(purchases.getOrder(core, input.id), input.lang), { kind: 'async' }),
};
