import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiOutput } from '../../api/client';
import { PagedList } from '../../layout/PagedList';
import { TradeFilters, tradeColumns, useTradeList } from '../quotes/TradeList';
import { INVOICE_STATUSES, groupDigits } from '../quotes/format';

type Row = ApiOutput<'invoices.list'>['items'][number];

export function InvoiceList() {
  const { t } = useTranslation('invoices');
  const { state, open, list } = useTradeList('invoices.list', '/invoices');
  const shared = tradeColumns<Row>(t, 120);

  return (
    <PagedList<Row>
      testId="invoices-page"
      title={t('title')}
      {...list}
      search={{ placeholder: t('list.search'), width: 200 }}
      filters={<TradeFilters state={state} statuses={INVOICE_STATUSES} t={t} widths={{ buyer: 190, country: 170 }} />}
      emptyText={t('empty')}
      fold={[['number', 'issuedOn'], ['total', 'paid', 'due'], ['status', 'quote']]}
      card={{ head: ['number', 'status'], onOpen: open, label: (r) => r.number, testId: (r) => `invoice-card-${r.id}` }}
      columns={[
        { title: t('list.number'), dataIndex: 'number', width: 150, render: (n: string) => <b>{n}</b> },
        { title: t('list.issuedOn'), dataIndex: 'issuedOn', width: 100 },
        shared.buyer,
        shared.status,
        shared.total,
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
  );
}
