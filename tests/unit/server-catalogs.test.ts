import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogs } from '../../main/errors/messages';

const catalogs = readCatalogs(path.resolve('main/errors/locales'));
const english = catalogs.en ?? {};
const paramsOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((p) => p[1]).sort();
/** Translations that leave an English param out on purpose (the text was like this before the catalogs). */
const DROPS_PARAMS = new Set(['zh:server.callNeedsPost']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

// Keys are written as string literals: m('area.name', …) or say(locale, 'area.name', …).
// A key built at run time (m(`purchases.status.${status}`)) is forbidden, so every key used can be checked here.
const KEY_CALL = /\b(?:m\(\s*|say\(\s*\w+\s*,\s*)(['"`])([^'"`]*)\1/g;
const DYNAMIC_KEY = /\b(?:m\(\s*|say\(\s*\w+\s*,\s*)`[^`]*\$\{/;

describe('server message catalogs (main/errors/locales)', () => {
  it('has English and Chinese catalogs', () => {
    expect(Object.keys(catalogs)).toEqual(expect.arrayContaining(['en', 'zh']));
  });

  it('gives every language exactly the keys of the English catalog, none empty', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalog)) expect(typeof text === 'string' && text.trim() !== '', `${lang}:${key} is empty`).toBe(true);
    }
  });

  it('uses the same named params in every language', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        const expected = paramsOf(english[key] ?? '');
        const actual = paramsOf(text);
        if (DROPS_PARAMS.has(`${lang}:${key}`)) expect(expected, `${lang}:${key}`).toEqual(expect.arrayContaining(actual));
        else expect(actual, `${lang}:${key}`).toEqual(expected);
      }
    }
  });

  it('leaves no server message written in the code as two languages (msg(en, zh), zh ? … : …, { en, zh })', () => {
    // main/documents has its own catalogs (main/documents/locales) and picks a document's language itself.
    const TWO_LANGUAGES = /\bmsg\(|(?:===\s*'zh'|\bzh)\s*\?\s*['"`]|\{\s*en:\s*['"`][^}]*\bzh:\s*['"`]/;
    const offenders = sourceFiles(path.resolve('main'))
      .filter((file) => !file.includes(`${path.sep}documents${path.sep}`))
      .filter((file) => TWO_LANGUAGES.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(process.cwd(), file))).toEqual([]);
  });

  it('has every key the source uses, and the source builds no key at run time', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('main'))) {
      const text = fs.readFileSync(file, 'utf8');
      expect(DYNAMIC_KEY.test(text), `${file} builds a message key from a template literal`).toBe(false);
      for (const match of text.matchAll(KEY_CALL)) if (match[2]) used.add(match[2]);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const missing = [...used].filter((key) => !(key in catalog));
      expect(missing, lang).toEqual([]);
    }
  });
});
