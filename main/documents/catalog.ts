import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { appPath } from '../paths/appRoot';
// Types only: the English catalog names the keys the code may ask for (no value is read from this import).
import type reference from './locales/en.json';

/**
 * Every word a document prints, one JSON catalog per document language: `locales/<lang>.json`.
 * The languages a document can be printed in are the catalogs present (a new language is a new
 * file, no code). A catalog holds:
 * - `language`: how the language is written: `locale` (Intl, default the file's code),
 *   `direction` (`rtl` mirrors the page, default `ltr`), `order` (its place in the language lists,
 *   default after the numbered ones, by code);
 * - `trade`: the quotation, PI, packing list and statement of payments (and the shared parts
 *   of every document: seller block, bank details, payment methods);
 * - `afterPi`: the purchase order, delivery note and statement of account;
 * - `unit`: units of sale as printed ("pcs" → 个); a unit not listed prints as typed.
 * English is the reference: a key a catalog lacks prints in English, and
 * tests/unit/documents-catalog.test.ts fails on a missing, extra or empty key, a changed
 * `{placeholder}`, or a key the code uses that English lacks. `{x}` marks a value filled in.
 *
 * The folder is `main/documents/locales` (beside the bundle in the app), or the one `STALLKEEPER_DOC_LOCALES` names
 * (read once, when the documents area is first loaded: a translator trying a language, a test).
 */
type Reference = typeof reference;
export type Section = 'trade' | 'afterPi' | 'unit';
export type LabelKey = keyof Reference['trade'];
export type CatalogKey = keyof Reference['afterPi'];
/** The keys of each section, as the English catalog has them. */
export interface SectionKeys {
  trade: LabelKey;
  afterPi: CatalogKey;
  unit: keyof Reference['unit'];
}

const texts = z.record(z.string(), z.string());
const catalogFile = z.strictObject({
  language: z
    .strictObject({
      locale: z.string().min(1).optional(),
      direction: z.enum(['ltr', 'rtl']).optional(),
      order: z.number().optional(),
    })
    .optional(),
  trade: texts.optional(),
  afterPi: texts.optional(),
  unit: texts.optional(),
});

export interface DocCatalog {
  lang: string;
  locale: string;
  rtl: boolean;
  order: number;
  trade: Record<string, string>;
  afterPi: Record<string, string>;
  unit: Record<string, string>;
}

/** A catalog's file name is its language code: `de.json`, `pt-BR.json`. */
const LANG_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/;

/**
 * `locales/` next to this module: main/documents/locales from source, dist/electron/locales beside
 * the app's bundles (scripts/build-main.ts copies it); another bundle (the crash harness's writer,
 * a benchmark) has none beside it and reads the checkout's.
 */
export function catalogFolder(): string {
  if (process.env.STALLKEEPER_DOC_LOCALES) return process.env.STALLKEEPER_DOC_LOCALES;
  const beside = fileURLToPath(new URL('./locales/', import.meta.url));
  return fs.existsSync(path.join(beside, 'en.json')) ? beside : appPath('main', 'documents', 'locales');
}

