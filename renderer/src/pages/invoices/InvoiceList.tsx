import { Alert, Input, Select, Space, Tag } from 'antd';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiInput, ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { CountrySelect } from '../buyers/CountrySelect';
import { countryName } from '../../lib/countries';
import { INVOICE_STATUSES, STATUS_COLORS, groupDigits, money } from '../quotes/format';

type Row = ApiOutput<'invoices.list'>['items'][number];
type Status = NonNullable<ApiInput<'invoices.list'>['status']>[number];

export function InvoiceList() {
  const { t, i18n } = useTranslation('invoices');
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [status, setStatus] = useState<Status[]>([]);
  const [buyerId, setBuyerId] = useState<number | undefined>();
  const [country, setCountry] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const list = useApiQuery('invoices.list', {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(status.length ? { status } : {}),
    ...(buyerId ? { buyerId } : {}),
    ...(country ? { country } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  });

  return (
    <div data-testid="invoices-page">
      <div className="sk-list-head">
        <h1 className="sk-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Space wrap>
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={{ width: 200 }} onSearch={(v) => { setSearch(v); setPage(1); }} />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('list.status')}
            aria-label={t('list.status')}
            style={{ minWidth: 170 }}
            value={status}
            onChange={(v: Status[]) => { setStatus(v); setPage(1); }}
            options={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <BuyerPicker
            allowClear
            placeholder={t('list.buyer')}
            aria-label={t('list.buyer')}
            style={{ width: 190 }}
            value={buyerId}
            onChange={(v) => { setBuyerId(v); setPage(1); }}
          />
          <CountrySelect
            allowClear
            placeholder={t('list.country')}
            aria-label={t('list.country')}
            style={{ width: 170 }}
            value={country}
            onChange={(v) => { setCountry(v); setPage(1); }}
          />
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Row>
        fold={[['number', 'issuedOn'], ['total', 'paid', 'due'], ['status', 'quote']]}
        card={{ head: ['number', 'status'], onOpen: (r) => navigate(`/invoices/${r.id}`), label: (r) => r.number, testId: (r) => `invoice-card-${r.id}` }}
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ y: 'calc(100vh - 300px)' }}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => ({ onClick: () => navigate(`/invoices/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common:total', { count: total }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        columns={[
          { title: t('list.number'), dataIndex: 'number', width: 150, render: (n: string) => <b>{n}</b> },
          { title: t('list.issuedOn'), dataIndex: 'issuedOn', width: 100 },
          {
            title: t('list.buyer'),
            key: 'buyer',
            render: (_, r) => (
              <span>
                <bdi>{r.buyer.company}</bdi>
                <span className="sk-nowrap" style={{ color: '#595959', fontSize: 12 }}> · {countryName(r.buyer.country, i18n.language)}</span>
              </span>
            ),
          },
          { title: t('list.status'), dataIndex: 'status', width: 120, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
          { title: t('list.total'), key: 'total', width: 150, align: 'right', render: (_, r) => money(r.currency, r.grandTotal) },
          { title: t('list.paid'), key: 'paid', width: 110, align: 'right', render: (_, r) => groupDigits(r.paid) },
          {
            title: t('list.balanceDue'),
            key: 'due',
            width: 120,
            align: 'right',
            render: (_, r) =>
              r.status === 'cancelled' ? (
                <span className="sk-muted" title={t('status.cancelled')}>—</span>
              ) : (
                <span className={r.balanceOpen ? 'sk-due' : undefined}>{groupDigits(r.balanceDue)}</span>
              ),
          },
          {
            title: t('list.quote'),
            key: 'quote',
            width: 150,
            render: (_, r) => (
              <Link to={`/quotes/${r.quote.id}`} onClick={(e) => e.stopPropagation()}>
                {r.quote.displayNumber}
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
