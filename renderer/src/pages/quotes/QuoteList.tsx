import { DollarOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Tag } from 'antd';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiInput, ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { CountrySelect } from '../buyers/CountrySelect';
import { countryName } from '../../lib/countries';
import { DeletedDrafts } from './DeletedDrafts';
import { NewQuoteModal } from './NewQuoteModal';
import { shortcutLabel, useShortcut } from '../../lib/shortcuts';
import { QuoteSettingsModal } from './QuoteSettingsModal';
import { QUOTE_STATUSES, STATUS_COLORS, money } from './format';

type Row = ApiOutput<'quotes.list'>['items'][number];
type Status = NonNullable<ApiInput<'quotes.list'>['status']>[number];

export function QuoteList() {
  const { t, i18n } = useTranslation('quotes');
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [status, setStatus] = useState<Status[]>([]);
  const [buyerId, setBuyerId] = useState<number | undefined>();
  const [country, setCountry] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  useShortcut('N', () => setCreating(true), { enabled: !creating });
  const list = useApiQuery('quotes.list', {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(status.length ? { status } : {}),
    ...(buyerId ? { buyerId } : {}),
    ...(country ? { country } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  });

  return (
    <div data-testid="quotes-page">
      <div className="sk-list-head">
        <h1 className="sk-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Space>
          <Link to="/quotes/rates">
            <Button icon={<DollarOutlined />} data-testid="open-rates">{t('list.rates')}</Button>
          </Link>
          <DeletedDrafts />
          <Button icon={<SettingOutlined />} onClick={() => setConfiguring(true)} aria-label={t('list.settings')} title={t('list.settings')} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-quote" aria-keyshortcuts="Alt+N">
            {t('list.new')} <kbd className="sk-kbd sk-kbd-light">{shortcutLabel('N')}</kbd>
          </Button>
        </Space>
      </div>
      <div className="sk-list-filters">
        <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={{ width: 260 }} onSearch={(v) => { setSearch(v); setPage(1); }} data-testid="quotes-search" />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('list.status')}
          aria-label={t('list.status')}
          style={{ minWidth: 170 }}
          value={status}
          onChange={(v: Status[]) => { setStatus(v); setPage(1); }}
          options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="quotes-filter-status"
        />
        <BuyerPicker
          allowClear
          placeholder={t('list.buyer')}
          aria-label={t('list.buyer')}
          style={{ width: 220 }}
          value={buyerId}
          onChange={(v) => { setBuyerId(v); setPage(1); }}
        />
        <CountrySelect
          allowClear
          placeholder={t('list.country')}
          aria-label={t('list.country')}
          style={{ width: 190 }}
          value={country}
          onChange={(v) => { setCountry(v); setPage(1); }}
        />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Row>
        fold={[['displayNumber', 'date', 'status'], ['total', 'lineCount', 'cbm'], ['validUntil', 'pi']]}
        card={{ head: ['displayNumber', 'status'], onOpen: (r) => navigate(`/quotes/${r.id}`), label: (r) => r.displayNumber, testId: (r) => `quote-card-${r.id}` }}
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ y: 'calc(100vh - 300px)' }}
        onRow={(r) => ({ onClick: () => navigate(`/quotes/${r.id}`), style: { cursor: 'pointer' } })}
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
          { title: t('list.number'), dataIndex: 'displayNumber', width: 160, render: (n: string) => <b>{n}</b> },
          { title: t('list.date'), dataIndex: 'date', width: 100 },
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
          { title: t('list.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
          { title: t('list.total'), key: 'total', width: 150, align: 'right', render: (_, r) => money(r.currency, r.grandTotal) },
          { title: t('list.lines'), dataIndex: 'lineCount', width: 60, align: 'right' },
          { title: 'CBM', dataIndex: 'cbm', width: 80, align: 'right' },
          { title: t('list.validUntil'), dataIndex: 'validUntil', width: 100 },
          {
            title: 'PI',
            key: 'pi',
            width: 150,
            render: (_, r) =>
              r.invoice ? (
                <Link to={`/invoices/${r.invoice.id}`} onClick={(e) => e.stopPropagation()}>
                  {r.invoice.number}
                </Link>
              ) : null,
          },
        ]}
      />
      <NewQuoteModal open={creating} onClose={() => setCreating(false)} />
      <QuoteSettingsModal open={configuring} onClose={() => setConfiguring(false)} />
    </div>
  );
}
