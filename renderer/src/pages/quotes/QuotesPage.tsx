import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

export function QuotesPage() {
  const { t } = useTranslation('quotes');
  return (
    <div data-testid="quotes-page">
      <h2 className="sk-page-title">{t('title')}</h2>
      <Empty description={t('empty')} />
    </div>
  );
}
