import { DownloadOutlined, PlusOutlined, UploadOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Input, Select, Space, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { call, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { countryName } from '../../lib/countries';
import { CountrySelect } from './CountrySelect';
import { UnrecognisedMark } from './BuyerDetail';
import { ImportModal } from './ImportModal';
import { REGIONS, type Buyer, type ListInput, type Region, type Sort } from './types';

const VISITED = ['30d', '90d', '365d', 'over365', 'never'] as const;
type Visited = (typeof VISITED)[number];
const SORTS: Sort[] = ['lastVisit', 'company', 'newest', 'country', 'totalBusiness'];

function visitFilter(v: string | null): Pick<ListInput, 'lastVisitFrom' | 'lastVisitTo' | 'neverVisited'> {
  const day = (n: number) => dayjs().subtract(n, 'day').format('YYYY-MM-DD');
  switch (v as Visited | null) {
    case '30d':
      return { lastVisitFrom: day(30) };
    case '90d':
      return { lastVisitFrom: day(90) };
    case '365d':
      return { lastVisitFrom: day(365) };
    case 'over365':
      return { lastVisitTo: day(366) };
    case 'never':
      return { neverVisited: true };
    default:
      return {};
  }
}

/** The buyer list: one search box for any script, filters, sort; filters live in the URL so Back returns to them. */
export function BuyerList() {
  const { t, i18n } = useTranslation('buyers');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const set = (changes: Record<string, string | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  // Search as one types, a quarter second after the last key.
  const q = params.get('q') ?? '';
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const type = (value: string) => {
    setText(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => set({ q: value.trim() || undefined }), 250);
  };

  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('size') ?? '50');
  const filters: Omit<ListInput, 'query'> = {
    ...(params.get('country') ? { country: params.get('country') as string } : {}),
    ...(params.get('region') ? { region: params.get('region') as Region } : {}),
    ...(params.get('tag') ? { tag: params.get('tag') as string } : {}),
    ...(params.get('currency') ? { currency: params.get('currency') as string } : {}),
    ...visitFilter(params.get('visited')),
  };
  const sort = (params.get('sort') as Sort | null) ?? (q ? 'lastVisit' : 'company');
  const list = useApiQuery('buyers.search', { query: q, ...filters, sort, limit: pageSize, offset: (page - 1) * pageSize }, { placeholderData: keepPreviousData });
  const tags = useApiQuery('buyers.tags', {});
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { csv, count } = await call('buyers.export', { ...filters, ...(q ? { query: q } : {}) });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `buyers-${dayjs().format('YYYY-MM-DD')}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void message.success(t('exported', { count }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="buyers-page">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <h1 className="sk-page-title" style={{ margin: 0 }}>{t('title')}</h1>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/buyers/new')} data-testid="buyer-add">
            {t('add')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="buyers-import">
            {t('import.button')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting} data-testid="buyers-export">
            {t('export')}
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => type(e.target.value)}
          onSearch={(v) => set({ q: v || undefined })}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          style={{ width: 320 }}
          data-testid="buyer-search"
        />
        <CountrySelect allowClear placeholder={t('allCountries')} aria-label={t('allCountries')} style={{ width: 200 }} value={params.get('country') ?? undefined} onChange={(v) => set({ country: v })} testId="filter-country" />
        <Select
          allowClear
          placeholder={t('allRegions')}
          aria-label={t('allRegions')}
          style={{ width: 190 }}
          value={params.get('region') ?? undefined}
          onChange={(v?: string) => set({ region: v })}
          options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          data-testid="filter-region"
        />
        <Select
          allowClear
          placeholder={t('allTags')}
          aria-label={t('allTags')}
          style={{ width: 150 }}
          value={params.get('tag') ?? undefined}
          onChange={(v?: string) => set({ tag: v })}
          options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
        />
        <Select
          allowClear
          showSearch
          placeholder={t('allCurrencies')}
          aria-label={t('allCurrencies')}
          style={{ width: 120 }}
          value={params.get('currency') ?? undefined}
          onChange={(v?: string) => set({ currency: v })}
          options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))}
        />
        <Select
          allowClear
          placeholder={t('visited.any')}
          aria-label={t('visited.any')}
          style={{ width: 170 }}
          value={params.get('visited') ?? undefined}
          onChange={(v?: string) => set({ visited: v })}
          options={VISITED.map((v) => ({ value: v, label: t(`visited.${v}`) }))}
        />
        <Select
          aria-label={t('sortBy')}
          style={{ width: 190 }}
          value={sort}
          onChange={(v: Sort) => set({ sort: v })}
          options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          data-testid="buyer-sort"
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Buyer>
        fold={[['company', 'country', 'currency'], ['tags', 'lastVisit']]}
        card={{ head: ['company', 'country'], testId: (b) => `buyer-card-${b.id}` }}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ y: 'calc(100vh - 330px)' }}
        onRow={(b) => ({ onDoubleClick: () => navigate(`/buyers/${b.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common:total', { count: total }),
          onChange: (p, size) => set({ page: String(p), size: String(size) }),
        }}
        locale={{ emptyText: q ? t('noMatch', { query: q }) : t('empty') }}
        columns={[
          {
            title: t('company'),
            key: 'company',
            render: (_, b) => (
              <div>
                <Link to={`/buyers/${b.id}`} data-testid={`buyer-link-${b.id}`}>
                  <bdi>{b.company}</bdi>
                </Link>
                {b.agent && <div style={{ color: '#595959', fontSize: 12 }}>{t('via', { agent: b.agent })}</div>}
              </div>
            ),
          },
          {
            title: t('country'),
            key: 'country',
            width: 200,
            render: (_, b) => (
              <div>
                <div>
                  {countryName(b.country, i18n.language)}
                </div>
                <div style={{ color: '#595959', fontSize: 12 }}>
                  {t(`regions.${b.region}`)}
                  {b.city ? ` · ${b.city}` : ''}
                </div>
              </div>
            ),
          },
          {
            title: t('contact'),
            key: 'contact',
            width: 250,
            render: (_, b) => {
              const c = b.contacts[0];
              if (!c) return '—';
              return (
                <div>
                  <bdi>{c.name}</bdi>
                  {c.role && (
                    <span style={{ color: '#595959' }}>
                      {' · '}
                      <bdi>{c.role}</bdi>
                    </span>
                  )}
                  {b.contacts.length > 1 && <Tag style={{ marginInlineStart: 6 }}>+{b.contacts.length - 1}</Tag>}
                  <div>
                    {c.whatsappLink ? (
                      <Tooltip title={t('whatsappChat')}>
                        <a href={c.whatsappLink} target="_blank" rel="noreferrer">
                          <WhatsAppOutlined style={{ color: '#25d366' }} /> {c.whatsappDisplay}
                        </a>
                      </Tooltip>
                    ) : (
                      c.phoneDisplay
                    )}
                    {(c.unrecognised.whatsapp ?? c.unrecognised.phone) && <UnrecognisedMark country={(c.unrecognised.whatsapp ?? c.unrecognised.phone) as string} />}
                  </div>
                </div>
              );
            },
          },
          { title: t('tags'), key: 'tags', width: 190, render: (_, b) => b.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          { title: t('currency'), dataIndex: 'currency', width: 80 },
          {
            title: t('lastVisit'),
            key: 'lastVisit',
            width: 120,
            render: (_, b) => (b.lastVisit ? <span title={t('visitsCount', { count: b.visits })}>{b.lastVisit}</span> : '—'),
          },
        ]}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
