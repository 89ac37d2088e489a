import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A folder of document catalogs: the shipped ones and German (tests/fixtures/documents/de.json),
 * named by STALLKEEPER_DOC_LOCALES. Call it before the documents area loads (import the app's
 * modules after it); `remove` deletes the folder and unsets the variable.
 */
export function useGermanCatalog(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-doc-locales-'));
  const shipped = path.join(__dirname, '../../main/documents/locales');
  for (const file of fs.readdirSync(shipped)) fs.copyFileSync(path.join(shipped, file), path.join(dir, file));
  fs.copyFileSync(path.join(__dirname, '../fixtures/documents/de.json'), path.join(dir, 'de.json'));
  process.env.STALLKEEPER_DOC_LOCALES = dir;
  return {
    dir,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      delete process.env.STALLKEEPER_DOC_LOCALES;
    },
  };
}
