import countryToCurrency from 'country-to-currency';
import { invalid, m } from '../errors/apiError';
import { countryOfNumber } from '../phones/country';
import { formatInternational, toE164 } from '../phones/e164';
import { isDocLang } from '../documents/catalog';
import type { DocLanguage } from './schema';

/**
 * A walk-in buyer added from a WhatsApp number alone: the country from the
 * number's calling code, the document language and currency from the country,
 * the company "walk-in, +971 50 123 4567" until staff fill it in.
 */

/** The trade language of each country, for the languages documents ship in (a language is used only while its catalog is present). */
const LANGUAGE_OF: Record<string, string[]> = {
  // The Arab League, but the Maghreb, where French is the trade language.
  ar: ['AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'YE', 'IQ', 'JO', 'LB', 'SY', 'PS', 'EG', 'LY', 'SD', 'SO', 'KM'],
  ru: ['RU', 'BY', 'KZ', 'KG', 'TJ', 'UZ', 'TM'],
  es: ['ES', 'MX', 'CO', 'AR', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'GQ', 'PR'],
  fr: ['FR', 'MC', 'DZ', 'MA', 'TN', 'MR', 'SN', 'CI', 'ML', 'BF', 'NE', 'GN', 'BJ', 'TG', 'CM', 'GA', 'CG', 'CD', 'CF', 'TD', 'MG', 'HT', 'DJ', 'BI'],
  pt: ['BR', 'PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL'],
  zh: ['CN', 'TW', 'HK', 'MO'],
};

/** The language documents go out in for a buyer from `country` (editable afterwards). */
export function docLanguageOf(country: string): DocLanguage {
  for (const [lang, list] of Object.entries(LANGUAGE_OF)) if (list.includes(country) && isDocLang(lang)) return lang;
  return 'en';
}

/** The country's own currency (ISO 4217), or null when none is known. */
export function currencyOfCountry(country: string): string | null {
  return (countryToCurrency as Record<string, string>)[country] ?? null;
}

export interface WalkInInput {
  company?: string | undefined;
  country?: string | undefined;
  whatsapp?: string | undefined;
  docLanguage?: DocLanguage | undefined;
}

export interface WalkInDefaults {
  /** ISO alpha-2, or '' when neither given nor derivable. */
  country: string;
  company: string;
  docLanguage: DocLanguage;
  /** The country's currency when the stall has a rate for it (or it is CNY), else the stall's default. */
  currency: string;
  /** The WhatsApp number in E.164, '' when none. */
  whatsapp: string;
}

/**
 * What a quick-added buyer gets from what staff typed. `quotable` tells which
 * currencies the stall can quote in today (a stored rate, or CNY).
 */
export function walkInDefaults(input: WalkInInput, options: { defaultCurrency: string; quotable: (currency: string) => boolean; field: string }): WalkInDefaults {
  const raw = (input.whatsapp ?? '').trim();
  const country = (input.country ?? '').trim().toUpperCase() || (raw ? (countryOfNumber(raw) ?? '') : '');
  if (!country) {
    throw invalid(
      `${options.field}.${raw ? 'country' : 'whatsapp'}`,
      raw
        ? m('buyers.giveCountryWhatsappNumber')
        : m('buyers.giveWhatsappNumberCountry'),
    );
  }
  const whatsapp = raw ? toE164(raw, country, `${options.field}.whatsapp`) : '';
  const company = (input.company ?? '').trim() || (whatsapp ? `walk-in, ${formatInternational(whatsapp)}` : '');
  if (!company) throw invalid(`${options.field}.company`, m('buyers.giveCompanyWhatsappNumber'));
  const own = currencyOfCountry(country);
  const currency = own && options.quotable(own) ? own : options.defaultCurrency;
  return { country, company, docLanguage: input.docLanguage ?? docLanguageOf(country), currency, whatsapp };
}
