/**
 * antd's stylesheet (about 1 MB), loaded without holding back the app's first script: a stylesheet
 * written in index.html blocks every script after it until it has arrived and been parsed, and
 * here the first script starts the page's first reads (boot.ts). Added by that script instead, it
 * loads while those reads are on the wire; whatever draws antd's classes waits for antdStylesLoaded().
 * It goes before the app's own stylesheets, so they still override antd as they did when antd's
 * rules were the first part of the app's stylesheet.
 */
import antdCssUrl from 'antd/dist/antd.css?url';

let loaded: Promise<void> | null = null;

/** Adds antd's stylesheet (the first call; boot.ts makes it) and resolves once it is in, or has failed to load. */
export function antdStylesLoaded(): Promise<void> {
  loaded ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = antdCssUrl;
    // A failed load is no reason to show nothing: the page still draws, unstyled.
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"], style'));
  });
  return loaded;
}
