/**
 * The pages of the app, in the order of the navigation, without their icons (nav.tsx adds antd's
 * React icons; the first view, src/firstView/, draws the same icons as plain SVG).
 * ownerOnly: pages of cost prices (purchase orders): staff (a paired device, a locked owner) do not see them.
 */
export const NAV_PAGES: ReadonlyArray<{ path: string; labelKey: string; ownerOnly?: true }> = [
  { path: '/', labelKey: 'nav.dashboard' },
  { path: '/products', labelKey: 'nav.products' },
  { path: '/stock', labelKey: 'stock:nav' },
  { path: '/buyers', labelKey: 'nav.buyers' },
  { path: '/quotes', labelKey: 'nav.quotes' },
  { path: '/invoices', labelKey: 'nav.invoices' },
  { path: '/receivables', labelKey: 'nav.receivables' },
  { path: '/purchases', labelKey: 'nav.purchases', ownerOnly: true },
  { path: '/suppliers', labelKey: 'nav.suppliers' },
  { path: '/settings', labelKey: 'nav.settings' },
];
