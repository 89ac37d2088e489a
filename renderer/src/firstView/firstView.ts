/**
 * The products page's first view: at a cold start on the products list, the page's first rows are
 * drawn as plain HTML (markup.ts) from the reads boot.ts has already started, while React, antd and
 * the app are still loading; the real page takes over the moment it has drawn its own rows
 * (ProductsPage calls dismissFirstView). What the person does meanwhile is kept: keys typed go to
 * the search box, a click on a row opens that product once the page is there (takeFirstViewIntent).
 * Only on the PC layout (1200 px and over, no touch screen) with the list view; anything else starts
 * as before.
 */
import { peekPrimed } from '../api/client';
import { antdStylesLoaded } from '../app/antdStyles';
import { isFirstViewLanguage, translator } from './catalog';
import { firstViewHtml } from './markup';
import '../pages/products/products.css';
import './theme.css';

/** The first page the products list asks for (usePagedSearch: pages of 100), as boot.ts primes it. */
export const FIRST_PAGE = { limit: 100, offset: 0 } as const;
const VIEW_KEY = 'stallkeeper.products.view';
/** Past this the first view gives way even if the page never arrived (so an error screen can show). */
const GIVE_UP_MS = 20_000;

export interface FirstViewIntent {
  /** Text typed while the first view was on screen. */
  text: string;
  /** The product whose row was clicked. */
  open: number | null;
}

let element: HTMLElement | null = null;
let settle: () => void = () => undefined;
const settled = new Promise<void>((resolve) => {
  settle = resolve;
});

/**
 * Resolves once the first view is on screen, or at once when there is none: main.tsx and boot.ts start
 * evaluating React, antd and the page after it, so their long tasks do not hold back its paint.
 */
export function firstViewSettled(): Promise<void> {
  return settled;
}
let over = false;
const intent: FirstViewIntent = { text: '', open: null };

/** Whether this screen gets the first view (the products page's PC layout, list view). */
export function wantsFirstView(route: string): boolean {
  return (
    route === '/products' &&
    window.matchMedia('(min-width: 1200px)').matches &&
    !window.matchMedia('(pointer: coarse)').matches &&
    localStorage.getItem(VIEW_KEY) !== 'grid'
  );
}

function onKey(event: KeyboardEvent): void {
  // Once the page has focused its own search box, keys are its own.
  if (event.ctrlKey || event.metaKey || event.altKey || (document.activeElement && document.activeElement !== document.body)) return;
  if (event.key.length === 1) intent.text += event.key;
  else if (event.key === 'Backspace') intent.text = intent.text.slice(0, -1);
  else return;
  event.preventDefault();
  const input = element?.querySelector<HTMLInputElement>('input.ant-input');
  if (input) input.value = intent.text;
  element?.querySelector('.ant-input-clear-icon')?.classList.toggle('ant-input-clear-icon-hidden', intent.text === '');
}

function onClick(event: MouseEvent): void {
  const row = (event.target as HTMLElement).closest<HTMLElement>('[data-product-id]');
  if (!row || (event.target as HTMLElement).closest('.sk-select-cell')) return;
  intent.open = Number(row.dataset.productId);
  row.style.background = '#fafafa';
}

/**
 * Draws the first view once the primed reads have answered, unless the page got there first or the
 * screen does not get one. Called by boot.ts with the route the window opens on.
 */
export function startFirstView(route: string, language: string): void {
  if (!wantsFirstView(route) || !isFirstViewLanguage(language)) return settle();
  // The two reads it draws from; whether the Import button shows is the caller's role (auth.status),
  // as products.importColumns' `owner` says it to the page.
  const reads = [peekPrimed('products.search', FIRST_PAGE), peekPrimed('auth.status', {})] as const;
  if (!reads[0] || !reads[1]) return settle();
  // Drawn with antd's classes: not before its stylesheet is in.
  void Promise.all([...reads, antdStylesLoaded()]).then(([search, auth]) => {
    if (over || !search || !auth || search.items.length === 0) return settle();
    const view = document.createElement('div');
    view.id = 'sk-first-view';
    // A picture of the page until the page itself is there: not for assistive technology, which gets the real one.
    view.setAttribute('aria-hidden', 'true');
    view.dataset.testid = 'first-view';
    view.style.cssText = 'position: fixed; inset: 0; z-index: 900; overflow: hidden; background: #f5f5f5;';
    view.innerHTML = firstViewHtml({
      language,
      t: translator(language),
      auth,
      canImport: auth.role === 'owner',
      total: search.total,
      hits: search.items,
      listHeight: Math.max(280, window.innerHeight - 262),
    });
    document.body.appendChild(view);
    element = view;
    document.addEventListener('keydown', onKey, true);
    view.addEventListener('click', onClick);
    window.setTimeout(dismissFirstView, GIVE_UP_MS);
    // Painted at the next frame; the app's modules evaluate after it.
    requestAnimationFrame(() => window.setTimeout(settle, 0));
  });
}

/** The real page is on screen: the first view goes (in the same frame), and stays gone. */
export function dismissFirstView(): void {
  over = true;
  document.removeEventListener('keydown', onKey, true);
  element?.remove();
  element = null;
  intent.text = '';
  intent.open = null;
}

/** What was typed and clicked on the first view (the products page starts from it as it takes over). */
export function firstViewIntent(): Readonly<FirstViewIntent> {
  return { ...intent };
}


