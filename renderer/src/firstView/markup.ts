/**
 * The products page at its cold start as plain HTML: the shell (sidebar, header) and the list's first
 * rows, with the class names and inline styles antd and the page's React components give the same
 * elements (App.tsx, OwnerLock.tsx, ProductsPage.tsx, VirtualTable.tsx), so it looks the same.
 * Pure functions of the data; every text is escaped.
 */
import type { ApiOutput } from '../api/client';
import { namesFor } from '../pages/products/format';
import { NAV_PAGES } from '../app/navPages';
import { NAV_ICONS, iconHtml } from './icons';
import { groupedCount } from './count';
import { FIRST_VIEW_THEME_CLASS } from './themeCss';

export type FirstViewHit = ApiOutput<'products.search'>['items'][number];
export type AuthStatus = ApiOutput<'auth.status'>;

export interface FirstViewData {
  language: 'zh-CN' | 'en';
  /** The UI's words in that language (i18n catalogs): `t('products:title')`. */
  t: (key: string, params?: Record<string, string | number>) => string;
  auth: AuthStatus;
  /** products.importColumns' owner: the Import button shows. */
  canImport: boolean;
  total: number;
  hits: FirstViewHit[];
  /** The list body's height (ProductsPage: the window's height − 262, at least 280). */
  listHeight: number;
}

export const ROW_HEIGHT = 57;
const THEME = FIRST_VIEW_THEME_CLASS;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sider(data: FirstViewData): string {
  const owner = data.auth.role === 'owner';
  const items = NAV_PAGES.filter((p) => owner || !p.ownerOnly)
    .map((p) => {
      const selected = p.path === '/products' ? ' ant-menu-item-selected' : '';
      const icon = iconHtml(NAV_ICONS[p.path] ?? 'appstore', 'ant-menu-item-icon');
      return `<li class="ant-menu-item${selected}" role="menuitem" tabindex="-1" style="padding-left: 24px;">${icon}<span class="ant-menu-title-content">${escapeHtml(data.t(p.labelKey))}</span></li>`;
    })
    .join('');
  return (
    `<aside class="ant-layout-sider ant-layout-sider-dark ant-layout-sider-has-trigger ${THEME}" style="flex: 0 0 200px; max-width: 200px; min-width: 200px; width: 200px;">` +
    `<div class="ant-layout-sider-children"><div class="sk-brand"><img alt="" src="./favicon.svg"><span>${escapeHtml(data.t('app.name'))}</span></div>` +
    `<ul class="ant-menu ant-menu-root ant-menu-inline ant-menu-dark ${THEME} ant-menu-css-var" role="menu" tabindex="0">${items}</ul></div>` +
    `<div class="ant-layout-sider-trigger" style="width: 200px;">${iconHtml('left')}</div></aside>`
  );
}

function button(label: string, icon: Parameters<typeof iconHtml>[0], kind: 'primary' | 'default', style = ''): string {
  const variant = kind === 'primary' ? 'ant-btn-primary ant-btn-color-primary ant-btn-variant-solid' : 'ant-btn-default ant-btn-color-default ant-btn-variant-outlined';
  return `<button type="button" class="ant-btn ${THEME} ${variant}"${style ? ` style="${style}"` : ''}><span class="ant-btn-icon">${iconHtml(icon)}</span><span>${escapeHtml(label)}</span></button>`;
}

function space(items: string[], align: 'center' | 'baseline', style = ''): string {
  return (
    `<div class="ant-space ant-space-horizontal ant-space-align-${align} ant-space-gap-row-small ant-space-gap-col-small ${THEME}"${style ? ` style="${style}"` : ''}>` +
    items.map((i) => `<div class="ant-space-item">${i}</div>`).join('') +
    `</div>`
  );
}

function select(width: number, value: string | null, placeholder: string): string {
  const content = value === null ? `<div class="ant-select-content"><div class="ant-select-placeholder">${escapeHtml(placeholder)}</div></div>` : `<div class="ant-select-content ant-select-content-has-value" title="${escapeHtml(value)}">${escapeHtml(value)}</div>`;
  return `<div class="ant-select ant-select-outlined ${THEME} ant-select-css-var ant-select-single ant-select-show-arrow" style="width: ${width}px;">${content}<div class="ant-select-suffix">${iconHtml('down')}</div></div>`;
}

/** The header's lock as OwnerLock draws it for this seat. */
function ownerLock(data: FirstViewData): string {
  const s = data.auth;
  if (!s.ownerPinSet && s.seat === 'pc') return button(data.t('security:lock.setPin'), 'warning', 'default', 'color: rgb(173, 78, 0); border-color: rgb(255, 213, 145);');
  if (s.role === 'owner') return button(data.t('security:lock.owner'), 'unlock', 'default');
  return button(data.t('security:lock.staff'), 'lock', 'default').replace('<button type="button"', s.canUnlock ? '<button type="button"' : '<button type="button" disabled=""');
}