/** The catalogs of a folder, in their `order` (then by code); English must be one of them. */
export function loadCatalogs(dir: string = catalogFolder()): DocCatalog[] {
  const catalogs = fs
    .readdirSync(dir)
    .map((file) => LANG_FILE.exec(file)?.[1])
    .filter((lang): lang is string => lang !== undefined)
    .map((lang): DocCatalog => {
      const file = path.join(dir, `${lang}.json`);
      const parsed = catalogFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: not a document catalog (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
      const c = parsed.data;
      return {
        lang,
        locale: c.language?.locale ?? lang,
        rtl: c.language?.direction === 'rtl',
        order: c.language?.order ?? Number.MAX_SAFE_INTEGER,
        trade: c.trade ?? {},
        afterPi: c.afterPi ?? {},
        unit: c.unit ?? {},
      };
    })
    .sort((a, b) => a.order - b.order || a.lang.localeCompare(b.lang));
  if (!catalogs.some((c) => c.lang === 'en')) throw new Error(`${dir}: the English catalog (en.json), the reference of every other, is missing`);
  return catalogs;
}

const loaded = loadCatalogs();

/** The document languages: one per catalog present. */
export const DOC_LANGS = loaded.map((c) => c.lang) as [string, ...string[]];
export const CATALOGS: Record<string, DocCatalog> = Object.fromEntries(loaded.map((c) => [c.lang, c]));

export function isDocLang(value: string): boolean {
  return Object.hasOwn(CATALOGS, value);
}

function catalogOf(lang: string): DocCatalog {
  const catalog = CATALOGS[lang];
  if (!catalog) throw new Error(`No document catalog for language "${lang}" (main/documents/locales/${lang}.json)`);
  return catalog;
}

/** The Intl locale of a document language (ar-u-nu-latn: Western digits in Arabic documents). */
export function docLocale(lang: string): string {
  return catalogOf(lang).locale;
}

/** Whether pages in this language read right to left (mirrored). */
export function isRtl(lang: string): boolean {
  return catalogOf(lang).rtl;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** One label, in that language or, when its catalog lacks it, in English (else the key itself). */
export function label<S extends Section>(section: S, lang: string, key: SectionKeys[S], values: Record<string, string | number> = {}): string {
  return text(section, lang, key, values);
}

function text(section: Section, lang: string, key: string, values: Record<string, string | number> = {}): string {
  return fill(catalogOf(lang)[section][key] ?? CATALOGS.en?.[section][key] ?? key, values);
}

/** A unit of sale as printed: in English as typed, in another language its word, else as typed. */
export function unitName(unit: string, lang: string): string {
  if (lang === 'en') return unit;
  return catalogOf(lang).unit[unit.toLowerCase()] ?? unit;
}

export interface Pair {
  primary: string;
  secondary: string | null;
}

/**
 * A section's labels in a first and (bilingual) second language: "采购单 / PURCHASE ORDER".
 * `once`: a label the same in both languages is printed once (the documents after the PI; the
 * PI family prints "WhatsApp / WhatsApp", as it always has).
 */
export function sectionLabels<K extends string>(section: Section, first: string, second: string | null, once: boolean) {
  const pair = (key: K, values: Record<string, string | number> = {}): Pair => ({
    primary: text(section, first, key, values),
    secondary: second ? text(section, second, key, values) : null,
  });
  return {
    pair,
    t(key: K, values?: Record<string, string | number>): string {
      const p = pair(key, values);
      return p.secondary !== null && !(once && p.secondary === p.primary) ? `${p.primary} / ${p.secondary}` : p.primary;
    },
  };
}

/**
 * Labels of the quotation, PI and packing list: `t(key)` in the document language, or in
 * bilingual mode "English / document language" (just English when the document is English).
 * `pair(key)` gives both parts for places that stack them on two lines.
 */
export interface Labeler {
  lang: string;
  bilingual: boolean;
  t(key: LabelKey, values?: Record<string, string | number>): string;
  pair(key: LabelKey, values?: Record<string, string | number>): Pair;
}

export function labeler(lang: string, bilingual: boolean): Labeler {
  const both = bilingual && lang !== 'en';
  return { lang, bilingual: both, ...sectionLabels<LabelKey>('trade', both ? 'en' : lang, both ? lang : null, false) };
}

/**
 * Labels of the documents after the PI: `t(key)` in its language, with the second language after
 * a slash in a bilingual one ("采购单 / PURCHASE ORDER"); `pair` gives the two parts for stacking.
 */
export interface CatalogLabeler {
  lang: string;
  second: string | null;
  t(key: CatalogKey, values?: Record<string, string | number>): string;
  pair(key: CatalogKey, values?: Record<string, string | number>): Pair;
}

export function catalogLabeler(lang: string, second: string | null = null): CatalogLabeler {
  const other = second === lang ? null : second;
  return { lang, second: other, ...sectionLabels<CatalogKey>('afterPi', lang, other, true) };
}
