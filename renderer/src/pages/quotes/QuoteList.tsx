import { DollarOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiOutput } from '../../api/client';
import { PagedList } from '../../layout/PagedList';
import { shortcutLabel, useShortcut } from '../../lib/shortcuts';
import { DeletedDrafts } from './DeletedDrafts';
import { NewQuoteModal } from './NewQuoteModal';
import { QuoteSettingsModal } from './QuoteSettingsModal';
import { TradeFilters, tradeColumns, useTradeList } from './TradeList';
import { QUOTE_STATUSES } from './format';

type Row = ApiOutput<'quotes.list'>['items'][number];

export function QuoteList() {
  const { t } = useTranslation('quotes');
  const [creating, setCreating] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  useShortcut('N', () => setCreating(true), { enabled: !creating });
  const { state, open, list } = useTradeList('quotes.list', '/quotes');
  const shared = tradeColumns<Row>(t, 110);

  return (
    <PagedList<Row>
      testId="quotes-page"
      title={t('title')}
      actions={
        <>
          <Link to="/quotes/rates">
            <Button icon={<DollarOutlined />} data-testid="open-rates">{t('list.rates')}</Button>
          </Link>
          <DeletedDrafts />
          <Button icon={<SettingOutlined />} onClick={() => setConfiguring(true)} aria-label={t('list.settings')} title={t('list.settings')} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-quote" aria-keyshortcuts="Alt+N">
            {t('list.new')} <kbd className="sk-kbd sk-kbd-light">{shortcutLabel('N')}</kbd>
          </Button>
        </>
      }
      {...list}
      search={{ placeholder: t('list.search'), width: 260, testId: 'quotes-search' }}
      filters={<TradeFilters state={state} statuses={QUOTE_STATUSES} t={t} widths={{ buyer: 220, country: 190 }} statusTestId="quotes-filter-status" />}
      fold={[['displayNumber', 'date', 'status'], ['total', 'lineCount', 'cbm'], ['validUntil', 'pi']]}
      card={{ head: ['displayNumber', 'status'], onOpen: open, label: (r) => r.displayNumber, testId: (r) => `quote-card-${r.id}` }}
      columns={[
        { title: t('list.number'), dataIndex: 'displayNumber', width: 160, render: (n: string) => <b>{n}</b> },
        { title: t('list.date'), dataIndex: 'date', width: 100 },
        shared.buyer,
        shared.status,
        shared.total,
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
    >
      <NewQuoteModal open={creating} onClose={() => setCreating(false)} />
      <QuoteSettingsModal open={configuring} onClose={() => setConfiguring(false)} />
    </PagedList>
  );
}
