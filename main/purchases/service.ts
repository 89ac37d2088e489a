/**
 * Purchase orders to factories: made from a PI's lines (one draft per supplier) or for stock;
 * numbered gapless per year; ordered, received in parts (goods in through the stock ledger,
 * reference = the PO number), closed or cancelled; paid in CNY. Owner only: they carry cost.
 *
 * draft → ordered → partly_received → received → closed; draft/ordered (nothing received)
 * → cancelled; partly_received → closed when the rest will not come.
 */
export { lineCostE4, toOrder, getOrder, getOrderByNumber, listOrders, toSummary } from './orders';
export { type LineInput, fromInvoice, type CreateInput, createOrder, type OrderChanges, updateOrder, placeOrder, cancelOrder, closeOrder } from './drafts';
export { type ReceiveInput, receiveOrder, type SupplierPaymentInput, addPayment, removePayment, payables, forInvoice, settings, updateSettings } from './goodsIn';
