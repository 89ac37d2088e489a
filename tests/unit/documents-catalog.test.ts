import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, catalogLabeler, labeler, loadCatalogs, unitName, type Section } from '../../main/documents/catalog';
import { BALANCE_RULES, DOC_LANGS } from '../../main/documents/model';
import { PAYMENT_METHODS } from '../../main/invoices/types';

/** The per-language label catalogs of every document (main/documents/locales/*.json). */
const dir = path.join(__dirname, '../../main/documents/locales');
const source = path.join(__dirname, '../../main/documents');
type CatalogFile = { language?: unknown } & Partial<Record<Section, Record<string, string>>>;
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as CatalogFile;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const SECTIONS: Section[] = ['trade', 'afterPi', 'unit'];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(folder, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every label the documents' code asks for: `l.t('key')`, `k.pair('key')`, `label('trade', lang, 'key')`…,
 * by the section its labeler reads (`k` and catalogLabeler: afterPi; `l`, `shared` and labeler: trade),
 * and the template-literal keys (`when_${…}`) as written.
 */
function keysInSource(): { literal: Array<{ section: Section; key: string; where: string }>; templates: Array<{ section: Section; template: string; where: string }> } {
  const literal: Array<{ section: Section; key: string; where: string }> = [];
  const templates: Array<{ section: Section; template: string; where: string }> = [];
  const call = /(?:\b(k|l|shared)|\b(catalogLabeler|labeler)\([^)]*\))\.(?:t|pair)\(\s*(?:'(\w+)'|`([^`]*)`)/g;
  const direct = /\blabel\(\s*'(trade|afterPi|unit)',[^,]+,\s*(?:'(\w+)'|`([^`]*)`)/g;
  for (const file of sourceFiles(source)) {
    const where = path.relative(source, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      const who = m[1] ?? m[2];
      const section: Section = who === 'k' || who === 'catalogLabeler' ? 'afterPi' : 'trade';
      if (m[3]) literal.push({ section, key: m[3], where });
      if (m[4]) templates.push({ section, template: m[4], where });
    }
    for (const m of text.matchAll(direct)) {
      const section = m[1] as Section;
      if (m[2]) literal.push({ section, key: m[2], where });
      if (m[3]) templates.push({ section, template: m[3], where });
    }
  }
  return { literal, templates };
}

/** Each template-literal key the code builds, with every value its `${…}` can take. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  'when_${m.balanceRule}': BALANCE_RULES,
  'charges_${b.charges}': ['OUR', 'SHA', 'BEN'],
  'method_${p.method}': PAYMENT_METHODS,
  'method_${e.detail.method}': PAYMENT_METHODS,
};

describe('document label catalogs', () => {
  const en = read('en');

  it('makes the document languages the catalogs present, English first, in their order', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
    expect([...DOC_LANGS].sort()).toEqual(files.sort());
    expect(DOC_LANGS).toEqual(['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt']);
  });

  it.each(DOC_LANGS.filter((l) => l !== 'en'))('the %s catalog has every key of the English one in every section, no other key, none empty, with the same {placeholders}', (lang) => {
    const cat = read(lang);
    for (const section of SECTIONS) {
      const ref = en[section] ?? {};
      const mine = cat[section] ?? {};
      expect(Object.keys(mine).filter((k) => !(k in ref)), `${section}: keys English does not have`).toEqual([]);
      expect(Object.keys(ref).filter((k) => !(k in mine)), `${section}: keys missing`).toEqual([]);
      for (const [key, text] of Object.entries(mine)) {
        expect(text.trim(), `${lang}.${section}.${key}`).not.toBe('');
        expect(placeholders(text), `${lang}.${section}.${key}`).toEqual(placeholders(ref[key] ?? ''));
      }
    }
  });

  it('finds every label the code uses, literal keys and each value of a template-literal key, in every catalog', () => {
    const { literal, templates } = keysInSource();
    // The scan sees the code: it finds the labels of the PI, the purchase order and the statement of payments.
    expect(literal.map((k) => `${k.section}.${k.key}`)).toEqual(expect.arrayContaining(['trade.eoe', 'afterPi.poTitle', 'trade.noPayments', 'trade.originOf']));
    const unknown = templates.filter((t) => !(t.template in TEMPLATE_VALUES)).map((t) => `${t.where}: \`${t.template}\``);
    expect(unknown, 'a template-literal key whose values this test does not list').toEqual([]);
    const wanted = [
      ...literal,
      ...templates.flatMap((t) => (TEMPLATE_VALUES[t.template] ?? []).map((v) => ({ section: t.section, key: t.template.replace(/\$\{[^}]+\}/, v), where: t.where }))),
    ];
    expect(wanted.length).toBeGreaterThan(150);
    for (const lang of DOC_LANGS) {
      const cat = read(lang);
      const missing = wanted.filter((w) => !(w.key in (cat[w.section] ?? {}))).map((w) => `${w.where}: ${w.section}.${w.key}`);
      expect([...new Set(missing)], `${lang}.json lacks`).toEqual([]);
    }
  });

  it('prints every unit the English catalog lists in each language\'s own word, and an unknown unit as typed', () => {
    const units = Object.keys(en.unit ?? {});
    expect(units).toEqual(expect.arrayContaining(['pcs', 'set', 'pair', 'dozen', 'box']));
    for (const lang of DOC_LANGS) for (const u of units) expect(unitName(u, lang), `${lang} ${u}`).toBe(lang === 'en' ? u : read(lang).unit?.[u]);
    expect(unitName('PCS', 'en')).toBe('PCS');
    expect(unitName('PCS', 'zh')).toBe('个');
    expect(unitName('bolt', 'zh')).toBe('bolt');
  });

  it('loads every catalog the same way the documents read them', () => {
    for (const lang of DOC_LANGS) {
      const file = read(lang);
      expect(CATALOGS[lang]?.trade).toEqual(file.trade);
      expect(CATALOGS[lang]?.afterPi).toEqual(file.afterPi);
      expect(CATALOGS[lang]?.unit).toEqual(file.unit);
    }
    expect(CATALOGS.ar?.rtl).toBe(true);
    expect(CATALOGS.ar?.locale).toBe('ar-u-nu-latn');
    expect(CATALOGS.fr?.rtl).toBe(false);
  });

  it('refuses a folder without the English reference, and a file that is not a catalog, naming it', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-doc-cat-'));
    try {
      fs.writeFileSync(path.join(tmp, 'de.json'), JSON.stringify({ trade: { proforma: 'PROFORMA-RECHNUNG' } }));
      expect(() => loadCatalogs(tmp)).toThrow(/en\.json/);
      fs.copyFileSync(path.join(dir, 'en.json'), path.join(tmp, 'en.json'));
      expect(loadCatalogs(tmp).map((c) => c.lang)).toEqual(['en', 'de']);
      fs.writeFileSync(path.join(tmp, 'it.json'), JSON.stringify({ trade: { proforma: 7 } }));
      expect(() => loadCatalogs(tmp)).toThrow(/it\.json.*trade\.proforma/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('puts the second language after the first in a bilingual label, and fills values', () => {
    expect(catalogLabeler('zh', 'en').t('poTitle')).toBe('采购单 / PURCHASE ORDER');
    expect(catalogLabeler('zh').t('poTitle')).toBe('采购单');
    expect(catalogLabeler('ar').t('soaTitle')).toBe('كشف حساب');
    expect(catalogLabeler('en').t('periodFromTo', { from: '1 March 2026', to: '10 June 2026' })).toBe('1 March 2026 – 10 June 2026');
    expect(labeler('ar', true).t('proforma')).toBe('PROFORMA INVOICE / فاتورة مبدئية');
    expect(labeler('en', true).t('proforma')).toBe('PROFORMA INVOICE');
  });
});
