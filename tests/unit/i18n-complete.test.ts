import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';

const localesDir = appPath('renderer', 'src', 'i18n', 'locales');

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function load(lang: string, ns: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(localesDir, lang, `${ns}.json`), 'utf8'));
}

describe('UI translations', () => {
  const namespaces = fs.readdirSync(path.join(localesDir, 'en')).map((f) => f.replace(/\.json$/, ''));

  // Every folder of locales/ is a UI language (renderer/src/i18n/languages.ts): each has every namespace and key of English.
  const languages = fs.readdirSync(localesDir).filter((f) => fs.statSync(path.join(localesDir, f)).isDirectory());

  it('have the same namespaces in every language folder as in en, and each names itself (common.languageName)', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'zh']));
    for (const lang of languages) {
      expect(fs.readdirSync(path.join(localesDir, lang)).sort(), lang).toEqual(fs.readdirSync(path.join(localesDir, 'en')).sort());
      expect(typeof (load(lang, 'common') as { languageName?: unknown }).languageName, lang).toBe('string');
    }
  });

  for (const ns of namespaces) {
    it(`have every ${ns} key in every language, none empty`, () => {
      const en = keys(load('en', ns)).sort();
      for (const lang of languages) expect(keys(load(lang, ns)).sort(), `${lang}/${ns}`).toEqual(en);
      for (const lang of languages) {
        const flat = JSON.stringify(load(lang, ns));
        expect(flat, `${lang}/${ns}`).not.toMatch(/:""/);
      }
    });
  }

  it('use in the code only keys that exist', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(e.name)) files.push(full);
      }
    };
    walk(appPath('renderer', 'src'));
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      // A component given `t` by the pages that use it names their namespaces: `// i18n namespaces: quotes invoices`.
      const shared = /\/\/ i18n namespaces: ([a-z ]+)/.exec(source)?.[1]?.trim().split(/\s+/);
      const spaces = shared ?? [/useTranslation\(\s*'([a-z]+)'/.exec(source)?.[1] ?? 'common'];
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.:]+)'/g)) {
        const raw = match[1] as string;
        for (const ns of spaces) {
          const [keyNs, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [ns, raw];
          if (!keys(load('en', keyNs)).includes(key)) missing.push(`${path.relative(appPath(), file)}: ${keyNs}:${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
