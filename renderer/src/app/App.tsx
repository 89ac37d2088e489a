import { App as AntApp, ConfigProvider, Layout, Menu, Select, Skeleton, Space, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { UI_LANGUAGES, rememberLanguage, type UiLanguage } from '../i18n';
import { NAV_ITEMS } from './nav';
import { BottomNav } from '../layout/BottomNav';
import { useScreen } from '../layout/screen';
import { TOUCH_TOKENS, contentStyle, headerStyle, shellClass } from '../layout/touch';
import '../layout/mobile.css';
import { OwnerLock } from './OwnerLock';
import { PairGate } from './PairGate';
import { AppCommands } from './commands';
import { PageBoundary } from './PageBoundary';
import { PAGE_LOADERS } from './pages';
import { dismissFirstView } from '../firstView/firstView';
import { CoreNotice, ProgressCenter } from './progress';
import { useApiQuery } from '../api/hooks';
import { APP_FONT_FAMILY } from './fonts';

// Each page is its own chunk, loaded when first opened: the shell starts with
// what every page shares (React, antd, i18n) and nothing else.
const DashboardPage = lazy(() => PAGE_LOADERS.dashboard().then((m) => ({ default: m.DashboardPage })));
const ProductsPage = lazy(() => PAGE_LOADERS.products().then((m) => ({ default: m.ProductsPage })));
const StockPage = lazy(() => PAGE_LOADERS.stock().then((m) => ({ default: m.StockPage })));
const BuyersPage = lazy(() => PAGE_LOADERS.buyers().then((m) => ({ default: m.BuyersPage })));
const QuotesPage = lazy(() => PAGE_LOADERS.quotes().then((m) => ({ default: m.QuotesPage })));
const InvoicesPage = lazy(() => PAGE_LOADERS.invoices().then((m) => ({ default: m.InvoicesPage })));
const SuppliersPage = lazy(() => PAGE_LOADERS.suppliers().then((m) => ({ default: m.SuppliersPage })));
const PurchasesPage = lazy(() => PAGE_LOADERS.purchases().then((m) => ({ default: m.PurchasesPage })));
const StatementsPage = lazy(() => PAGE_LOADERS.statements().then((m) => ({ default: m.StatementsPage })));
const ReceivablesPage = lazy(() => PAGE_LOADERS.receivables().then((m) => ({ default: m.ReceivablesPage })));
const SettingsPage = lazy(() => PAGE_LOADERS.settings().then((m) => ({ default: m.SettingsPage })));

const { Header, Sider, Content } = Layout;

export function App() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const owner = useApiQuery('auth.status', {}, { refetchInterval: 60_000 }).data?.role === 'owner';
  const navItems = NAV_ITEMS.filter((item) => owner || !item.ownerOnly);
  // Under 768 px the staff view: no sidebar, the navigation at the bottom (src/layout/).
  const screen = useScreen();
  const lang: UiLanguage = i18n.language;
  // antd and dayjs ship Chinese and English here; another UI language keeps their English.
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  // The window title in the UI language too (档口管家 in Chinese, as the sidebar says).
  useEffect(() => {
    document.title = t('app.name');
  }, [t, lang]);

  // The first view (src/firstView/) is the products list's: any other page takes over from it at once.
  useLayoutEffect(() => {
    if (!location.pathname.startsWith('/products')) dismissFirstView();
  }, [location.pathname]);

  const selected = navItems.filter((item) => (item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)))
    .map((item) => item.path);

  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={{ zeroRuntime: true, algorithm: theme.defaultAlgorithm, token: { fontFamily: APP_FONT_FAMILY, colorPrimary: '#c0392b', borderRadius: 6, colorLink: '#0958d9', colorTextPlaceholder: '#6b6b6b', colorTextDescription: '#595959', colorTextTertiary: '#595959', colorTextQuaternary: '#6b6b6b', colorError: '#cf1322', ...(screen.touch ? TOUCH_TOKENS : {}) } }} componentSize="middle">
      <AntApp>
        <AppCommands />
        <ProgressCenter />
        <CoreNotice />
        <Layout style={{ minHeight: '100vh' }} className={shellClass(screen)}>
          {!screen.phone && <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} breakpoint="lg">
            <div className="sk-brand">
              <img src="./favicon.svg" alt="" />
              {!collapsed && <span>{t('app.name')}</span>}
            </div>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={selected}
              onClick={({ key }) => navigate(key)}
              items={navItems.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
            />
          </Sider>}
          <Layout>
            <Header style={headerStyle(screen)} data-region="header">
              {screen.phone && (
                <div className="sk-brand sk-brand-phone">
                  <img src="./favicon.svg" alt="" />
                  <span>{t('app.name')}</span>
                </div>
              )}
              <Space>
                <OwnerLock compact={screen.phone} />
                {!screen.phone && <span>{t('app.language')}</span>}
                <Select
                  aria-label={t('app.language')}
                  data-testid="language-switch"
                  value={lang}
                  style={{ width: screen.phone ? 96 : 120 }}
                  onChange={(value: UiLanguage) => rememberLanguage(value)}
                  options={UI_LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
                />
              </Space>
            </Header>
            <Content style={contentStyle(screen)} className="sk-content" data-region="content">
              <PairGate>
                <Suspense fallback={<Skeleton active />}>
                <Routes>
                  <Route path="/" element={<PageBoundary page="dashboard"><DashboardPage /></PageBoundary>} />
                  <Route path="/products/*" element={<PageBoundary page="products"><ProductsPage /></PageBoundary>} />
                  <Route path="/stock" element={<PageBoundary page="stock"><StockPage /></PageBoundary>} />
                  <Route path="/buyers/*" element={<PageBoundary page="buyers"><BuyersPage /></PageBoundary>} />
                  <Route path="/quotes/*" element={<PageBoundary page="quotes"><QuotesPage /></PageBoundary>} />
                  <Route path="/invoices/*" element={<PageBoundary page="invoices"><InvoicesPage /></PageBoundary>} />
                  <Route path="/suppliers/*" element={<PageBoundary page="suppliers"><SuppliersPage /></PageBoundary>} />
                  <Route path="/purchases/*" element={<PageBoundary page="purchases"><PurchasesPage /></PageBoundary>} />
                  <Route path="/statements/*" element={<PageBoundary page="statements"><StatementsPage /></PageBoundary>} />
                  <Route path="/receivables" element={<PageBoundary page="receivables"><ReceivablesPage /></PageBoundary>} />
                  <Route path="/settings" element={<PageBoundary page="settings"><SettingsPage /></PageBoundary>} />
                </Routes>
                </Suspense>
              </PairGate>
            </Content>
          </Layout>
          {screen.phone && <BottomNav owner={owner} />}
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
