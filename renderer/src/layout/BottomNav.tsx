import { AccountBookOutlined, AppstoreOutlined, DashboardOutlined, DollarOutlined, EllipsisOutlined, FileTextOutlined, InboxOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, TeamOutlined, WalletOutlined } from '@ant-design/icons';
import { Drawer } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PlainHttpNote } from './PlainHttpNote';

interface Item {
  path: string;
  label: string;
  icon: ReactNode;
}

/**
 * The phone's navigation, at the bottom where the thumb is: the four pages staff use while walking
 * the stall with a buyer, and More for the rest (dashboard, stock, exchange rates, receivables,
 * suppliers, purchase orders for the owner, settings).
 */
export function BottomNav({ owner }: { owner: boolean }) {
  const { t } = useTranslation('mobile');
  const { t: tApp } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [more, setMore] = useState(false);
  const main: Item[] = [
    { path: '/products', label: t('nav.products'), icon: <AppstoreOutlined /> },
    { path: '/quotes', label: t('nav.quotes'), icon: <FileTextOutlined /> },
    { path: '/buyers', label: t('nav.buyers'), icon: <TeamOutlined /> },
    { path: '/invoices', label: t('nav.invoices'), icon: <AccountBookOutlined /> },
  ];
  const rest: Item[] = [
    { path: '/', label: t('nav.dashboard'), icon: <DashboardOutlined /> },
    { path: '/stock', label: t('nav.stock'), icon: <InboxOutlined /> },
    { path: '/quotes/rates', label: t('nav.rates'), icon: <DollarOutlined /> },
    { path: '/receivables', label: tApp('nav.receivables'), icon: <WalletOutlined /> },
    { path: '/suppliers', label: tApp('nav.suppliers'), icon: <ShopOutlined /> },
    ...(owner ? [{ path: '/purchases', label: tApp('nav.purchases'), icon: <ShoppingCartOutlined /> }] : []),
    { path: '/settings', label: t('nav.settings'), icon: <SettingOutlined /> },
  ];
  const here = location.pathname;
  const isAt = (path: string) => (path === '/' ? here === '/' : here === path || here.startsWith(`${path}/`));
  const inRest = rest.some((r) => isAt(r.path));
  const go = (path: string) => {
    setMore(false);
    navigate(path);
  };
  return (
    <>
      <nav className="sk-bottom-nav" aria-label={t('nav.label')} data-testid="bottom-nav" data-region="bottom-nav">
        {main.map((item) => {
          const current = isAt(item.path) && !(item.path === '/quotes' && isAt('/quotes/rates'));
          return (
            <button key={item.path} type="button" className={current ? 'sk-bottom-nav-item sk-current' : 'sk-bottom-nav-item'} aria-current={current ? 'page' : undefined} onClick={() => go(item.path)} data-testid={`bottom-nav-${item.path.slice(1)}`}>
              <span className="sk-bottom-nav-icon" aria-hidden>
                {item.icon}
              </span>
              <span className="sk-bottom-nav-label">{item.label}</span>
            </button>
          );
        })}
        <button type="button" className={inRest ? 'sk-bottom-nav-item sk-current' : 'sk-bottom-nav-item'} aria-expanded={more} aria-haspopup="dialog" onClick={() => setMore(true)} data-testid="bottom-nav-more">
          <span className="sk-bottom-nav-icon" aria-hidden>
            <EllipsisOutlined />
          </span>
          <span className="sk-bottom-nav-label">{t('nav.more')}</span>
        </button>
      </nav>
      <Drawer open={more} placement="bottom" size="auto" title={t('nav.more')} onClose={() => setMore(false)} className="sk-more-drawer" data-testid="more-drawer">
        <ul className="sk-more-list">
          {rest.map((item) => (
            <li key={item.path}>
              <button type="button" className={isAt(item.path) ? 'sk-more-item sk-current' : 'sk-more-item'} aria-current={isAt(item.path) ? 'page' : undefined} onClick={() => go(item.path)} data-testid={`more-${item.path === '/' ? 'dashboard' : item.path.split('/').pop()}`}>
                {item.icon} <span>{item.label}</span>
              </button>
            </li>
          ))}
        </ul>
        <PlainHttpNote />
      </Drawer>
    </>
  );
}
