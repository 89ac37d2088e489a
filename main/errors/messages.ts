/**
 * Server messages as catalogs: one JSON file per UI language in locales/
 * (en.json, zh.json…, named like the renderer's language folders). A Message
 * is a key and named params; it is translated at the edge (AppError.toApiError,
 * the HTTP door) by i18next. The languages the server speaks are the catalogs
 * present: dropping fr.json in locales/ is enough to answer in French.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { fileURLToPath } from 'node:url';
import { appPath } from '../paths/appRoot';

/** A param: a string, a number, a Message that is itself translated (an action, a status), or a list of these (joined by the language's list separator). */
export type MessageParam = string | number | Message | ReadonlyArray<string | number | Message>;

export interface Message {
  key: string;
  params?: Record<string, MessageParam>;
}

/** A UI language code: the name of a catalog file (en, zh, fr…). */
export type Locale = string;

export const FALLBACK_LOCALE = 'en';

/** messages/ beside the bundle in the app (scripts/build-main.ts copies it), else main/errors/locales of the checkout. */
function defaultCatalogDir(): string {
  const beside = fileURLToPath(new URL('./messages/', import.meta.url));
  return fs.existsSync(path.join(beside, 'en.json')) ? beside : appPath('main', 'errors', 'locales');
}

let catalogDir = defaultCatalogDir();
let loaded: { i18n: i18n; languages: string[] } | null = null;

export type Catalog = Record<string, string>;

/** Reads every catalog in a folder: { en: { 'purchases.notFound': '…' }, … }. */
export function readCatalogs(dir: string = catalogDir): Record<string, Catalog> {
  const catalogs: Record<string, Catalog> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const match = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(file);
    if (!match?.[1]) continue;
    catalogs[match[1]] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Catalog;
  }
  return catalogs;
}

function load(): { i18n: i18n; languages: string[] } {
  if (loaded) return loaded;
  const catalogs = readCatalogs();
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(Object.entries(catalogs).map(([lang, catalog]) => [lang, { translation: catalog }])),
    fallbackLng: FALLBACK_LOCALE,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  loaded = { i18n: instance, languages: Object.keys(catalogs) };
  return loaded;
}

/** Points the server at another catalog folder (tests add a language this way); null goes back to the app's. */
export function useCatalogDir(dir: string | null): void {
  catalogDir = dir ?? defaultCatalogDir();
  loaded = null;
}

/** The UI languages the server speaks: the catalogs present. */
export function serverLanguages(): string[] {
  return load().languages;
}

/** A message by key, with named params ({{id}} in the catalogs). */
export function m(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

/** Whether a value is a Message (and not a plain param). */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** The message with a field's name replaced wherever a param names it (nested messages included). */
export function renameField(message: Message, from: string, to: string): Message {
  if (!message.params) return message;
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(message.params)) params[name] = value === from ? to : isMessage(value) ? renameField(value, from, to) : value;
  return { key: message.key, params };
}

/** The text of a message in a UI language (unknown languages and missing keys fall back to English). */
export function translate(message: Message, locale: Locale): string {
  const { i18n: instance, languages } = load();
  const lng = languages.includes(locale) ? locale : FALLBACK_LOCALE;
  const params: Record<string, string | number> = {};
  const text = (value: string | number | Message) => (isMessage(value) ? translate(value, lng) : value);
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = Array.isArray(value) ? value.map(text).join(instance.t('errors.listSeparator', { lng })) : text(value as string | number | Message);
  }
  return instance.t(message.key, { ...params, lng });
}

/** A message's text by key, in one UI language (for a door or a dialog that answers with text). */
export function say(locale: Locale, key: string, params?: Record<string, MessageParam>): string {
  return translate(m(key, params), locale);
}

/** The UI language of a request: its language code (zh-CN → zh) if a catalog speaks it, else English. */
export function pickLocale(value: string | null | undefined): Locale {
  const languages = serverLanguages();
  for (const part of (value ?? '').split(',')) {
    const code = part.split(';')[0]?.trim() ?? '';
    if (!code) continue;
    if (languages.includes(code)) return code;
    const primary = code.split('-')[0]?.toLowerCase() ?? '';
    if (languages.includes(primary)) return primary;
  }
  return FALLBACK_LOCALE;
}
