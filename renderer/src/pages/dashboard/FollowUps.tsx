import { Badge, Card, Col, List, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { groupDigits, isZeroAmount, money } from '../quotes/format';
import { ResponsiveTable } from '../../layout/ResponsiveTable';

type Item = ApiOutput<'reports.followUps'>['depositsAwaited'][number];
type Figures = ApiOutput<'reports.margin'>['total'];
const GROUPS = ['depositsAwaited', 'purchasesDue', 'readyToDeliver', 'balancesOverdue'] as const;

function linkOf(item: Item): string {
  return item.record.kind === 'invoice' ? `/invoices/${item.record.id}` : `/purchases/${item.record.id}`;
}

/** What needs doing now: deposits awaited, purchase orders due or late (owner), goods ready to deliver, balances overdue; each a click to its record. */
export function FollowUps() {
  const { t } = useTranslation('dashboard');
  const query = useApiQuery('reports.followUps', { dueWithinDays: 3 });
  const f = query.data;
  if (!f) return null;
  const days = (item: Item) => {
    if (item.type === 'purchase_late') return t('followUps.lateDays', { n: item.days });
    if (item.type === 'purchase_due') return item.days < 0 ? t('followUps.dueIn', { n: -item.days }) : t('followUps.dueToday');
    if (item.type === 'balance_overdue') return t('followUps.overdueDays', { n: item.days });
    return t('followUps.sinceDays', { n: item.days });
  };
  return (
    <Card size="small" title={t('followUps.title')} style={{ marginTop: 16 }} data-testid="follow-ups" extra={<Link to="/receivables" data-testid="to-receivables">{t('followUps.receivables')}</Link>}>
      <Row gutter={[16, 8]}>
        {GROUPS.map((g) => (
          <Col xs={24} md={12} xl={6} key={g}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>
              {t(`followUps.${g}`)} <Badge count={f[g].length} showZero color={f[g].length ? '#c0392b' : '#bfbfbf'} />
            </div>
            <List<Item>
              size="small"
              dataSource={f[g].slice(0, 8)}
              locale={{ emptyText: t('followUps.none') }}
              data-testid={`follow-ups-${g}`}
              renderItem={(item) => (
                <List.Item style={{ paddingInline: 0, display: 'block' }}>
                  <Link to={linkOf(item)} data-testid={`follow-up-${item.type}-${item.record.id}`}>
                    {item.record.number}
                  </Link>
                  <div className="sk-muted" style={{ fontSize: 12 }}>
                    {item.party.name && <bdi>{item.party.name} · </bdi>}
                    {days(item)}
                    {item.amount && item.currency && !isZeroAmount(item.amount) && ` · ${money(item.currency, item.amount)}`}
                  </div>
                </List.Item>
              )}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function marginCells(t: (k: string) => string) {
  return [
    { title: t('margin.revenue'), dataIndex: 'revenue', align: 'right' as const, render: (v: string) => groupDigits(v) },
    { title: t('margin.cost'), dataIndex: 'cost', align: 'right' as const, render: (v: string) => groupDigits(v) },
    { title: t('margin.margin'), dataIndex: 'margin', align: 'right' as const, render: (v: string) => groupDigits(v) },
    {
      title: '%',
      dataIndex: 'marginPercent',
      width: 70,
      align: 'right' as const,
      render: (p: number | null, r: Figures) => (p === null ? '—' : `${p.toFixed(1)}${r.costComplete ? '' : '*'}`),
    },
  ];
}

/** Gross margin in CNY per buyer and per month this year (owner only: it rests on cost prices). */
export function MarginCard() {
  const { t } = useTranslation('dashboard');
  const year = new Date().getFullYear();
  const query = useApiQuery('reports.margin', { from: `${year}-01-01`, to: `${year}-12-31` });
  const m = query.data;
  if (!m) return null;
  return (
    <Card
      size="small"
      title={t('margin.title', { year })}
      style={{ marginTop: 16 }}
      data-testid="margin"
      extra={<span>{t('margin.total')}: <b data-testid="margin-total">¥ {groupDigits(m.total.margin)}</b>{m.total.marginPercent !== null && ` (${m.total.marginPercent.toFixed(1)}%)`}</span>}
    >
      <Tabs
        size="small"
        items={[
          {
            key: 'buyer',
            label: t('margin.byBuyer'),
            children: (
              <ResponsiveTable card={{ head: ['b'] }} size="small" rowKey={(r) => String(r.buyer.id)} pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={m.byBuyer} locale={{ emptyText: t('margin.none') }}
                columns={[{ title: t('margin.buyer'), key: 'b', render: (_: unknown, r: (typeof m.byBuyer)[number]) => <bdi>{r.buyer.company}</bdi> }, { title: t('margin.invoices'), dataIndex: 'invoices', width: 60, align: 'right' as const }, ...marginCells(t)]} />
            ),
          },
          {
            key: 'month',
            label: t('margin.byMonth'),
            children: (
              <ResponsiveTable card={{ head: ['month'] }} size="small" rowKey="month" pagination={false} dataSource={m.byMonth} locale={{ emptyText: t('margin.none') }}
                columns={[{ title: t('margin.month'), dataIndex: 'month', width: 90 }, { title: t('margin.invoices'), dataIndex: 'invoices', width: 60, align: 'right' as const }, ...marginCells(t)]} />
            ),
          },
        ]}
      />
      {!m.total.costComplete && <div className="sk-muted" style={{ fontSize: 12 }}>{t('margin.incomplete')}</div>}
    </Card>
  );
}
