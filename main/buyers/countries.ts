import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };

for (const locale of [en, zh, ar, ru, es, fr, pt]) countries.registerLocale(locale);

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
