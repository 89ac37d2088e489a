import { WhatsAppOutlined } from '@ant-design/icons';
import { Alert, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { countryName } from '../../lib/countries';

type Buyer = ApiOutput<'buyers.list'>['items'][number];
type Region = NonNullable<ApiInput<'buyers.list'>['region']>;

const REGIONS = ['africa', 'middle_east', 'latin_america', 'asean', 'eu', 'cis', 'south_asia', 'north_america', 'other_europe', 'oceania', 'east_asia', 'other'];

export function BuyersPage() {
  const { t, i18n } = useTranslation('buyers');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [region, setRegion] = useState<Region | undefined>();
  const list = useApiQuery('buyers.list', { limit: pageSize, offset: (page - 1) * pageSize, ...(region ? { region } : {}) });

  return (
    <div data-testid="buyers-page">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <h2 className="sk-page-title" style={{ margin: 0 }}>{t('title')}</h2>
        <Select
          allowClear
          placeholder={t('allRegions')}
          style={{ width: 220 }}
          value={region}
          onChange={(v?: Region) => {
            setRegion(v);
            setPage(1);
          }}
          options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table<Buyer>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ y: 'calc(100vh - 300px)' }}
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
          { title: t('company'), dataIndex: 'company', render: (c: string) => <bdi>{c}</bdi> },
          {
            title: t('country'),
            key: 'country',
            width: 190,
            render: (_, b) => (
              <div>
                <div>{countryName(b.country, i18n.language)}</div>
                <div style={{ color: '#888', fontSize: 12 }}>{t(`regions.${b.region}`)}{b.city ? ` · ${b.city}` : ''}</div>
              </div>
            ),
          },
          {
            title: t('contact'),
            key: 'contact',
            width: 260,
            render: (_, b) => {
              const c = b.contacts[0];
              if (!c) return '—';
              return (
                <div>
                  <bdi>{c.name}</bdi>
                  {c.role && <span style={{ color: '#888' }}> · {c.role}</span>}
                  <div>
                    {c.whatsappLink ? (
                      <a href={c.whatsappLink} target="_blank" rel="noreferrer">
                        <WhatsAppOutlined /> {c.whatsapp}
                      </a>
                    ) : (
                      c.phone
                    )}
                  </div>
                </div>
              );
            },
          },
          { title: t('currency'), dataIndex: 'currency', width: 80 },
          { title: t('tags'), key: 'tags', width: 200, render: (_, b) => b.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          { title: t('lastVisit'), dataIndex: 'lastVisit', width: 110, render: (d: string | null) => d ?? '—' },
        ]}
      />
    </div>
  );
}
