/** A quotation's terms: the rate, the discount, ports and shipment, the insurance basis and the balance rule. */
import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import type * as q from '../../db/quotes';
import { rateE8On } from '../rates/service';
import { addDays } from '../calendar/dates';
import { type PricingTerms } from './document';
import { CNY_RATE_E8 } from './totals';
import { type QuoteChanges, type TermsInput } from './schema';
import { INSURED_INCOTERMS } from './types';
import { requireBuyer } from './parties';

export function rateFor(core: Core, currency: string, day: string, given: number | undefined): number {
  if (currency === 'CNY') {
    if (given !== undefined && given !== CNY_RATE_E8) throw invalid('rate', m('quotes.cnyQuotationRate'));
    return CNY_RATE_E8;
  }
  if (given !== undefined) return given;
  const rate = rateE8On(core, currency, day);
  if (rate === null) {
    throw invalid('rate', m('quotes.noExchangeRateYet', { currency }));
  }
  return rate;
}

/** percent (input at 2 decimals, × 100) → × 10⁴; an amount comes at AMOUNT_SCALE already. */
export function discountWrite(d: TermsInput['discount']): Pick<q.QuoteTermsWrite, 'discount_kind' | 'discount_e4'> | null {
  if (!d) return null;
  if (d.kind === 'percent') return { discount_kind: 'percent', discount_e4: d.percent * 100 };
  if (d.kind === 'amount') return { discount_kind: 'amount', discount_e4: d.amount };
  return { discount_kind: 'none', discount_e4: 0 };
}

export function pricing(terms: Pick<q.QuoteTermsWrite, 'currency' | 'rate_e8' | 'price_decimals'>): PricingTerms {
  return { currency: terms.currency, rateE8: terms.rate_e8, priceDecimals: terms.price_decimals };
}

export function mergedTerms(core: Core, row: q.QuoteRow, c: QuoteChanges): q.QuoteTermsWrite {
  const date = c.date ?? row.quote_date;
  const validity = c.validityDays ?? row.validity_days;
  const currency = c.currency ?? row.currency;
  let rate = row.rate_e8;
  if (c.rate !== undefined || currency !== row.currency) rate = rateFor(core, currency, date, c.rate);
  if (c.buyerId !== undefined) requireBuyer(core, c.buyerId, 'changes.buyerId');
  return {
    buyer_id: c.buyerId ?? row.buyer_id,
    quote_date: date,
    validity_days: validity,
    valid_until: addDays(date, validity),
    currency,
    rate_e8: rate,
    price_decimals: c.priceDecimals ?? row.price_decimals,
    incoterm: c.incoterm ?? row.incoterm,
    incoterm_place: c.incotermPlace ?? row.incoterm_place,
    payment_terms: c.paymentTerms ?? row.payment_terms,
    deposit_percent: c.depositPercent ?? row.deposit_percent,
    delivery_time: c.deliveryTime ?? row.delivery_time,
    notes: c.notes ?? row.notes,
    shipping_marks: c.shippingMarks ?? row.shipping_marks,
    ...(discountWrite(c.discount) ?? { discount_kind: row.discount_kind, discount_e4: row.discount_e4 }),
    ...shipmentTerms(c, row, c.incoterm ?? row.incoterm),
  };
}

/** Rules whose named place is where the goods leave (F group, EXW) or arrive (C and D groups). */
export const SHIPPED_FROM_PLACE = new Set<string>(['FCA', 'FAS', 'FOB']);

export const SHIPPED_TO_PLACE = new Set<string>(['CPT', 'CIP', 'CFR', 'CIF', 'DAP', 'DPU', 'DDP']);

type ShipmentColumns = Pick<q.QuoteTermsWrite, 'port_of_loading' | 'port_of_destination' | 'partial_shipment' | 'transshipment' | 'insurance_percent' | 'balance_rule' | 'balance_days'>;

/**
 * Ports, partial shipment, transshipment, the insurance basis and the balance rule: the given ones over
 * the stored (or default) ones. CIF and CIP insure the goods: without a basis, 110 % of the invoice
 * value (the Incoterms 2020 minimum). A balance due N days after the B/L needs N.
 */
export function shipmentTerms(c: TermsInput, base: ShipmentColumns, incoterm: string): ShipmentColumns {
  const flag = (v: boolean | null | undefined, old: 0 | 1 | null) => (v === undefined ? old : v === null ? null : v ? 1 : 0);
  const out: ShipmentColumns = {
    port_of_loading: c.portOfLoading ?? base.port_of_loading,
    port_of_destination: c.portOfDestination ?? base.port_of_destination,
    partial_shipment: flag(c.partialShipment, base.partial_shipment),
    transshipment: flag(c.transshipment, base.transshipment),
    insurance_percent: c.insurancePercent !== undefined ? c.insurancePercent : base.insurance_percent,
    balance_rule: c.balanceRule ?? base.balance_rule,
    balance_days: c.balanceDays !== undefined ? c.balanceDays : base.balance_days,
  };
  if ((INSURED_INCOTERMS as readonly string[]).includes(incoterm) && out.insurance_percent === null) out.insurance_percent = 110;
  if (out.balance_rule === 'days_after_bl' && out.balance_days === null) {
    throw invalid('balanceDays', m('quotes.giveNumberDaysAfter'));
  }
  return out;
}

export function termsOf(row: q.QuoteRow): q.QuoteTermsWrite {
  return {
    buyer_id: row.buyer_id, quote_date: row.quote_date, validity_days: row.validity_days, valid_until: row.valid_until,
    currency: row.currency, rate_e8: row.rate_e8, price_decimals: row.price_decimals, incoterm: row.incoterm,
    incoterm_place: row.incoterm_place, payment_terms: row.payment_terms, deposit_percent: row.deposit_percent,
    delivery_time: row.delivery_time, notes: row.notes, shipping_marks: row.shipping_marks,
    discount_kind: row.discount_kind, discount_e4: row.discount_e4,
    port_of_loading: row.port_of_loading, port_of_destination: row.port_of_destination, partial_shipment: row.partial_shipment,
    transshipment: row.transshipment, insurance_percent: row.insurance_percent, balance_rule: row.balance_rule, balance_days: row.balance_days,
  };
}
