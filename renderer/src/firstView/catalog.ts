/**
 * The few words the first view shows, from the UI's own catalogs (src/i18n/locales), looked up as
 * i18next would (`ns:key.path`, `{{param}}`), without loading i18next.
 */
import enCommon from '../i18n/locales/en/common.json';
import enProducts from '../i18n/locales/en/products.json';
import enSecurity from '../i18n/locales/en/security.json';
import enStock from '../i18n/locales/en/stock.json';
import zhCommon from '../i18n/locales/zh/common.json';
import zhProducts from '../i18n/locales/zh/products.json';
import zhSecurity from '../i18n/locales/zh/security.json';
import zhStock from '../i18n/locales/zh/stock.json';

type Catalog = Record<string, unknown>;
/** The UI languages the first view has words for; another UI language starts without it. */
export type FirstViewLanguage = 'zh-CN' | 'en';
export function isFirstViewLanguage(language: string): language is FirstViewLanguage {
  return language === 'zh-CN' || language === 'en';
}
const CATALOGS: Record<'zh-CN' | 'en', Record<string, Catalog>> = {
  en: { common: enCommon, products: enProducts, security: enSecurity, stock: enStock },
  'zh-CN': { common: zhCommon, products: zhProducts, security: zhSecurity, stock: zhStock },
};

function lookup(catalog: Catalog | undefined, path: string): string | null {
  let node: unknown = catalog;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Catalog)[part] : undefined;
  return typeof node === 'string' ? node : null;
}

/** `t(key, params)` in the language (English where a word is missing), as the first view needs it. */
export function translator(language: FirstViewLanguage): (key: string, params?: Record<string, string | number>) => string {
  return (key, params = {}) => {
    const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
    const text = lookup(CATALOGS[language][ns], path) ?? lookup(CATALOGS.en[ns], path) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
