import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

export function InvoicesPage() {
  const { t } = useTranslation('invoices');
  return (
    <div data-testid="invoices-page">
      <h2 className="sk-page-title">{t('title')}</h2>
      <Empty description={t('empty')} />
    </div>
  );
}