function header(data: FirstViewData): string {
  // Each UI language names itself (common.json), as the header's language switch shows it.
  const language = data.t('languageName');
  return (
    `<header class="ant-layout-header ${THEME}" style="background: rgb(255, 255, 255); padding: 0px 20px; display: flex; align-items: center; justify-content: flex-end; height: 56px;">` +
    space([ownerLock(data), `<span>${escapeHtml(data.t('app.language'))}</span>`, select(120, language, '')], 'center') +
    `</header>`
  );
}

function toolbar(data: FirstViewData): string {
  const title = space([`<h1 class="sk-page-title" style="margin: 0px;">${escapeHtml(data.t('products:title'))}</h1>`, `<span style="color: rgb(89, 89, 89);">${escapeHtml(data.t('products:count', { count: data.total, n: groupedCount(data.total) }))}</span>`], 'baseline');
  const actions = space(
    [button(data.t('products:new'), 'plus', 'primary'), ...(data.canImport ? [button(data.t('products:import.button'), 'upload', 'default')] : []), button(data.t('products:export'), 'download', 'default'), button(data.t('products:tags.button'), 'printer', 'default')],
    'center',
    'flex-wrap: wrap;',
  );
  const search =
    `<span class="ant-input-affix-wrapper ant-input-affix-wrapper-focused ant-input-outlined ${THEME} ant-input-css-var" style="width: 360px;">` +
    `<span class="ant-input-prefix">${iconHtml('search')}</span><input placeholder="${escapeHtml(data.t('products:searchPlaceholder'))}" class="ant-input" type="text" tabindex="-1" readonly="">` +
    `<span class="ant-input-suffix"><button type="button" class="ant-input-clear-icon ant-input-clear-icon-hidden">${iconHtml('closeCircle')}</button></span></span>`;
  const inStock =
    `<div class="ant-space ant-space-horizontal ant-space-align-center ${THEME}" style="gap: 6px;"><div class="ant-space-item">` +
    `<button type="button" role="switch" aria-checked="false" class="ant-switch ant-switch-small ${THEME}"><div class="ant-switch-handle"></div><span class="ant-switch-inner"><span class="ant-switch-inner-checked"></span><span class="ant-switch-inner-unchecked"></span></span></button>` +
    `</div><div class="ant-space-item"><span>${escapeHtml(data.t('products:inStockOnly'))}</span></div></div>`;
  const segment = (label: string, icon: Parameters<typeof iconHtml>[0], on: boolean) =>
    `<label class="ant-segmented-item${on ? ' ant-segmented-item-selected ant-segmented-item-selected-text' : ''}"><input class="ant-segmented-item-input" type="radio"${on ? ' checked=""' : ''} tabindex="-1"><div class="ant-segmented-item-label"><span class="ant-segmented-item-icon">${iconHtml(icon)}</span><span>${escapeHtml(label)}</span></div></label>`;
  const view = `<div class="ant-segmented ${THEME}"><div class="ant-segmented-group">${segment(data.t('products:viewList'), 'unorderedList', true)}${segment(data.t('products:viewPhotos'), 'appstore', false)}</div></div>`;
  return (
    space([title, actions], 'center', 'flex-wrap: wrap; margin-bottom: 10px; justify-content: space-between; width: 100%;') +
    space([search, select(200, null, data.t('products:allCategories')), select(120, data.t('products:status.active'), ''), inStock, view], 'center', 'flex-wrap: wrap; margin-bottom: 10px; width: 100%;')
  );
}

interface Column {
  title: string;
  width?: number;
  align?: 'right';
  className?: string;
  cell: (p: FirstViewHit) => string;
}

