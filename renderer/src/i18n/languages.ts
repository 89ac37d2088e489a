/**
 * The UI languages are the folders of locales/: a new language is a new folder of namespace files
 * (locales/fr/common.json…), no code. Plain functions of Vite's glob result, so they are tested in Node.
 * The folder `zh` holds Simplified Chinese, whose code in the UI (and in the API calls) is zh-CN;
 * any other folder is named by its own code. Each language names itself in common.json (`languageName`).
 */
export type LocaleFiles = Record<string, { default: Record<string, unknown> }>;
export type Resources = Record<string, Record<string, Record<string, unknown>>>;

export interface UiLanguageInfo {
  code: string;
  label: string;
}

const FILE = /\/locales\/([^/]+)\/([^/]+)\.json$/;

/** A folder's UI language code: zh → zh-CN, else the folder's name. */
export function uiCodeOf(folder: string): string {
  return folder === 'zh' ? 'zh-CN' : folder;
}

/** The UI language codes among locale file paths (the file contents are not needed). */
export function uiCodesOf(paths: string[]): string[] {
  return [...new Set(paths.map((p) => FILE.exec(p)?.[1]).filter((f): f is string => Boolean(f)).map(uiCodeOf))];
}

/** i18next resources: language → namespace → keys. */
export function resourcesOf(files: LocaleFiles): Resources {
  const resources: Resources = {};
  for (const [file, module] of Object.entries(files)) {
    const match = FILE.exec(file);
    if (!match?.[1] || !match[2]) continue;
    (resources[uiCodeOf(match[1])] ??= {})[match[2]] = module.default;
  }
  return resources;
}

/** The language switch's choices, each in its own words: Chinese and English first (the stall's two), then the rest by code. */
export function uiLanguagesOf(resources: Resources): UiLanguageInfo[] {
  const rank = (code: string) => (code === 'zh-CN' ? 0 : code === 'en' ? 1 : 2);
  return Object.keys(resources)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((code) => {
      const name = resources[code]?.common?.languageName;
      return { code, label: typeof name === 'string' ? name : code };
    });
}

/** The language to start in: the one chosen before if it is still there, else the browser's (zh-TW → zh-CN, fr-FR → fr), else English. */
export function pickUiLanguage(saved: string | null, browser: string, available: string[]): string {
  if (saved && available.includes(saved)) return saved;
  const wanted = browser.toLowerCase();
  const exact = available.find((code) => code.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0] ?? '';
  return available.find((code) => code.toLowerCase().split('-')[0] === primary) ?? 'en';
}
