/** Making and changing a draft: create, update, add a line, add by scanning. */
import type { Core } from '../core';
import { AppError, invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/quotes';
import { getProductByItemNo } from '../../db/products';
import { getBuyer as getBuyerRow } from '../../db/buyers';
import { getDefaults } from '../settings/service';
import { addDays } from '../calendar/dates';
import { MAX_QTY, type LineInput, type QuoteChanges, type QuoteCreate } from './schema';
import { type Quote } from './types';
import { today, nowIso, expireDue, requireQuote, requireDraft, newNumber } from './records';
import { quickAddBuyer, requireBuyer } from './parties';
import { rateFor, discountWrite, pricing, mergedTerms, SHIPPED_FROM_PLACE, SHIPPED_TO_PLACE, shipmentTerms } from './terms';
import { writeLines, writeCharges } from './lines';
import { recalculated } from './view';

export function createQuote(core: Core, input: QuoteCreate): Quote {
  expireDue(core);
  const defaults = getDefaults(core);
  const date = input.date ?? today(core);
  let buyerId: number;
  let currency: string;
  if (input.newBuyer) {
    ({ buyerId, currency } = quickAddBuyer(core, input.newBuyer, input.currency, 'newBuyer'));
  } else {
    buyerId = input.buyerId as number;
    requireBuyer(core, buyerId, 'buyerId');
    currency = input.currency ?? (getBuyerRow(core.db, buyerId) as { currency: string }).currency ?? defaults.defaultCurrency;
  }
  const validity = input.validityDays ?? defaults.validityDays;
  const incoterm = input.incoterm ?? 'FOB';
  const place = input.incotermPlace ?? (incoterm === 'FOB' ? 'Ningbo' : '');
  const terms: q.QuoteTermsWrite = {
    buyer_id: buyerId,
    quote_date: date,
    validity_days: validity,
    valid_until: addDays(date, validity),
    currency,
    rate_e8: rateFor(core, currency, date, input.rate),
    price_decimals: input.priceDecimals ?? q.getQuoteSettings(core.db).price_decimals,
    incoterm,
    incoterm_place: place,
    payment_terms: input.paymentTerms ?? defaults.paymentTerms,
    deposit_percent: input.depositPercent ?? defaults.depositPercent,
    delivery_time: input.deliveryTime ?? '',
    notes: input.notes ?? '',
    shipping_marks: input.shippingMarks ?? '',
    ...(discountWrite(input.discount) ?? { discount_kind: 'none', discount_e4: 0 }),
    ...shipmentTerms(input, {
      port_of_loading: SHIPPED_FROM_PLACE.has(incoterm) ? place : '',
      port_of_destination: SHIPPED_TO_PLACE.has(incoterm) ? place : '',
      partial_shipment: null,
      transshipment: null,
      insurance_percent: null,
      balance_rule: 'before_shipment',
      balance_days: null,
    }, incoterm),
  };
  const id = q.insertQuote(core.db, { ...terms, ...newNumber(core, date), revision: 1, supersedes_id: null }, nowIso(core));
  writeLines(core, id, pricing(terms), input.lines ?? []);
  writeCharges(core, id, input.charges);
  return recalculated(core, id);
}

/** Errors about fields of `changes` name them as the caller nested them ("changes.lines.0.itemNo"). */
function nested<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AppError && error.field && !error.field.startsWith(prefix)) {
      throw error.renamed(`${prefix}${error.field}`);
    }
    throw error;
  }
}

export function updateQuote(core: Core, id: number, changes: QuoteChanges): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  return nested('changes.', () => {
    const terms = mergedTerms(core, row, changes);
    q.updateQuoteTerms(core.db, id, terms, nowIso(core));
    const lines = writeLines(core, id, pricing(terms), changes.lines);
    writeCharges(core, id, changes.charges);
    return recalculated(core, id, lines);
  });
}

export interface AddLineInput {
  productId?: number | undefined;
  itemNo?: string | undefined;
  qty?: number | undefined;
  cartons?: number | undefined;
  unitPrice?: number | undefined;
  note?: string | undefined;
}

function keepAll(core: Core, id: number): LineInput[] {
  return q.linesOf(core.db, id).map((l) => ({ lineId: l.id }));
}

/** Appends a product as a new line (quantity: the MOQ unless given). */
export function addLine(core: Core, id: number, input: AddLineInput): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  const lines = keepAll(core, id);
  const line: LineInput = { ...input };
  lines.push(line);
  let written: q.QuoteLineRow[];
  try {
    written = writeLines(core, id, pricing(row), lines);
  } catch (error) {
    // Name the fields as this method's input does (itemNo, cartons), not as a list position.
    if (error instanceof AppError && error.field?.startsWith(`lines.${lines.length - 1}.`)) {
      throw error.renamed(error.field.slice(`lines.${lines.length - 1}.`.length));
    }
    throw error;
  }
  return recalculated(core, id, written);
}

export interface ScanResult {
  quote: Quote;
  /** The line the scan added to or created. */
  lineId: number;
  action: 'line_added' | 'carton_added';
}

/**
 * A barcode scanner types the code and Enter. A product already on the
 * quotation gets one more carton (one more unit without packing); a new one is
 * added as a line at its MOQ.
 */
export function addByScan(core: Core, id: number, code: string): ScanResult {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  const trimmed = code.trim();
  const productId = q.productIdByBarcode(core.db, trimmed) ?? getProductByItemNo(core.db, trimmed)?.id;
  if (productId === undefined) {
    throw notFound(m('quotes.noCodeNoProduct', { trimmed }), 'code');
  }
  const existing = q.linesOf(core.db, id);
  const line = [...existing].reverse().find((l) => l.product_id === productId);
  const lines: LineInput[] = existing.map((l) => ({ lineId: l.id }));
  if (line) {
    const step = line.pcs_per_carton ?? 1;
    if (line.qty + step > MAX_QTY) throw invalid('code', m('quotes.quantityWouldExceed', { maxQty: MAX_QTY }));
    const index = existing.indexOf(line);
    lines[index] = { lineId: line.id, qty: line.qty + step };
    const written = writeLines(core, id, pricing(row), lines);
    return { quote: recalculated(core, id, written), lineId: line.id, action: 'carton_added' };
  }
  lines.push({ productId });
  const written = writeLines(core, id, pricing(row), lines);
  const quote = recalculated(core, id, written);
  return { quote, lineId: (quote.lines[quote.lines.length - 1] as Quote['lines'][number]).id, action: 'line_added' };
}
