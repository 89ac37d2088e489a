import '../quotes/quotes.css';
import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { PurchaseList } from './PurchaseList';
import { PurchaseScreen } from './PurchaseScreen';

/** /purchases: the purchase orders; /purchases/:id: one order. The owner's only (cost prices): staff get a notice. */
export function PurchasesPage() {
  const { t } = useTranslation('purchases');
  const auth = useApiQuery('auth.status', {});
  if (!auth.data) return <Skeleton active />;
  if (auth.data.role !== 'owner') return <Alert type="info" showIcon title={t('ownerOnly')} data-testid="purchases-owner-only" />;
  return (
    <Routes>
      <Route index element={<PurchaseList />} />
      <Route path=":id" element={<PurchaseScreen />} />
    </Routes>
  );
}
