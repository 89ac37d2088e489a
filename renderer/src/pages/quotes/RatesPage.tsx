import { ArrowLeftOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Popover, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiCallError, ApiOutput } from '../../api/client';
import { DateInput } from '../../lib/DateInput';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import { useTouch } from '../../layout/screen';

type Row = ApiOutput<'rates.list'>[number];

function History({ currency }: { currency: string }) {
  const { t } = useTranslation('rates');
  const history = useApiQuery('rates.history', { currency, limit: 20 });
  return (
    <Table
      size="small"
      rowKey="createdAt"
      pagination={false}
      loading={history.isLoading}
      dataSource={history.data ?? []}
      style={{ width: 360 }}
      columns={[
        { title: t('effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
        { title: t('rate'), dataIndex: 'cnyPerUnit', align: 'right' },
        { title: t('note'), dataIndex: 'note' },
      ]}
    />
  );
}

function RateEditor({ row }: { row: Row }) {
  const { t } = useTranslation('rates');
  const { message } = App.useApp();
  const [value, setValue] = useState('');
  const [date, setDate] = useState('');
  const set = useApiMutation('rates.set');
  if (row.currency === 'CNY') return <Tag>{t('base')}</Tag>;
  const save = async () => {
    if (!value.trim()) return;
    try {
      await set.mutateAsync({ currency: row.currency, cnyPerUnit: value.trim(), ...(date ? { effectiveOn: date } : {}) });
      setValue('');
      setDate('');
      void message.success(t('saved', { currency: row.currency }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };
  return (
    <Space.Compact>
      <Input
        size="small"
        style={{ width: 110 }}
        placeholder={row.rate?.cnyPerUnit ?? t('newRate')}
        value={value}
        inputMode="decimal"
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => void save()}
        data-testid={`rate-input-${row.currency}`}
      />
      <DateInput size="small" style={{ width: 130 }} value={date} onChange={setDate} aria-label={t('effectiveOn')} />
      <Button size="small" type="primary" loading={set.isPending} onClick={() => void save()} data-testid={`rate-save-${row.currency}`} style={{ minWidth: 72 }}>
        {t('set')}
      </Button>
    </Space.Compact>
  );
}

/** Exchange rates: 1 unit = x CNY, with history; every currency, the common ones first. */
export function RatesPage() {
  const { t } = useTranslation('rates');
  const touch = useTouch();
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const rates = useApiQuery('rates.list', {});
  const rows = (rates.data ?? []).filter((r) => (all || filter ? true : r.common || r.rate !== null)).filter((r) => r.currency.includes(filter.trim().toUpperCase()));
  return (
    <div data-testid="rates-page">
      <div className="sk-list-head">
        <Space>
          <Link to="/quotes" aria-label={t('back')}>
            <ArrowLeftOutlined />
          </Link>
          <h1 className="sk-page-title" style={{ margin: 0 }}>
            {t('title')}
          </h1>
        </Space>
        <Space>
          <Input.Search allowClear placeholder={t('search')} style={{ width: 180 }} onChange={(e) => setFilter(e.target.value)} />
          <Button onClick={() => setAll((a) => !a)}>{all ? t('showCommon') : t('showAll', { count: rates.data?.length ?? 0 })}</Button>
        </Space>
      </div>
      <p style={{ color: '#595959', marginTop: -4 }}>{t('explain')}</p>
      {rates.error && <Alert type="error" showIcon title={rates.error.message} />}
      <ResponsiveTable<Row>
        fold={[['currency', 'rate', 'date']]}
        card={{ head: ['currency', 'rate'], testId: (r) => `rate-card-${r.currency}` }}
        rowKey="currency"
        size="small"
        loading={rates.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 320px)' }}
        columns={[
          { title: t('currency'), dataIndex: 'currency', width: 110, render: (c: string, r) => (r.common ? <b>{c}</b> : c) },
          { title: t('rate'), key: 'rate', width: 160, align: 'right', render: (_, r) => (r.rate ? <span data-testid={`rate-${r.currency}`}>{r.rate.cnyPerUnit}</span> : <span style={{ color: '#595959' }}>—</span>) },
          { title: t('effectiveOn'), key: 'date', width: 120, render: (_, r) => (r.currency === 'CNY' ? '' : (r.rate?.effectiveOn ?? '')) },
          { title: t('newRate'), key: 'edit', render: (_, r) => <RateEditor row={r} /> },
          {
            title: '',
            key: 'history',
            width: touch ? 64 : 50,
            render: (_, r) =>
              r.rate && r.currency !== 'CNY' ? (
                <Popover trigger="click" title={t('history', { currency: r.currency })} content={<History currency={r.currency} />}>
                  <Button size="small" type="text" icon={<HistoryOutlined />} aria-label={t('history', { currency: r.currency })} />
                </Popover>
              ) : null,
          },
        ]}
      />
    </div>
  );
}

