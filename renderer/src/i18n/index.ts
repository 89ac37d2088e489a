import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from '../api/client';

/** UI languages. Every namespace file exists in each (checked by tests/unit/i18n-complete.test.ts). */
export const UI_LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

const STORAGE_KEY = 'stallkeeper.language';

// locales/<lang>/<namespace>.json, one namespace per area of the app.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const folderOf: Record<string, UiLanguage> = { zh: 'zh-CN', en: 'en' };
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const lang = folderOf[match[1] ?? ''];
  if (!lang) continue;
  (resources[lang] ??= {})[match[2] ?? 'common'] = module.default;
}

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
  setApiLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

const lang = initialLanguage();
setApiLocale(lang);
document.documentElement.lang = lang;

void i18n.use(initReactI18next).init({
  resources,
  lng: lang,
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
