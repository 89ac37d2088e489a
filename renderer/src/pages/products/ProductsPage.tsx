import { Alert, Image, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';

type Product = ApiOutput<'products.list'>['items'][number];

export function ProductsPage() {
  const { t, i18n } = useTranslation('products');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [category, setCategory] = useState<string | undefined>();
  const categories = useApiQuery('products.categories', {});
  const list = useApiQuery('products.list', { limit: pageSize, offset: (page - 1) * pageSize, ...(category ? { category } : {}) });
  const zh = i18n.language.startsWith('zh');

  return (
    <div data-testid="products-page">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <h2 className="sk-page-title" style={{ margin: 0 }}>{t('title')}</h2>
        <Select
          allowClear
          placeholder={t('allCategories')}
          style={{ width: 220 }}
          value={category}
          onChange={(v?: string) => {
            setCategory(v);
            setPage(1);
          }}
          options={(categories.data ?? []).map((c) => ({ value: c.category, label: `${c.category} (${c.count})` }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table<Product>
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
          {
            title: t('photo'),
            key: 'photo',
            width: 72,
            render: (_, p) => (p.cover ? <Image src={p.cover.thumbUrl} preview={{ src: p.cover.url }} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} alt={p.itemNo} /> : null),
          },
          { title: t('itemNo'), dataIndex: 'itemNo', width: 100 },
          {
            title: t('name'),
            key: 'name',
            render: (_, p) => (
              <div>
                <div>{zh ? p.names.zh || p.names.en : p.names.en || p.names.zh}</div>
                <div style={{ color: '#888', fontSize: 12 }}>{zh ? p.names.en : p.names.zh}</div>
                {p.names.ar && <div dir="rtl" style={{ color: '#888', fontSize: 12, textAlign: 'start' }}>{p.names.ar}</div>}
              </div>
            ),
          },
          { title: t('category'), dataIndex: 'category', width: 130, render: (c: string) => <Tag>{c}</Tag> },
          { title: t('moq'), key: 'moq', width: 90, align: 'right', render: (_, p) => `${p.moq} ${p.unit}` },
          { title: t('price'), key: 'price', width: 100, align: 'right', render: (_, p) => (p.priceTiers[0] ? `¥${p.priceTiers[0].priceCny}` : '—') },
          { title: t('pcsPerCarton'), key: 'ctn', width: 90, align: 'right', render: (_, p) => p.packing.pcsPerCarton ?? '—' },
          { title: t('cbm'), key: 'cbm', width: 80, align: 'right', render: (_, p) => p.packing.cbmPerCarton ?? '—' },
          {
            title: t('available'),
            key: 'stock',
            width: 100,
            align: 'right',
            render: (_, p) => <span style={p.lowStockAt !== null && p.stock.available <= p.lowStockAt ? { color: '#c0392b' } : undefined}>{p.stock.available}</span>,
          },
        ]}
      />
    </div>
  );
}
