import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { TradeByRegion } from './TradeByRegion';

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const overview = useApiQuery('reports.overview', {});
  const settings = useApiQuery('settings.get', {});

  if (overview.error) return <Alert type="error" showIcon message={overview.error.message} />;
  if (!overview.data) return <Skeleton active />;
  const o = overview.data;
  const seller = settings.data?.seller;

  return (
    <div data-testid="dashboard-page">
      <h1 className="sk-page-title">{seller?.companyNameZh || seller?.companyNameEn || t('title')}</h1>
      {seller && (seller.stallNumber || seller.marketAddress) && (
        <p style={{ marginTop: -8, color: '#595959' }}>
          {[seller.stallNumber, seller.marketAddress].filter(Boolean).join(' · ')}
        </p>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={8} xl={4}>
          <Card size="small">
            <Statistic title={t('products')} value={o.products} />
          </Card>
        </Col>
        <Col xs={12} lg={8} xl={4}>
          <Card size="small">
            <Statistic title={t('buyers')} value={o.buyers} />
          </Card>
        </Col>
        <Col xs={12} lg={8} xl={4}>
          <Card size="small">
            <Statistic title={t('countries')} value={o.countries} />
          </Card>
        </Col>
        <Col xs={12} lg={8} xl={4}>
          <Card size="small">
            <Statistic title={t('visits30')} value={o.visitsLast30Days} />
          </Card>
        </Col>
        <Col xs={12} lg={8} xl={4}>
          <Card size="small">
            <Statistic title={t('lowStock')} value={o.lowStock} styles={o.lowStock > 0 ? { content: { color: '#c0392b' } } : {}} />
          </Card>
        </Col>
      </Row>
      <TradeByRegion />
    </div>
  );
}
