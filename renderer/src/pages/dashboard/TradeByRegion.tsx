import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, type TableColumnType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import { foldColumns } from '../../layout/ResponsiveTable';
import { useScreen } from '../../layout/screen';

type Report = ApiOutput<'reports.trade'>;
type RegionRow = Report['regions'][number];
type CountryRow = RegionRow['countries'][number];
type Row = (RegionRow | CountryRow) & { key: string };
type Metric = 'visits' | 'buyers' | 'quoted' | 'confirmed';

const CURRENT = '#c0392b';
const PREVIOUS = '#d9b3ad';

function useMoney(currency: string) {
  const { i18n } = useTranslation();
  const whole = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0, roundingMode: 'halfExpand' });
  // The API sends amounts with their currency's digits (KWD 3, JPY 0): shown exactly as sent, grouped.
  const exact = (v: string) => {
    const digits = /\.(\d+)$/.exec(v)?.[1]?.length ?? 0;
    return new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v as unknown as number);
  };
  return {
    // Intl formats the decimal text itself (no conversion to a floating-point number).
    whole: (v: string | null) => (v === null ? '—' : whole.format(v as unknown as number)),
    exact: (v: string | null) => (v === null ? '—' : `${currency} ${exact(v)}`),
  };
}

function Change({ value, current }: { value: number | null; current: number }) {
  const { t } = useTranslation('dashboard');
  if (value === null) return current > 0 ? <span style={{ color: '#595959', fontSize: 12 }}>{t('trade.new')}</span> : null;
  const color = value > 0 ? '#389e0d' : value < 0 ? '#cf1322' : '#888';
  return <span style={{ color, fontSize: 12 }}>{`${value > 0 ? '+' : ''}${value}%`}</span>;
}

function presets(t: (key: string) => string): Array<{ label: string; value: [Dayjs, Dayjs] }> {
  const today = dayjs();
  return [
    { label: t('trade.presets.thisMonth'), value: [today.startOf('month'), today] },
    { label: t('trade.presets.last3Months'), value: [today.subtract(3, 'month').add(1, 'day'), today] },
    { label: t('trade.presets.thisYear'), value: [today.startOf('year'), today] },
    { label: t('trade.presets.last12Months'), value: [today.subtract(12, 'month').add(1, 'day'), today] },
    { label: t('trade.presets.lastYear'), value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] },
  ];
}

