import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from '../api/client';

import { pickUiLanguage, resourcesOf, uiLanguagesOf, type LocaleFiles } from './languages';

// locales/<lang>/<namespace>.json, one namespace per area of the app; the languages are the folders
// (languages.ts). Every namespace file exists in each (checked by tests/unit/i18n-complete.test.ts).
const resources = resourcesOf(import.meta.glob<LocaleFiles[string]>('./locales/*/*.json', { eager: true }));

/** The UI languages, each named in its own words. */
export const UI_LANGUAGES = uiLanguagesOf(resources);
/** A UI language code: zh-CN, en, or another folder's name. */
export type UiLanguage = string;

const STORAGE_KEY = 'stallkeeper.language';

function initialLanguage(): UiLanguage {
  return pickUiLanguage(localStorage.getItem(STORAGE_KEY), navigator.language, Object.keys(resources));
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
