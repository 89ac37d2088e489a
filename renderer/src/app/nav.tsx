import {
  DashboardOutlined,
  AppstoreOutlined,
  TeamOutlined,
  FileTextOutlined,
  AccountBookOutlined,
  SettingOutlined,
  InboxOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  DollarOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The pages of the app, in the order of the navigation. */
/** ownerOnly: pages of cost prices (purchase orders): staff (a paired device, a locked owner) do not see them. */
export const NAV_ITEMS: Array<{ path: string; labelKey: string; icon: ReactNode; ownerOnly?: true }> = [
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/products', labelKey: 'nav.products', icon: <AppstoreOutlined /> },
  { path: '/stock', labelKey: 'stock:nav', icon: <InboxOutlined /> },
  { path: '/buyers', labelKey: 'nav.buyers', icon: <TeamOutlined /> },
  { path: '/quotes', labelKey: 'nav.quotes', icon: <FileTextOutlined /> },
  { path: '/invoices', labelKey: 'nav.invoices', icon: <AccountBookOutlined /> },
  { path: '/receivables', labelKey: 'nav.receivables', icon: <DollarOutlined /> },
  { path: '/purchases', labelKey: 'nav.purchases', icon: <ShoppingCartOutlined />, ownerOnly: true },
  { path: '/suppliers', labelKey: 'nav.suppliers', icon: <ShopOutlined /> },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined /> },
];
