import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(en);
countries.registerLocale(zh);

/** The country's name in the UI language ("阿联酋", "United Arab Emirates"). */
export function countryName(code: string, uiLanguage: string): string {
  return countries.getName(code, uiLanguage.startsWith('zh') ? 'zh' : 'en') ?? code;
}

/** 🇦🇪 from "AE". */
export function flag(code: string): string {
  return /^[A-Z]{2}$/.test(code) ? String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)) : '';
}
