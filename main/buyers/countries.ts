import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import { foldText } from './searchText';

for (const locale of [en, zh, ar, ru, es, fr, pt]) countries.registerLocale(locale);

/** The languages country names are known in (the name lists registered above). */
export const COUNTRY_NAME_LANGUAGES = ['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt'] as const;

/** Whether a code is an assigned ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string, lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return countries.getName(code, base) ?? countries.getName(code, 'en') ?? code;
}

export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

/** Names and aliases in every registered language: what a country picker searches. */
export function countrySearchTerms(code: string): string[] {
  const terms = new Set<string>([code]);
  for (const lang of ['en', 'zh', 'ar', 'ru', 'es', 'fr', 'pt']) {
    const names = countries.getName(code, lang, { select: 'all' }) as string[] | undefined;
    for (const n of names ?? []) terms.add(n);
  }
  const alpha3 = countries.alpha2ToAlpha3(code);
  if (alpha3) terms.add(alpha3);
  return [...terms];
}

/**
 * Names people use that the country lists lack: abbreviations and short forms
 * heard at the stall. Everything else comes from i18n-iso-countries (official
 * and common names in en, zh, ar, ru, es, fr, pt, plus alpha-3 codes).
 */
const EXTRA_ALIASES: Record<string, string[]> = {
  AE: ['Emirates', 'Dubai', 'الإمارات', 'Эмираты', '迪拜'],
  SA: ['KSA', 'Saudi', '沙特', 'السعودية'],
  GB: ['England', 'Britain', '英国'],
  US: ['America', '美国'],
  RU: ['РФ'],
  KR: ['Korea', '韩国', '南韩'],
  KP: ['North Korea', '朝鲜'],
  CD: ['DRC', 'DR Congo', 'Congo-Kinshasa', '刚果金'],
  CG: ['Congo-Brazzaville', '刚果布'],
  CI: ['Ivory Coast'],
  NL: ['Holland'],
  MM: ['Burma'],
  CZ: ['Czechia'],
  TR: ['Turkey', 'Türkiye'],
  IR: ['Persia'],
  BY: ['Belarus', 'Беларусь'],
  HK: ['香港'],
  TW: ['台湾'],
  MO: ['澳门'],
};

interface CountryIndexEntry {
  code: string;
  /** Folded names and aliases: exact matches rank first. */
  terms: string[];
}

let index: CountryIndexEntry[] | null = null;

function countryIndex(): CountryIndexEntry[] {
  index ??= allCountryCodes().map((code) => ({
    code,
    terms: [...new Set([...countrySearchTerms(code), ...(EXTRA_ALIASES[code] ?? [])].map(foldText).filter(Boolean))],
  }));
  return index;
}

/**
 * Countries matching what was typed, in any of the seven languages or by code:
 * "阿联酋", "UAE", "United Arab Emirates", "الإمارات", "ОАЭ" and "ae" all find AE.
 * Best first: an exact name or code, then a name starting with the text, then a
 * word of a name starting with it, then the text anywhere in a name.
 */
export function searchCountries(query: string, limit = 300): string[] {
  const q = foldText(query);
  if (!q) return allCountryCodes().slice(0, limit);
  const scored: Array<{ code: string; score: number }> = [];
  for (const entry of countryIndex()) {
    let best = Infinity;
    for (const term of entry.terms) {
      const score = term === q ? 0 : term.startsWith(q) ? 1 : term.split(' ').some((w) => w.startsWith(q)) ? 2 : term.includes(q) ? 3 : Infinity;
      if (score < best) best = score;
      if (best === 0) break;
    }
    if (best < Infinity) scored.push({ code: entry.code, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || countryName(a.code, 'en').localeCompare(countryName(b.code, 'en')))
    .slice(0, limit)
    .map((s) => s.code);
}

/** The code of a country written as a code or as an exact name in any language ("Egypt", "埃及", "مصر"), or null. */
export function countryCodeOf(value: string): string | null {
  const trimmed = value.trim();
  if (/^[a-z]{2}$/i.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const q = foldText(trimmed);
  if (!q) return null;
  const exact = countryIndex().filter((e) => e.terms.includes(q));
  return exact.length === 1 ? (exact[0] as CountryIndexEntry).code : null;
}
