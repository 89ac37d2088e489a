import { DownloadOutlined, PlusOutlined, UploadOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Select, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { PagedList, useListState } from '../../layout/PagedList';
import { countryName } from '../../lib/countries';
import { saveBlob } from '../../lib/download';
import { CountrySelect } from './CountrySelect';
import { UnrecognisedMark } from './BuyerDetail';
import { ImportModal } from './ImportModal';
import { REGIONS, type Buyer, type ListInput, type Region, type Sort } from './types';

const VISITED = ['30d', '90d', '365d', 'over365', 'never'] as const;
type Visited = (typeof VISITED)[number];
const SORTS: Sort[] = ['lastVisit', 'company', 'newest', 'country', 'totalBusiness'];

function visitFilter(v: string | undefined): Pick<ListInput, 'lastVisitFrom' | 'lastVisitTo' | 'neverVisited'> {
  const day = (n: number) => dayjs().subtract(n, 'day').format('YYYY-MM-DD');
  switch (v as Visited | undefined) {
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
  const state = useListState('url');
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const q = state.get('q') ?? '';
  const filters: Omit<ListInput, 'query'> = {
    ...(state.get('country') ? { country: state.get('country') as string } : {}),
    ...(state.get('region') ? { region: state.get('region') as Region } : {}),
    ...(state.get('tag') ? { tag: state.get('tag') as string } : {}),
    ...(state.get('currency') ? { currency: state.get('currency') as string } : {}),
    ...visitFilter(state.get('visited')),
  };
  const sort = (state.get('sort') as Sort | undefined) ?? (q ? 'lastVisit' : 'company');
  const list = useApiQuery('buyers.search', { query: q, ...filters, sort, limit: state.pageSize, offset: (state.page - 1) * state.pageSize }, { placeholderData: keepPreviousData });
  const tags = useApiQuery('buyers.tags', {});
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { csv, count } = await call('buyers.export', { ...filters, ...(q ? { query: q } : {}) });
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `buyers-${dayjs().format('YYYY-MM-DD')}.csv`);
      void message.success(t('exported', { count }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    } finally {
      setExporting(false);
    }
  };

  // One filter of the list: a choice of values kept in the address under `name`.
  const choice = (name: string, placeholder: string, width: number, options: Array<{ value: string; label: string }>, extra: { showSearch?: boolean; testId?: string } = {}) => (
    <Select
      allowClear
      showSearch={extra.showSearch}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      value={state.get(name)}
      onChange={(v?: string) => state.set({ [name]: v })}
      options={options}
      data-testid={extra.testId}
    />
  );

  return (
    <PagedList<Buyer>
      testId="buyers-page"
      title={t('title')}
      actions={
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/buyers/new')} data-testid="buyer-add">
            {t('add')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="buyers-import">
            {t('import.button')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting} data-testid="buyers-export">
            {t('export')}
          </Button>
        </>
      }
      state={state}
      search={{ placeholder: t('searchPlaceholder'), width: 320, testId: 'buyer-search', asYouType: true }}
      filters={
        <>
          <CountrySelect allowClear placeholder={t('allCountries')} aria-label={t('allCountries')} style={{ width: 200 }} value={state.get('country')} onChange={(v) => state.set({ country: v })} testId="filter-country" />
          {choice('region', t('allRegions'), 190, REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) })), { testId: 'filter-region' })}
          {choice('tag', t('allTags'), 150, (tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` })))}
          {choice('currency', t('allCurrencies'), 120, (currencies.data ?? []).map((c) => ({ value: c, label: c })), { showSearch: true })}
          {choice('visited', t('visited.any'), 170, VISITED.map((v) => ({ value: v, label: t(`visited.${v}`) })))}
          <Select aria-label={t('sortBy')} style={{ width: 190 }} value={sort} onChange={(v: Sort) => state.set({ sort: v })} options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} data-testid="buyer-sort" />
        </>
      }
      result={list}
      spinWhileFetching
      scrollY="calc(100vh - 330px)"
      emptyText={q ? t('noMatch', { query: q }) : t('empty')}
      fold={[['company', 'country', 'currency'], ['tags', 'lastVisit']]}
      card={{ head: ['company', 'country'], testId: (b) => `buyer-card-${b.id}` }}
      open={{ row: (b) => navigate(`/buyers/${b.id}`), on: 'doubleClick' }}
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
    >
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </PagedList>
  );
}
