import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';

/**
 * The languages documents can be printed in: the server's catalogs (documents.languages), so a
 * language added as a file on the server appears here with no change to the page. Until the list
 * arrives, English and the language already chosen.
 */
export function useDocumentLanguages(current?: string): string[] {
  const { data } = useApiQuery('documents.languages', {}, { staleTime: Infinity });
  const list = data?.languages ?? ['en'];
  return current && !list.includes(current) ? [...list, current] : list;
}

/** A language's name in the UI language ("German", "德语") for a code the translations do not name. */
export function languageDisplayName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a language picker: each language under the UI's own label (`<prefix>.<code>` in `ns`), else its name from Intl. */
export function useLanguageOptions(ns: 'documents' | 'buyers', prefix: 'langs' | 'languages', current?: string): Array<{ value: string; label: string }> {
  const { t, i18n } = useTranslation(ns);
  return useDocumentLanguages(current).map((code) => ({ value: code, label: t(`${prefix}.${code}`, { defaultValue: languageDisplayName(code, i18n.language) }) }));
}