/** The trade picture by region and country for a period: a chart and a table beside it, then the top buyers and products of one region. */
export function TradeByRegion() {
  const { t, i18n } = useTranslation('dashboard');
  const tb = (key: string) => t(`buyers:${key}`);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()]);
  const [currency, setCurrency] = useState<string | undefined>();
  const [metric, setMetric] = useState<Metric>('visits');
  const [selected, setSelected] = useState<string | null>(null);
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });
  const report = useApiQuery(
    'reports.trade',
    { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), ...(currency ? { currency } : {}) },
    { placeholderData: keepPreviousData },
  );
  const r = report.data;
  const money = useMoney(r?.currency ?? '');
  const withValues = r?.values.status === 'ok';
  // Under 1200 px the columns fold two or three into one, so the place keeps its room and nothing scrolls sideways.
  const screen = useScreen();
  const metrics: Metric[] = withValues ? ['visits', 'buyers', 'quoted', 'confirmed'] : ['visits', 'buyers'];
  const shown: Metric = metrics.includes(metric) ? metric : 'visits';
  const value = (m: RegionRow['current'], key: Metric) => Number(m[key] ?? 0);

  const region = r?.regions.find((x) => x.region === selected) ?? r?.regions[0];
  const chartData = (r?.regions ?? []).map((x) => ({
    key: x.region,
    name: tb(`regions.${x.region}`),
    current: value(x.current, shown),
    previous: value(x.previous, shown),
  }));

  // A count of this period with its change from the last one; an amount likewise, in whole units (exact on hover).
  const count = (key: 'buyers' | 'visits', width: number) => ({
    title: t(`trade.columns.${key}`),
    key,
    width,
    align: 'right' as const,
    render: (_: unknown, row: Row) => (
      <div>
        <div>{row.current[key]}</div>
        <Change value={row.change[key]} current={row.current[key]} />
      </div>
    ),
  });
  const amount = (key: 'quoted' | 'confirmed') => ({
    title: t(`trade.columns.${key}`),
    key,
    width: 104,
    align: 'right' as const,
    render: (_: unknown, row: Row) => (
      <div title={money.exact(row.current[key])}>
        <div>{money.whole(row.current[key])}</div>
        <Change value={row.change[key]} current={Number(row.current[key] ?? 0)} />
      </div>
    ),
  });

  const columns = [
    {
      title: t('trade.columns.place'),
      key: 'place',
      render: (_: unknown, row: Row) => ('region' in row ? <strong>{tb(`regions.${row.region}`)}</strong> : countryLabel(row.country, i18n.language)),
    },
    count('buyers', 84),
    count('visits', 84),
    ...(withValues
      ? [
          amount('quoted'),
          amount('confirmed'),
          {
            title: t('trade.columns.conversion'),
            key: 'conversion',
            width: 76,
            align: 'right' as const,
            render: (_: unknown, row: Row) => (row.current.conversion === null ? '—' : `${row.current.conversion}%`),
          },
        ]
      : []),
    {
      title: t('trade.columns.share', { metric: t(`trade.metrics.${shown}`).toLowerCase() }),
      key: 'share',
      width: 84,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const s = row.share[shown];
        return s === null ? '—' : `${s}%`;
      },
    },
  ];
  const foldTopBuyers = (cols: Array<TableColumnType<RegionRow['topBuyers'][number]>>) => (screen.desktop ? cols : foldColumns(cols, [['country', 'visits'], ['quoted', 'confirmed']]));
  const tableColumns = (
    screen.phone ? foldColumns(columns, [['buyers', 'visits', 'share'], ['quoted', 'confirmed', 'conversion']]) : screen.folded ? foldColumns(columns, [['buyers', 'visits'], ['quoted', 'confirmed', 'conversion']]) : columns
  ) as typeof columns;

  const rows: Row[] = (r?.regions ?? []).map((x) => ({ ...x, key: x.region, children: x.countries.map((c) => ({ ...c, key: `${x.region}-${c.country}` })) }) as Row);

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('trade.title')}
      data-testid="trade-by-region"
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            presets={presets(t)}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
            data-testid="trade-period"
          />
          <Select
            showSearch
            style={{ width: 96 }}
            value={r?.currency ?? currency}
            onChange={(v: string) => setCurrency(v)}
            options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))}
            aria-label={t('trade.currency')}
            data-testid="trade-currency"
          />
        </Space>
      }
    >
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {!r ? (
        <Skeleton active />
      ) : (
        <>
          <p style={{ color: '#595959', marginTop: 0 }}>
            {t('trade.comparedWith', { from: r.previousPeriod.from, to: r.previousPeriod.to })}
          </p>
          {r.values.status === 'missing_rate' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('trade.missingRate', { currency: r.currency, day: r.values.rateDay })}
              action={<Link to="/quotes/rates">{t('trade.openRates')}</Link>}
              data-testid="trade-missing-rate"
            />
          )}
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} lg={withValues ? 5 : 12}>
              <Statistic title={t('trade.buyers')} value={r.total.current.buyers} suffix={<Change value={r.total.change.buyers} current={r.total.current.buyers} />} />
            </Col>
            <Col xs={12} lg={withValues ? 5 : 12}>
              <Statistic title={t('trade.visits')} value={r.total.current.visits} suffix={<Change value={r.total.change.visits} current={r.total.current.visits} />} />
            </Col>
            {withValues && (
              <>
                <Col xs={12} lg={5}>
                  <Statistic title={t('trade.quoted', { currency: r.currency })} value={money.whole(r.total.current.quoted)} suffix={<Change value={r.total.change.quoted} current={Number(r.total.current.quoted ?? 0)} />} />
                </Col>
                <Col xs={12} lg={5}>
                  <Statistic title={t('trade.confirmed', { currency: r.currency })} value={money.whole(r.total.current.confirmed)} suffix={<Change value={r.total.change.confirmed} current={Number(r.total.current.confirmed ?? 0)} />} />
                </Col>
                <Col xs={12} lg={4}>
                  <Statistic title={t('trade.conversion')} value={r.total.current.conversion === null ? '—' : `${r.total.current.conversion}%`} />
                </Col>
              </>
            )}
          </Row>
          {r.regions.length === 0 ? (
            <Empty description={t('trade.empty')} />
          ) : (
            <>
              <Row gutter={16}>
                <Col xs={24} xl={9}>
                  <Segmented
                    size="small"
                    value={shown}
                    onChange={(v) => setMetric(v as Metric)}
                    options={metrics.map((m) => ({ value: m, label: t(`trade.metrics.${m}`) }))}
                    style={{ marginBottom: 8 }}
                    data-testid="trade-metric"
                  />
                  <div style={{ width: '100%', height: Math.max(220, chartData.length * 44 + 60) }} data-testid="trade-chart">
                    <ResponsiveContainer>
                      <BarChart data={chartData} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                        <XAxis type="number" allowDecimals={shown === 'quoted' || shown === 'confirmed'} tick={{ fontSize: 11 }} />
                        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
                        <Tooltip formatter={(v) => (shown === 'quoted' || shown === 'confirmed' ? money.exact(String(v)) : String(v))} />
                        <Legend wrapperStyle={{ fontSize: 12 }} />
                        <Bar dataKey="current" name={t('trade.thisPeriod')} fill={CURRENT} isAnimationActive={false} onClick={(d: { payload?: { key?: string } }) => { if (d.payload?.key) setSelected(d.payload.key); }} cursor="pointer" />
                        <Bar dataKey="previous" name={t('trade.yearBefore')} fill={PREVIOUS} isAnimationActive={false} />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                </Col>
                <Col xs={24} xl={15}>
                  <Table<Row>
                    size="small"
                    pagination={false}
                    dataSource={rows}
                    columns={tableColumns}
                    expandable={{ indentSize: 12 }}
                    onRow={(row) => ({
                      onClick: () => 'region' in row && setSelected(row.region),
                      style: 'region' in row ? { cursor: 'pointer', background: row.region === region?.region ? '#fdf1ef' : undefined } : undefined,
                    })}
                    summary={() => (
                      <Table.Summary.Row>
                        {tableColumns.map((c, i) => (
                          <Table.Summary.Cell key={c.key} index={i} align={c.align ?? 'left'}>
                            {i === 0 ? <strong>{t('trade.total')}</strong> : c.key === 'share' ? '100%' : c.render(undefined, { ...r.total, key: 'total', region: 'other', countries: [], topBuyers: [], topProducts: [] } as Row)}
                          </Table.Summary.Cell>
                        ))}
                      </Table.Summary.Row>
                    )}
                    data-testid="trade-table"
                  />
                </Col>
              </Row>
              {region && (
                <Row gutter={16} style={{ marginTop: 16 }}>
                  <Col xs={24} xl={12}>
                    <Card size="small" title={t('trade.topBuyers', { region: tb(`regions.${region.region}`) })} data-testid="top-buyers">
                      <Table
                        size="small"
                        pagination={false}
                        rowKey="id"
                        dataSource={region.topBuyers}
                        columns={foldTopBuyers([
                          { title: tb('company'), key: 'company', render: (_, b) => <Link to={`/buyers/${b.id}`}><bdi>{b.company}</bdi></Link> },
                          { title: tb('country'), key: 'country', width: 110, render: (_, b) => countryLabel(b.country, i18n.language) },
                          { title: t('trade.columns.visits'), dataIndex: 'visits', width: 70, align: 'right' },
                          ...(withValues
                            ? [
                                { title: t('trade.columns.quoted'), key: 'quoted', width: 84, align: 'right' as const, render: (_: unknown, b: RegionRow['topBuyers'][number]) => money.whole(b.quoted) },
                                { title: t('trade.columns.confirmed'), key: 'confirmed', width: 84, align: 'right' as const, render: (_: unknown, b: RegionRow['topBuyers'][number]) => money.whole(b.confirmed) },
                              ]
                            : []),
                        ])}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} xl={12}>
                    <Card size="small" title={t('trade.topProducts', { region: tb(`regions.${region.region}`) })} data-testid="top-products">
                      {region.topProducts.length === 0 ? (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.noProducts')} />
                      ) : (
                        <Space orientation="vertical" style={{ width: '100%' }}>
                          {region.topProducts.map((p) => (
                            <div key={p.id} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                              {p.cover ? <img src={p.cover.thumbUrl} alt="" width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} /> : <div style={{ width: 36 }} />}
                              <div style={{ flex: 1 }}>
                                <strong>{p.itemNo}</strong> {i18n.language.startsWith('zh') ? p.names.zh || p.names.en : p.names.en || p.names.zh}
                              </div>
                              <Tag>{t('trade.interest', { count: p.interest })}</Tag>
                              {withValues && <Tag color="blue">{t('trade.inQuotes', { count: p.quotes })}</Tag>}
                            </div>
                          ))}
                        </Space>
                      )}
                    </Card>
                  </Col>
                </Row>
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}
