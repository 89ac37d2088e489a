import {
  DashboardOutlined,
  AppstoreOutlined,
  TeamOutlined,
  FileTextOutlined,
  AccountBookOutlined,
  SettingOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The pages of the app, in the order of the navigation. */
export const NAV_ITEMS: Array<{ path: string; labelKey: string; icon: ReactNode }> = [
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/products', labelKey: 'nav.products', icon: <AppstoreOutlined /> },
  { path: '/stock', labelKey: 'stock:nav', icon: <InboxOutlined /> },
  { path: '/buyers', labelKey: 'nav.buyers', icon: <TeamOutlined /> },
  { path: '/quotes', labelKey: 'nav.quotes', icon: <FileTextOutlined /> },
  { path: '/invoices', labelKey: 'nav.invoices', icon: <AccountBookOutlined /> },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined /> },
];
