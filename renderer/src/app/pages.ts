/**
 * The pages' chunks, by route: App.tsx loads them lazily, and boot.ts starts
 * loading the one the window opens on (with its first reads) before the rest
 * of the app has even been evaluated, so the page's code, the shell and the
 * data arrive together instead of one after the other.
 */
export const PAGE_LOADERS = {
  dashboard: () => import('../pages/dashboard/DashboardPage'),
  products: () => import('../pages/products/ProductsPage'),
  stock: () => import('../pages/stock/StockPage'),
  buyers: () => import('../pages/buyers/BuyersPage'),
  quotes: () => import('../pages/quotes/QuotesPage'),
  invoices: () => import('../pages/invoices/InvoicesPage'),
  settings: () => import('../pages/settings/SettingsPage'),
};

export type PageName = keyof typeof PAGE_LOADERS;

/** The page a route shows (the hash router's path). */
export function pageOf(route: string): PageName {
  const top = route.split(/[/?]/)[1] ?? '';
  return (top in PAGE_LOADERS ? top : 'dashboard') as PageName;
}

/**
 * What a page reads as soon as it opens with no filters (its first query
 * keys); a read that the page then asks for differently only costs a request.
 * The products list asks for pages of 100 (usePagedSearch.ts PAGE_SIZE).
 */
export const FIRST_READS: Partial<Record<PageName, Array<[string, Record<string, unknown>]>>> = {
  products: [
    ['products.search', { limit: 100, offset: 0 }],
    ['products.categories', {}],
    ['products.importColumns', {}],
  ],
};
