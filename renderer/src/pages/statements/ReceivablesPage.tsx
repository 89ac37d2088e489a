import '../../layout/list.css';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, type ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { countryName } from '../../lib/countries';
import { download } from '../products/format';
import { errorText, groupDigits, money } from '../quotes/format';
import { AGING_BUCKETS } from './aging';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import { useScreen } from '../../layout/screen';

type Row = ApiOutput<'receivables.list'>['items'][number];

/** /receivables: who owes what across buyers, oldest first, paged; a row opens the buyer's statement. */
export function ReceivablesPage() {
  const { t, i18n } = useTranslation('statements');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screen = useScreen();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useApiQuery('receivables.list', { limit: pageSize, offset: (page - 1) * pageSize, ...(overdueOnly ? { overdueOnly } : {}) });
  const exportXlsx = async () => {
    try {
      const file = await call('receivables.exportXlsx', { ...(overdueOnly ? { overdueOnly } : {}), lang: 'bi' });
      download({ ...file, dataBase64: file.base64 });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <div data-testid="receivables-page">
      <div className="sk-list-head">
        <h1 className="sk-page-title" style={{ margin: 0 }}>
          {t('receivables.title')}
          {list.data && <span className="sk-muted" style={{ fontSize: 13, fontWeight: 'normal' }}> · {t('asOf', { date: list.data.asOf })}</span>}
        </h1>
        <Space wrap>
          <Checkbox checked={overdueOnly} onChange={(e) => { setOverdueOnly(e.target.checked); setPage(1); }} data-testid="receivables-overdue">
            {t('receivables.overdueOnly')}
          </Checkbox>
          <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="receivables-xlsx">
            XLSX
          </Button>
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Row>
        card={{ head: ['buyer', 'balance'], onOpen: (r) => navigate(`/statements/${r.buyer.id}`), label: (r) => r.buyer.company }}
        fold={[['openInvoices', 'since'], ['owed', 'overdue'], ['days0to30', 'days31to60', 'days61to90', 'days90plus'], ['credit', 'balance']]}
        rowKey={(r) => `${r.buyer.id}-${r.currency}`}
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        {...(screen.desktop ? { scroll: { x: 1250 } } : {})}
        locale={{ emptyText: t('receivables.empty') }}
        onRow={(r) => ({ onClick: () => navigate(`/statements/${r.buyer.id}`), style: { cursor: 'pointer' } })}
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
          {
            title: t('receivables.buyer'),
            key: 'buyer',
            width: 230,
            render: (_, r) => (
              <span data-testid={`receivable-${r.buyer.id}`}>
                <bdi>{r.buyer.company}</bdi> <span className="sk-muted">· {countryName(r.buyer.country, i18n.language)}</span>
              </span>
            ),
          },
          { title: t('receivables.openInvoices'), dataIndex: 'openInvoices', width: 70, align: 'right' },
          { title: t('receivables.since'), dataIndex: 'since', width: 100, render: (d: string | null) => d ?? '—' },
          { title: t('receivables.owed'), key: 'owed', width: 140, align: 'right', render: (_, r) => money(r.currency, r.owed) },
          {
            title: t('overdueTotal'),
            key: 'overdue',
            width: 150,
            align: 'right',
            render: (_, r) => (
              <>
                <span className={r.daysOverdue !== null ? 'sk-due' : undefined}>{groupDigits(r.overdue)}</span>
                {r.daysOverdue !== null && <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{t('daysN', { n: r.daysOverdue })}</Tag>}
              </>
            ),
          },
          ...AGING_BUCKETS.filter((b) => b !== 'notDue').map((b) => ({ title: t(`buckets.${b}`), key: b, width: 90, align: 'right' as const, render: (_: unknown, r: Row) => groupDigits(r.aging[b]) })),
          { title: t('receivables.credit'), dataIndex: 'credit', width: 90, align: 'right', render: (v: string) => groupDigits(v) },
          { title: t('balance'), key: 'balance', width: 130, align: 'right', render: (_, r) => <b>{money(r.currency, r.balance)}</b> },
        ]}
      />
    </div>
  );
}
