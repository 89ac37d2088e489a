import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, catalogLabeler } from '../../main/documents/catalog';
import { DOC_LANGS } from '../../main/documents/model';

/** The per-language label catalogs of the documents after the PI (main/documents/locales/*.json). */
const dir = path.join(__dirname, '../../main/documents/locales');
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('document label catalogs', () => {
  const en = read('en');

  it('has one catalog file per document language, and no other', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', '')).sort()).toEqual([...DOC_LANGS].sort());
  });

  it.each(DOC_LANGS.filter((l) => l !== 'en'))('the %s catalog has every key of the English one, no other key, none empty, with the same {placeholders}', (lang) => {
    const cat = read(lang);
    expect(Object.keys(cat).filter((k) => !(k in en)), 'keys English does not have').toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in cat)), 'keys missing').toEqual([]);
    for (const [key, text] of Object.entries(cat)) {
      expect(text.trim(), `${lang}.${key}`).not.toBe('');
      expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(en[key] ?? ''));
    }
  });

  it('loads every catalog the same way the documents read them', () => {
    for (const lang of DOC_LANGS) expect(CATALOGS[lang]).toEqual(read(lang));
  });

  it('puts the second language after the first in a bilingual label, and fills values', () => {
    expect(catalogLabeler('zh', 'en').t('poTitle')).toBe('采购单 / PURCHASE ORDER');
    expect(catalogLabeler('zh').t('poTitle')).toBe('采购单');
    expect(catalogLabeler('ar').t('soaTitle')).toBe('كشف حساب');
    expect(catalogLabeler('en').t('periodFromTo', { from: '1 March 2026', to: '10 June 2026' })).toBe('1 March 2026 – 10 June 2026');
  });
});
