import '../../layout/list.css';
import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams, useSearchParams } from 'react-router';
import { call, type ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DateInput } from '../../lib/DateInput';
import { countryName } from '../../lib/countries';
import { DocumentButton } from '../documents/DocumentButton';
import { download } from '../products/format';
import { errorText, groupDigits, money } from '../quotes/format';
import { AGING_BUCKETS } from './aging';

type Statement = ApiOutput<'statements.buyer'>;
type Section = Statement['sections'][number];
type Entry = Section['entries'][number];
type Inv = Section['invoices'][number];

function SectionCard({ section }: { section: Section }) {
  const { t } = useTranslation('statements');
  const c = section.currency;
  return (
    <Card size="small" title={t('section', { currency: c })} style={{ marginBottom: 12 }} data-testid={`statement-${c}`}>
      <Descriptions size="small" column={{ xs: 2, md: 5 }}>
        <Descriptions.Item label={t('opening')}>{money(c, section.opening)}</Descriptions.Item>
        <Descriptions.Item label={t('invoiced')}>{groupDigits(section.invoiced)}</Descriptions.Item>
        <Descriptions.Item label={t('paid')}>{groupDigits(section.paid)}</Descriptions.Item>
        <Descriptions.Item label={t('cancelled')}>{groupDigits(section.cancelled)}</Descriptions.Item>
        <Descriptions.Item label={t('closing')}>
          <b data-testid={`statement-closing-${c}`}>{money(c, section.closing)}</b>
        </Descriptions.Item>
      </Descriptions>
      <Table<Entry>
        rowKey={(e, i) => `${e.kind}-${e.date}-${i ?? 0}`}
        size="small"
        pagination={false}
        dataSource={section.entries}
        locale={{ emptyText: t('noEntries') }}
        columns={[
          { title: t('date'), dataIndex: 'date', width: 100 },
          { title: t('kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`kinds.${k}`) },
          { title: t('invoice'), key: 'inv', width: 150, render: (_, e) => <Link to={`/invoices/${e.invoice.id}`}>{e.invoice.number}</Link> },
          {
            title: t('reference'),
            key: 'ref',
            render: (_, e) => (
              <>
                {e.reference}
                {e.detail.forwarder && <span className="sk-muted"> · {e.detail.forwarder}</span>}
                {e.detail.cartons !== undefined && <span className="sk-muted"> · {t('cartonsN', { n: e.detail.cartons })}</span>}
              </>
            ),
          },
          { title: t('debit'), dataIndex: 'debit', width: 110, align: 'right', render: (v: string | null) => (v ? groupDigits(v) : '') },
          { title: t('credit'), dataIndex: 'credit', width: 110, align: 'right', render: (v: string | null) => (v ? groupDigits(v) : '') },
          { title: t('balance'), dataIndex: 'balance', width: 120, align: 'right', render: (v: string) => groupDigits(v) },
        ]}
      />
      <Table<Inv>
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={section.invoices}
        title={() => <b>{t('invoicesTitle')}</b>}
        columns={[
          { title: t('invoice'), key: 'n', width: 150, render: (_, i) => <Link to={`/invoices/${i.id}`}>{i.number}</Link> },
          { title: t('issued'), dataIndex: 'issuedOn', width: 100 },
          { title: t('total'), dataIndex: 'total', width: 110, align: 'right', render: (v: string) => groupDigits(v) },
          { title: t('paid'), dataIndex: 'paid', width: 110, align: 'right', render: (v: string) => groupDigits(v) },
          { title: t('balance'), dataIndex: 'balance', width: 110, align: 'right', render: (v: string) => groupDigits(v) },
          { title: t('dueOn'), dataIndex: 'dueOn', width: 100, render: (d: string | null) => d ?? t('onDelivery') },
          { title: t('overdue'), key: 'od', width: 110, render: (_, i) => (i.daysOverdue !== null ? <Tag color="red">{t('daysN', { n: i.daysOverdue })}</Tag> : '') },
        ]}
      />
      <Table
        rowKey={() => 'aging'}
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={[section.aging]}
        data-testid={`aging-${c}`}
        title={() => <b>{t('agingTitle')}</b>}
        columns={[
          ...AGING_BUCKETS.map((b) => ({ title: t(`buckets.${b}`), key: b, align: 'right' as const, render: () => groupDigits(section.aging[b]) })),
          { title: t('overdueTotal'), key: 'overdue', align: 'right' as const, render: () => <b>{groupDigits(section.aging.overdue)}</b> },
          { title: t('outstanding'), key: 'outstanding', align: 'right' as const, render: () => <b>{groupDigits(section.aging.outstanding)}</b> },
        ]}
      />
    </Card>
  );
}

/** /statements/:buyerId?from&to: a buyer's statement of account on screen, per currency, with aging; PDF and XLSX. */
function StatementScreen() {
  const { t, i18n } = useTranslation('statements');
  const { message } = App.useApp();
  const buyerId = Number(useParams().buyerId);
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const query = useApiQuery('statements.buyer', { buyerId, ...period }, { enabled: Number.isInteger(buyerId) && buyerId > 0 });
  const setDate = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const exportXlsx = async () => {
    try {
      const file = await call('statements.buyerXlsx', { buyerId, ...period, lang: 'bi' });
      download({ ...file, dataBase64: file.base64 });
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  const s = query.data;
  if (!s) return <Skeleton active />;
  return (
    <div data-testid="statement-page">
      <div className="sk-list-head">
        <Space wrap>
          <Link to={`/buyers/${s.buyer.id}`} aria-label={t('back')}>
            <ArrowLeftOutlined />
          </Link>
          <h1 className="sk-page-title" style={{ margin: 0 }}>
            {t('title')} · <bdi>{s.buyer.company}</bdi>
          </h1>
          <span className="sk-muted">{countryName(s.buyer.country, i18n.language)} · {t('asOf', { date: s.asOf })}</span>
        </Space>
        <Space wrap>
          <span>{t('from')}</span>
          <DateInput value={from} onChange={(v) => setDate('from', v)} aria-label={t('from')} data-testid="statement-from" />
          <span>{t('to')}</span>
          <DateInput value={to} onChange={(v) => setDate('to', v)} aria-label={t('to')} data-testid="statement-to" />
          {(from || to) && <Button onClick={() => setParams({})}>{t('allTime')}</Button>}
          <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="statement-xlsx">
            XLSX
          </Button>
          <DocumentButton kinds={['account']} id={s.buyer.id} defaultLang={s.buyer.docLanguage} period={period} testId="statement-pdf" />
        </Space>
      </div>
      {s.sections.length === 0 ? <Alert type="info" showIcon title={t('nothing')} /> : s.sections.map((section) => <SectionCard key={section.currency} section={section} />)}
    </div>
  );
}

export function StatementsPage() {
  return (
    <Routes>
      <Route path=":buyerId" element={<StatementScreen />} />
    </Routes>
  );
}