function columns(data: FirstViewData): Column[] {
  return [
    { title: '', width: 40, className: 'sk-select-cell', cell: () => `<label class="ant-checkbox-wrapper ${THEME} ant-checkbox-css-var"><span class="ant-checkbox"><input class="ant-checkbox-input" type="checkbox" tabindex="-1"></span></label>` },
    {
      title: data.t('products:photo'),
      width: 60,
      cell: (p) =>
        p.cover
          ? `<img src="${escapeHtml(p.cover.thumbUrl)}" alt="${escapeHtml(p.itemNo)}" loading="lazy" width="40" height="40" style="object-fit: cover; border-radius: 4px; display: block;">`
          : `<div style="width: 40px; height: 40px; border-radius: 4px; background: rgb(245, 245, 245); display: flex; align-items: center; justify-content: center;">${iconHtml('picture', '', 'color: rgb(204, 204, 204);')}</div>`,
    },
    { title: data.t('products:itemNo'), width: 110, cell: (p) => `<b class="sk-ellipsis" style="display: block;">${escapeHtml(p.itemNo)}</b>` },
    {
      title: data.t('products:name'),
      cell: (p) => {
        const { main, other } = namesFor(p.names, data.language);
        const archived = p.archived ? `<span class="ant-tag ant-tag-filled ${THEME}" style="margin-inline-start: 6px;">${escapeHtml(data.t('products:archived'))}</span>` : '';
        const arabic = p.names.ar ? `${other ? ' · ' : ''}<bdi dir="rtl">${escapeHtml(p.names.ar)}</bdi>` : '';
        return `<div style="line-height: 1.35;"><div class="sk-ellipsis">${escapeHtml(main)}${archived}</div><div class="sk-ellipsis" style="color: rgb(89, 89, 89); font-size: 12px;">${escapeHtml(other)}${arabic}</div></div>`;
      },
    },
    { title: data.t('products:category'), width: 130, cell: (p) => (p.category ? `<span class="ant-tag ant-tag-filled ${THEME}" style="max-width: 118px; overflow: hidden; text-overflow: ellipsis;">${escapeHtml(p.category)}</span>` : '') },
    { title: data.t('products:moq'), width: 96, align: 'right', cell: (p) => escapeHtml(`${p.moq} ${p.unit}`) },
    { title: data.t('products:price'), width: 96, align: 'right', cell: (p) => escapeHtml(p.priceTiers[0] ? `¥${p.priceTiers[0].priceCny}` : '—') },
    { title: data.t('products:pcsPerCarton'), width: 76, align: 'right', cell: (p) => escapeHtml(String(p.packing.pcsPerCarton ?? '—')) },
    { title: data.t('products:cbm'), width: 80, align: 'right', cell: (p) => escapeHtml(String(p.packing.cbmPerCarton ?? '—')) },
    {
      title: data.t('products:available'),
      width: 96,
      align: 'right',
      cell: (p) => `<span${p.lowStockAt !== null && p.stock.available <= p.lowStockAt ? ' style="color: rgb(192, 57, 43); font-weight: 600;"' : ''}>${p.stock.available}</span>`,
    },
  ];
}

function cellStyle(c: Column): string {
  return `flex: ${c.width ? `0 0 ${c.width}px` : '1 1 0px'}; min-width: ${c.width ?? 160}px; padding: 0px 8px; text-align: ${c.align ?? 'left'}; overflow: hidden;`;
}

/** How many rows the list draws at first (VirtualTable: the rows in view and three more). */
export function rowsInView(listHeight: number, total: number): number {
  return Math.min(total, Math.ceil(listHeight / ROW_HEIGHT) + 4);
}

function list(data: FirstViewData): string {
  const cols = columns(data);
  const head = cols.map((c) => `<div role="columnheader" style="${cellStyle(c)}">${escapeHtml(c.title)}</div>`).join('');
  const rows = data.hits
    .slice(0, rowsInView(data.listHeight, data.total))
    .map(
      (p, i) =>
        `<div role="row" class="sk-vrow" data-index="${i}" data-testid="product-row-${escapeHtml(p.itemNo)}" data-product-id="${p.id}" style="position: absolute; top: ${i * ROW_HEIGHT}px; left: 0px; right: 0px; height: ${ROW_HEIGHT}px; display: flex; align-items: center;">` +
        cols.map((c) => `<div role="cell"${c.className ? ` class="${c.className}"` : ''} style="${cellStyle(c)}">${c.cell(p)}</div>`).join('') +
        `</div>`,
    )
    .join('');
  return (
    `<div role="table" class="sk-vtable"><div role="row" class="sk-vhead" style="display: flex; align-items: center; height: 40px;">${head}</div>` +
    `<div class="sk-vbody" style="height: ${data.listHeight}px; overflow: hidden auto; position: relative;"><div style="height: ${data.total * ROW_HEIGHT}px; position: relative;">${rows}</div></div></div>`
  );
}

/** The whole first view: the app's layout with the products page in it. */
export function firstViewHtml(data: FirstViewData): string {
  return (
    `<div class="ant-app ${THEME}"><div class="ant-layout ant-layout-has-sider sk-shell sk-shell-desktop ${THEME}" style="min-height: 100vh;">` +
    sider(data) +
    `<div class="ant-layout ${THEME}">${header(data)}` +
    `<main class="ant-layout-content sk-content ${THEME}" style="margin: 16px; padding: 20px; background: rgb(255, 255, 255); border-radius: 8px; overflow: auto;">${toolbar(data)}${list(data)}</main>` +
    `</div></div></div>`
  );
}
