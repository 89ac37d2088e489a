/**
 * Money amounts in a currency's own minor units, written down once.
 *
 * - Every amount (line amounts, totals, discounts, charges, deposits, balances,
 *   payments) is kept as an integer at one fixed scale, AMOUNT_SCALE = 4
 *   (value × 10⁴, the `*_e4` columns), whatever its currency.
 * - A computed amount is rounded to its currency's ISO 4217 minor-unit digits
 *   (KWD, BHD, OMR, JOD, TND, LYD, IQD 3; JPY, KRW, VND, XOF, XAF, CLP, UGX, RWF,
 *   PYG… 0; most 2), half away from zero (decimal.ts roundHalfAwayFromZero): the
 *   app's one rounding rule.
 * - An amount typed by a person may not have more decimals than its currency
 *   (12.345 is a KWD amount, not a USD one): refused, never rounded.
 * - Amounts travel as decimal strings with exactly the currency's digits
 *   ("1.004" KWD, "152" JPY, "1250.50" USD).
 *
 * The digits come from the ISO 4217 table (the currency-codes package), not from
 * Intl: Intl follows CLDR's "practical" digits, which differ from ISO for some
 * currencies (IQD 0 instead of 3, IDR/HUF/COP/PKR 0 instead of 2). A bank's SWIFT
 * transfer and a customs value follow ISO.
 */
import { code as isoCurrency } from 'currency-codes';
import { m, type Message } from '../errors/messages';
import { DecimalError, divideRounded, fromScaled, roundHalfAwayFromZero } from './decimal';

/** Every amount is stored as value × 10^AMOUNT_SCALE. */
export const AMOUNT_SCALE = 4;
const SCALE_FACTOR = 10n ** BigInt(AMOUNT_SCALE);

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency per ISO 4217 (KWD 3, JPY 0, USD 2); 2 for a code ISO does not list. */
export function currencyDigits(currency: string): number {
  const hit = digitsCache.get(currency);
  if (hit !== undefined) return hit;
  const record = /^[A-Z]{3}$/.test(currency) ? isoCurrency(currency) : undefined;
  // ISO lists funds and metals (XAU, XDR) with "N.A." digits; count them as 2.
  const digits = record && Number.isInteger(record.digits) && record.digits >= 0 && record.digits <= AMOUNT_SCALE ? record.digits : 2;
  digitsCache.set(currency, digits);
  return digits;
}

/** A value at `fromScale` rounded to the currency's digits, returned at AMOUNT_SCALE. */
export function roundAmount(value: bigint, fromScale: number, currency: string): bigint {
  const digits = currencyDigits(currency);
  return roundHalfAwayFromZero(value, fromScale, digits) * 10n ** BigInt(AMOUNT_SCALE - digits);
}

/** An exact quotient numerator / denominator (numerator at AMOUNT_SCALE) rounded to the currency's digits, at AMOUNT_SCALE. */
export function divideAmount(numeratorE4: bigint, denominator: bigint, currency: string): bigint {
  const unit = 10n ** BigInt(AMOUNT_SCALE - currencyDigits(currency));
  return divideRounded(numeratorE4, denominator * unit) * unit;
}

/** True when an amount at AMOUNT_SCALE has no more decimals than its currency allows. */
export function fitsCurrency(amountE4: bigint | number, currency: string): boolean {
  const unit = 10n ** BigInt(AMOUNT_SCALE - currencyDigits(currency));
  return BigInt(amountE4) % unit === 0n;
}

/** Why an amount does not fit its currency, for an error message ("JPY has no decimals", "KWD has 3 decimals"). */
export function digitsRule(currency: string): Message {
  const digits = currencyDigits(currency);
  if (digits === 0) return m('money.noDecimals', { currency });
  return m('money.atMostDecimals', { currency, digits });
}

/**
 * An amount as text with its currency's digits ("1.004", "152", "1250.50").
 * A value stored with more decimals than its currency has (before version 8 every
 * amount had 2, JPY included) keeps them: a stored figure is never changed by reading it.
 */
export function formatAmount(amountE4: bigint | number, currency: string): string {
  const digits = currencyDigits(currency);
  return fromScaled(amountE4, AMOUNT_SCALE, digits);
}

/** 1 unit of the currency's smallest digit, at AMOUNT_SCALE (KWD 10, USD 100, JPY 10000). */
export function smallestUnitE4(currency: string): bigint {
  return 10n ** BigInt(AMOUNT_SCALE - currencyDigits(currency));
}

/** A whole amount at AMOUNT_SCALE from a JavaScript integer stored in SQLite, refusing unsafe values. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) throw new DecimalError('is too large');
  return Number(value);
}

/** An amount at AMOUNT_SCALE in CNY exactly: CNY × 10¹² (amount_e4 × rate_e8). No rounding. */
export function amountToCnyE12(amountE4: bigint, rateE8: number): bigint {
  return amountE4 * BigInt(rateE8);
}

/** CNY × 10¹² expressed in a currency (rate_e8 CNY per unit), rounded once to its digits, at AMOUNT_SCALE. */
export function cnyE12ToAmount(cnyE12: bigint, rateE8: number, currency: string): bigint {
  return divideAmount(cnyE12, BigInt(rateE8), currency);
}

/** An amount from one currency to another through CNY, rounded once to the target's digits (reports, dashboards). */
export function convertAmount(amountE4: bigint, fromRateE8: number, toRateE8: number, toCurrency: string): bigint {
  return cnyE12ToAmount(amountToCnyE12(amountE4, fromRateE8), toRateE8, toCurrency);
}

/** "0", "0.00", "0.000": an amount string that is zero, whatever its currency's digits. */
export function isZeroAmount(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount.trim());
}

export { SCALE_FACTOR };
