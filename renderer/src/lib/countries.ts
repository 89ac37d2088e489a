import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(en);
countries.registerLocale(zh);

/** The country's name in the UI language ("阿联酋", "United Arab Emirates"). */
export function countryName(code: string, uiLanguage: string): string {
  if (!code) return '';
  return countries.getName(code, uiLanguage.startsWith('zh') ? 'zh' : 'en') ?? code;
}

/**
 * The country for a label. No flag emoji: Windows shows them as two letters
 * and Linux without an emoji font as boxes.
 */
export function countryLabel(code: string, uiLanguage: string): string {
  return countryName(code, uiLanguage);
}
