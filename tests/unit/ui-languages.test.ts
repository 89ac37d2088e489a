import { describe, expect, it } from 'vitest';
import { pickUiLanguage, resourcesOf, uiCodesOf, uiLanguagesOf } from '../../renderer/src/i18n/languages';

/** What Vite's glob gives index.ts: the shipped folders, and a French one dropped in beside them. */
const files = {
  './locales/en/common.json': { default: { languageName: 'English', app: { name: 'Stallkeeper' } } },
  './locales/en/buyers.json': { default: { title: 'Buyers' } },
  './locales/zh/common.json': { default: { languageName: '中文', app: { name: '档口管家' } } },
  './locales/zh/buyers.json': { default: { title: '客户' } },
  './locales/fr/common.json': { default: { languageName: 'Français', app: { name: 'Stallkeeper' } } },
  './locales/fr/buyers.json': { default: { title: 'Acheteurs' } },
};

describe('UI languages are the locale folders', () => {
  it('adds French to the language switch when a fr folder is dropped in, named in its own words, after Chinese and English', () => {
    expect(uiLanguagesOf(resourcesOf(files))).toEqual([
      { code: 'zh-CN', label: '中文' },
      { code: 'en', label: 'English' },
      { code: 'fr', label: 'Français' },
    ]);
  });

  it('loads every namespace of every folder, the zh folder as zh-CN', () => {
    const resources = resourcesOf(files);
    expect(Object.keys(resources).sort()).toEqual(['en', 'fr', 'zh-CN']);
    expect(resources.fr?.buyers).toEqual({ title: 'Acheteurs' });
    expect(uiCodesOf(Object.keys(files)).sort()).toEqual(['en', 'fr', 'zh-CN']);
  });

  it('starts in the language chosen before, else the browser\'s (by its primary code), else English', () => {
    const available = ['zh-CN', 'en', 'fr'];
    expect(pickUiLanguage('fr', 'zh-CN', available)).toBe('fr');
    expect(pickUiLanguage('de', 'fr-FR', available)).toBe('fr');
    expect(pickUiLanguage(null, 'zh-TW', available)).toBe('zh-CN');
    expect(pickUiLanguage(null, 'ar-EG', available)).toBe('en');
  });
});
