import { docLocale, label } from './catalog';
import type { DocLang } from './model';

/**
 * Dates, numbers and currencies for the document language, all through Intl, in the locale its
 * catalog names (`language.locale`). Arabic documents use Western digits (ar-u-nu-latn): item
 * numbers, phones, accounts and HS codes are in those digits anyway, and a trade document with
 * two digit systems is hard to check.
 */

/** Intl puts bidi marks into Arabic output; our text layer runs the bidi algorithm itself. */
function clean(s: string): string {
  return s.replace(/[\u200e\u200f\u061c]/g, '');
}

export interface Formatter {
  lang: DocLang;
  /** Between items of a list: ", " (Arabic "، "). */
  listSeparator: string;
  date(iso: string): string;
  /** Money amount with the decimals it comes with (the currency's own: "1,250.05", "1.004", "152"), grouped. */
  money(amount: string): string;
  /** Unit price with its own decimals (the quotation's price decimals, 0–4). */
  price(amount: string): string;
  /** Whole numbers (quantities, cartons). */
  int(n: number): string;
  /** A decimal with fixed decimals (CBM 3, weights 2). */
  fixed(value: string, decimals: number): string;
  /** "USD 1,250.05". */
  moneyWithCode(amount: string, currency: string): string;
  /** "USD ($)", "EUR (€)", "CNY (¥)". */
  currencyLabel(currency: string): string;
  percent(p: number | string): string;
}

const cache = new Map<string, Formatter>();

/**
 * Groups thousands from four digits in every language: Intl's Spanish and Portuguese leave
 * 6783,50 ungrouped (a minimum of two grouping digits), a trade document writes 6.783,50.
 */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { ...options, useGrouping: 'always' } as Intl.NumberFormatOptions);
}

/**
 * For English + another language: figures as English writes them (the English reader reads them
 * on their own), dates in both languages ("29 November 2026 / 2026年11月29日").
 */
export function bilingualFormatter(lang: DocLang): Formatter {
  const en = formatter('en');
  if (lang === 'en') return en;
  const other = formatter(lang);
  // The other date keeps its own direction (an Arabic date reads right to left inside the English line).
  return { ...en, date: (iso) => `${en.date(iso)} / \u2068${other.date(iso)}\u2069` };
}

export function formatter(lang: DocLang): Formatter {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = docLocale(lang);
  const int = numberFormat(locale, { maximumFractionDigits: 0 });
  const fixed = new Map<number, Intl.NumberFormat>();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  // Intl formats decimal strings exactly (no float rounding) since ES2023.
  const exact = (nf: Intl.NumberFormat, v: string) => clean(nf.format(v as unknown as number));
  const fixedFormat = (decimals: number): Intl.NumberFormat => {
    let nf = fixed.get(decimals);
    if (!nf) {
      nf = numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      fixed.set(decimals, nf);
    }
    return nf;
  };
  // Amounts arrive with exactly their currency's digits (main/money/amounts.ts): print them all, add none.
  const money = (v: string) => exact(fixedFormat(/\.(\d+)$/.exec(v)?.[1]?.length ?? 0), v);
  const f: Formatter = {
    lang,
    listSeparator: label('trade', lang, 'listSeparator'),
    date: (iso) => clean(date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))),
    money,
    price: money,
    int: (n) => clean(int.format(n)),
    fixed: (v, decimals) => exact(fixedFormat(decimals), v),
    moneyWithCode: (v, currency) => `${currency} ${money(v)}`,
    currencyLabel(currency) {
      const symbol = numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
        .formatToParts(0)
        .find((p) => p.type === 'currency')?.value;
      return symbol && symbol !== currency ? `${currency} (${clean(symbol)})` : currency;
    },
    percent: (p) => `${p}%`,
  };
  cache.set(lang, f);
  return f;
}
