/**
 * The labels of the documents after the PI (purchase order, delivery note, statement of
 * account), one JSON catalog per document language under locales/, all loaded the same way.
 * English is the reference: tests/unit/documents-catalog.test.ts fails when a catalog lacks one
 * of its keys (or has one it does not), or leaves one empty. `{x}` marks a value filled in.
 */
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import pt from './locales/pt.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';
import { fill } from './labels';
import type { DocLang } from './model';

export type CatalogKey = keyof typeof en;
export type Catalog = Record<CatalogKey, string>;

export const CATALOGS: Record<DocLang, Record<string, string>> = { en, zh, ar, es, ru, fr, pt };

/**
 * Labels of one document: `t(key)` in its language, with the second language after a slash in
 * a bilingual one ("采购单 / PURCHASE ORDER"); `pair` gives the two parts for stacking.
 */
export interface CatalogLabeler {
  lang: DocLang;
  second: DocLang | null;
  t(key: CatalogKey, values?: Record<string, string | number>): string;
  pair(key: CatalogKey, values?: Record<string, string | number>): { primary: string; secondary: string | null };
}

export function catalogLabeler(lang: DocLang, second: DocLang | null = null): CatalogLabeler {
  const other = second === lang ? null : second;
  const text = (l: DocLang, key: CatalogKey, values: Record<string, string | number>) => fill(CATALOGS[l][key] ?? CATALOGS.en[key] ?? key, values);
  const pair = (key: CatalogKey, values: Record<string, string | number> = {}) => ({
    primary: text(lang, key, values),
    secondary: other ? text(other, key, values) : null,
  });
  return {
    lang,
    second: other,
    pair,
    t(key, values) {
      const p = pair(key, values);
      return p.secondary && p.secondary !== p.primary ? `${p.primary} / ${p.secondary}` : p.primary;
    },
  };
}
