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
import { NAV_PAGES } from './navPages';

const ICONS: Record<string, ReactNode> = {
  '/': <DashboardOutlined />,
  '/products': <AppstoreOutlined />,
  '/stock': <InboxOutlined />,
  '/buyers': <TeamOutlined />,
  '/quotes': <FileTextOutlined />,
  '/invoices': <AccountBookOutlined />,
  '/receivables': <DollarOutlined />,
  '/purchases': <ShoppingCartOutlined />,
  '/suppliers': <ShopOutlined />,
  '/settings': <SettingOutlined />,
};

/** The pages of the app, in the order of the navigation (navPages.ts), with their icons. */
export const NAV_ITEMS: Array<{ path: string; labelKey: string; icon: ReactNode; ownerOnly?: true }> = NAV_PAGES.map((page) => ({ ...page, icon: ICONS[page.path] }));
