/**
 * The icons the first view draws, as the SVG markup antd's React icons render (the same icon
 * definitions, from @ant-design/icons-svg, without React).
 */
import type { IconDefinition } from '@ant-design/icons-svg/es/types';
import { renderIconDefinitionToSVGElement } from '@ant-design/icons-svg/es/helpers';
import AccountBookOutlined from '@ant-design/icons-svg/es/asn/AccountBookOutlined';
import AppstoreOutlined from '@ant-design/icons-svg/es/asn/AppstoreOutlined';
import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import DashboardOutlined from '@ant-design/icons-svg/es/asn/DashboardOutlined';
import DollarOutlined from '@ant-design/icons-svg/es/asn/DollarOutlined';
import DownloadOutlined from '@ant-design/icons-svg/es/asn/DownloadOutlined';
import DownOutlined from '@ant-design/icons-svg/es/asn/DownOutlined';
import FileTextOutlined from '@ant-design/icons-svg/es/asn/FileTextOutlined';
import InboxOutlined from '@ant-design/icons-svg/es/asn/InboxOutlined';
import LeftOutlined from '@ant-design/icons-svg/es/asn/LeftOutlined';
import LockOutlined from '@ant-design/icons-svg/es/asn/LockOutlined';
import PictureOutlined from '@ant-design/icons-svg/es/asn/PictureOutlined';
import PlusOutlined from '@ant-design/icons-svg/es/asn/PlusOutlined';
import PrinterOutlined from '@ant-design/icons-svg/es/asn/PrinterOutlined';
import SearchOutlined from '@ant-design/icons-svg/es/asn/SearchOutlined';
import SettingOutlined from '@ant-design/icons-svg/es/asn/SettingOutlined';
import ShopOutlined from '@ant-design/icons-svg/es/asn/ShopOutlined';
import ShoppingCartOutlined from '@ant-design/icons-svg/es/asn/ShoppingCartOutlined';
import TeamOutlined from '@ant-design/icons-svg/es/asn/TeamOutlined';
import UnlockOutlined from '@ant-design/icons-svg/es/asn/UnlockOutlined';
import UnorderedListOutlined from '@ant-design/icons-svg/es/asn/UnorderedListOutlined';
import UploadOutlined from '@ant-design/icons-svg/es/asn/UploadOutlined';
import WarningOutlined from '@ant-design/icons-svg/es/asn/WarningOutlined';

export const ICONS = {
  accountBook: AccountBookOutlined,
  appstore: AppstoreOutlined,
  closeCircle: CloseCircleFilled,
  dashboard: DashboardOutlined,
  dollar: DollarOutlined,
  download: DownloadOutlined,
  down: DownOutlined,
  fileText: FileTextOutlined,
  inbox: InboxOutlined,
  left: LeftOutlined,
  lock: LockOutlined,
  picture: PictureOutlined,
  plus: PlusOutlined,
  printer: PrinterOutlined,
  search: SearchOutlined,
  setting: SettingOutlined,
  shop: ShopOutlined,
  shoppingCart: ShoppingCartOutlined,
  team: TeamOutlined,
  unlock: UnlockOutlined,
  unorderedList: UnorderedListOutlined,
  upload: UploadOutlined,
  warning: WarningOutlined,
} satisfies Record<string, IconDefinition>;

export type IconName = keyof typeof ICONS;

/** The navigation's icon of each page (app/nav.tsx draws the same ones with React). */
export const NAV_ICONS: Record<string, IconName> = {
  '/': 'dashboard',
  '/products': 'appstore',
  '/stock': 'inbox',
  '/buyers': 'team',
  '/quotes': 'fileText',
  '/invoices': 'accountBook',
  '/receivables': 'dollar',
  '/purchases': 'shoppingCart',
  '/suppliers': 'shop',
  '/settings': 'setting',
};

/** `<span class="anticon anticon-…">` with its SVG, as antd's icon component renders it. */
export function iconHtml(name: IconName, extraClass = '', style = ''): string {
  const def = ICONS[name];
  const svg = renderIconDefinitionToSVGElement(def, {
    extraSVGAttrs: { focusable: 'false', 'data-icon': def.name, width: '1em', height: '1em', fill: 'currentColor', 'aria-hidden': 'true' },
  });
  return `<span role="img" aria-label="${def.name}" class="anticon anticon-${def.name}${extraClass ? ` ${extraClass}` : ''}"${style ? ` style="${style}"` : ''}>${svg}</span>`;
}
