import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, List, Row, Skeleton, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { TradeByRegion } from './TradeByRegion';
import { FollowUps, MarginCard } from './FollowUps';

/** One figure of the stall, in a card of the row at the top (red when it needs doing something). */
function Figure({ title, value, alarm = false }: { title: string; value: number; alarm?: boolean }) {
  return (
    <Col xs={12} lg={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value} styles={alarm ? { content: { color: '#c0392b' } } : {}} />
      </Card>
    </Col>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const overview = useApiQuery('reports.overview', {});
  const settings = useApiQuery('settings.get', {});
  const rates = useApiQuery('rates.list', {});
  const owner = useApiQuery('auth.status', {}).data?.role === 'owner';

  if (overview.error) return <Alert type="error" showIcon message={overview.error.message} />;
  if (!overview.data) return <Skeleton active />;
  const o = overview.data;
  const seller = settings.data?.seller;
  // A fresh stall: first steps instead of empty figures and a missing-rate warning.
  const steps = [
    { key: 'seller', done: Boolean(seller?.companyNameZh || seller?.companyNameEn), to: '/settings' },
    { key: 'rate', done: (rates.data ?? []).some((r) => r.currency !== 'CNY' && r.rate !== null), to: '/quotes/rates' },
    { key: 'products', done: o.products > 0, to: '/products' },
  ] as const;
  const fresh = steps.some((step) => !step.done);

  return (
    <div data-testid="dashboard-page">
      <h1 className="sk-page-title">{seller?.companyNameZh || seller?.companyNameEn || t('title')}</h1>
      {seller && (seller.stallNumber || seller.marketAddress) && (
        <p style={{ marginTop: -8, color: '#595959' }}>
          {[seller.stallNumber, seller.marketAddress].filter(Boolean).join(' · ')}
        </p>
      )}
      {o.backupFailed && (
        <Alert
          type="error"
          showIcon
          data-testid="backup-failed"
          style={{ marginBottom: 16 }}
          message={t('backupFailed', { at: dayjs(o.backupFailed.at).format('YYYY-MM-DD HH:mm'), message: o.backupFailed.message })}
          description={t('backupFailedHint')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Figure title={t('products')} value={o.products} />
        <Figure title={t('buyers')} value={o.buyers} />
        <Figure title={t('countries')} value={o.countries} />
        <Figure title={t('visits30')} value={o.visitsLast30Days} />
        <Figure title={t('lowStock')} value={o.lowStock} alarm={o.lowStock > 0} />
      </Row>
      {fresh && (
        <Card size="small" title={t('firstSteps.title')} style={{ marginTop: 16 }} data-testid="first-steps">
          <List
            dataSource={[...steps]}
            renderItem={(step) => (
              <List.Item data-testid={`first-step-${step.key}`} data-done={step.done}>
                <Link to={step.to}>
                  {step.done ? <CheckCircleFilled style={{ color: '#237804' }} aria-label={t('firstSteps.done')} /> : <RightOutlined aria-hidden />} {t(`firstSteps.${step.key}`)}
                </Link>
                {step.key === 'products' && !step.done && <span className="sk-muted"> {t('firstSteps.demo')}</span>}
              </List.Item>
            )}
          />
        </Card>
      )}
      {o.buyers > 0 && <FollowUps />}
      {o.buyers > 0 && owner && <MarginCard />}
      {o.products + o.buyers > 0 && <TradeByRegion />}
    </div>
  );
}
