import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import * as q from '../../db/rates';
import { allCurrencies, COMMON_CURRENCIES } from '../money/currencies';
import { divideRounded, fromScaled } from '../money/decimal';
import { localDate } from '../calendar/dates';
import { CNY_RATE_E8 } from '../quotes/totals';

/** 1 unit of `currency` = `cnyPerUnit` CNY, in force from `effectiveOn`. */
export interface Rate {
  currency: string;
  /** Up to 8 decimals ("7.1234", "0.0048"). */
  cnyPerUnit: string;
  effectiveOn: string;
  note: string;
  createdAt: string;
}

export interface CurrencyRate {
  currency: string;
  common: boolean;
  /** Null when no rate was ever entered (CNY is always 1). */
  rate: Rate | null;
}

export const rateText = (e8: number): string => fromScaled(e8, 8, 0);

function toRate(row: q.RateRow): Rate {
  return { currency: row.currency, cnyPerUnit: rateText(row.cny_per_unit_e8), effectiveOn: row.effective_on, note: row.note, createdAt: row.created_at };
}

const CNY: Rate = { currency: 'CNY', cnyPerUnit: '1', effectiveOn: '2000-01-01', note: '', createdAt: '2000-01-01T00:00:00.000Z' };

/** Every currency Intl knows, the common ones at a Yiwu stall first, with the rate in force today. */
export function listRates(core: Core): CurrencyRate[] {
  const current = new Map(q.ratesOn(core.db, localDate(core.now())).map((r) => [r.currency, toRate(r)]));
  const common = new Set<string>(COMMON_CURRENCIES);
  return allCurrencies().map((currency) => ({
    currency,
    common: common.has(currency),
    rate: currency === 'CNY' ? CNY : (current.get(currency) ?? null),
  }));
}

export function setRate(core: Core, input: { currency: string; cnyPerUnitE8: number; effectiveOn?: string | undefined; note?: string | undefined }): Rate {
  if (input.currency === 'CNY') throw invalid('currency', m('rates.cnyBaseCurrencyRate'));
  const id = q.insertRate(core.db, {
    currency: input.currency,
    cny_per_unit_e8: input.cnyPerUnitE8,
    effective_on: input.effectiveOn ?? localDate(core.now()),
    note: input.note ?? '',
  });
  return toRate(q.getRate(core.db, id) as q.RateRow);
}

export function history(core: Core, currency: string, limit: number): Rate[] {
  if (currency === 'CNY') return [CNY];
  return q.rateHistory(core.db, currency, limit).map(toRate);
}

/**
 * How many units of `other` make one unit of `base` on a day (×10⁸), through
 * their rates to CNY: 1 USD = 7.1234 CNY; 1 USD = 3.6725 AED. Null when either
 * has no rate. Rounded half away from zero (the app's rule).
 */
export function crossRateE8On(core: Core, base: string, other: string, day: string): number | null {
  const b = rateE8On(core, base, day);
  const o = rateE8On(core, other, day);
  if (b === null || o === null) return null;
  return Number(divideRounded(BigInt(b) * 100_000_000n, BigInt(o)));
}

/** The rate (×10⁸) in force on a day, or null when none was entered. CNY is 10⁸. */
export function rateE8On(core: Core, currency: string, day: string): number | null {
  if (currency === 'CNY') return CNY_RATE_E8;
  return q.rateOn(core.db, currency, day)?.cny_per_unit_e8 ?? null;
}
