import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, m } from '../../main/errors/apiError';
import { pickLocale, readCatalogs, serverLanguages, useCatalogDir } from '../../main/errors/messages';
import { bearer, rawRequest, startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/tempCore';

/** A locales folder with the app's catalogs and a French one made from the English. */
const folders: Array<{ remove: () => void }> = [];
function localesWithFrench(): string {
  const folder = tempDir();
  folders.push(folder);
  const dir = folder.dir;
  for (const file of fs.readdirSync(path.resolve('main/errors/locales'))) fs.copyFileSync(path.resolve('main/errors/locales', file), path.join(dir, file));
  const french = { ...readCatalogs(dir).en, 'server.bodyMustBeJsonType': 'Le corps doit être du JSON (Content-Type: application/json)', 'errors.cancelled': 'Annulé : rien n’a été modifié' };
  fs.writeFileSync(path.join(dir, 'fr.json'), JSON.stringify(french));
  return dir;
}

describe('server languages are the catalogs present', () => {
  afterEach(() => {
    useCatalogDir(null);
    for (const folder of folders.splice(0)) folder.remove();
  });

  it('answers an API error in French over the HTTP door once fr.json is in the locales folder', async () => {
    useCatalogDir(localesWithFrench());
    expect(serverLanguages()).toContain('fr');
    const server = await startTestServer();
    try {
      const r = await rawRequest(server.port, { method: 'POST', path: '/api/products.list', headers: { 'Content-Type': 'text/plain', 'Accept-Language': 'fr-FR,fr;q=0.9', ...bearer(server) }, body: '{}' });
      expect(r.status).toBe(415);
      expect(JSON.parse(r.body)).toEqual({ error: { code: 'unsupported_media_type', message: 'Le corps doit être du JSON (Content-Type: application/json)' } });
    } finally {
      await server.stop();
    }
  });

  it('answers in English to a language that has no catalog, and in Chinese to zh-CN', async () => {
    const server = await startTestServer();
    try {
      const ask = (locale: string) => rawRequest(server.port, { method: 'POST', path: '/api/products.list', headers: { 'Content-Type': 'text/plain', 'X-Stallkeeper-Locale': locale, ...bearer(server) }, body: '{}' });
      expect(JSON.parse((await ask('fr')).body).error.message).toBe('The body must be JSON (Content-Type: application/json)');
      expect(JSON.parse((await ask('zh-CN')).body).error.message).toBe('请求体必须是 JSON（Content-Type: application/json）');
    } finally {
      await server.stop();
    }
  });

  it('translates an AppError into any catalog language, keeping { code, message, field }', () => {
    useCatalogDir(localesWithFrench());
    const error = new AppError('cancelled', m('errors.cancelled'));
    expect(error.toApiError('fr')).toEqual({ code: 'cancelled', message: 'Annulé : rien n’a été modifié' });
    expect(error.toApiError('zh')).toEqual({ code: 'cancelled', message: '已取消：没有任何更改' });
    expect(error.toApiError('de')).toEqual({ code: 'cancelled', message: 'Cancelled: nothing was changed' });
    expect(pickLocale('fr-CA')).toBe('fr');
  });
});
