/**
 * Runs before the app's main module (see index.html): starts loading the
 * page the window opens on and its first reads, in parallel with the rest of
 * the app. Nothing here may import React or antd.
 */
import { antdStylesLoaded } from './app/antdStyles';
import { prime, setApiLocale } from './api/client';
import { FIRST_READS, PAGE_LOADERS, pageOf } from './app/pages';
import { pickUiLanguage, uiCodesOf } from './i18n/languages';
import { firstViewSettled, startFirstView } from './firstView/firstView';

// On the wire alongside the first reads (app/antdStyles.ts).
void antdStylesLoaded();
const route = location.hash.replace(/^#/, '') || '/';
const page = pageOf(route);
const saved = localStorage.getItem('stallkeeper.language');
// The file names only (a lazy glob loads nothing): the languages are the locale folders.
const language = pickUiLanguage(saved, navigator.language, uiCodesOf(Object.keys(import.meta.glob('./i18n/locales/*/common.json'))));
setApiLocale(language);
// Who is signed in first: every screen needs it, it answers at once, and the server answers the reads
// in the order they come (the products page's categories take tens of milliseconds over 100,000 products).
prime('auth.status', {});
if (!route.includes('?') && route.split('/').length <= 2) {
  for (const [method, input] of FIRST_READS[page] ?? []) prime(method, input);
}
// The products list drawn from those reads before React is here (src/firstView/); the page's code after it.
startFirstView(route, language);
void firstViewSettled().then(async () => { await PAGE_LOADERS[page](); }).catch(() => undefined);
