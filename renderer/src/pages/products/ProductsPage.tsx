import { AppstoreOutlined, DownloadOutlined, PictureOutlined, PlusOutlined, PrinterOutlined, SearchOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Input, Segmented, Select, Skeleton, Space, Switch, Table, Tag } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { download, namesFor } from './format';
import { ImportWizard } from './ImportWizard';
import { ProductEditor } from './ProductEditor';
import { ProductGrid } from './ProductGrid';
import { SampleTagsDialog } from './SampleTagsDialog';
import { usePagedSearch, type SearchFilters, type SearchHit } from './usePagedSearch';

type Status = NonNullable<SearchFilters['status']>;
type Placeholder = { id: string; placeholder: true };
type Row = SearchHit | Placeholder;

const ROW_HEIGHT = 57;

const VIEW_KEY = 'stallkeeper.products.view';

function useWindowHeight(): number {
  const [height, setHeight] = useState(window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

const isPlaceholder = (r: Row): r is Placeholder => 'placeholder' in r;

/**
 * The catalog: one search box (item no, barcode, words in Chinese, English or
 * Arabic), filters, and every product in a virtual list or photo grid that
 * stays smooth with 100,000 items; the editor, import, export and sample tags.
 */
export function ProductsPage() {
  const { t, i18n } = useTranslation('products');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>('active');
  const [inStock, setInStock] = useState(false);
  const [view, setView] = useState<'list' | 'grid'>(() => (localStorage.getItem(VIEW_KEY) === 'grid' ? 'grid' : 'list'));
  const [selected, setSelected] = useState<number[]>([]);
  const [importing, setImporting] = useState(false);
  const [tagging, setTagging] = useState(false);
  const categories = useApiQuery('products.categories', {});
  const exporter = useApiMutation('products.export');
  const height = Math.max(280, useWindowHeight() - 262);

  const filters: SearchFilters = useMemo(
    () => ({ ...(query ? { query } : {}), ...(category ? { category } : {}), ...(inStock ? { inStock } : {}), ...(status !== 'active' ? { status } : {}) }),
    [query, category, inStock, status],
  );
  const search = usePagedSearch(filters);
  const total = search.total ?? 0;

  const editing = params.get('open');
  const open = (id: number | 'new') => setParams({ open: String(id) });
  const close = () => setParams({});

  const rows: Row[] = useMemo(() => {
    const out: Row[] = new Array(total);
    for (let i = 0; i < total; i += 1) out[i] = search.rowAt(i) ?? { id: `p${i}`, placeholder: true };
    return out;
  }, [total, search]);

  // The virtual list only knows row heights it has drawn, so which rows are on
  // screen is read from the rows drawn (after the scroll is painted), not worked
  // out from scrollTop.
  const loadVisible = (holder: HTMLElement) =>
    requestAnimationFrame(() => {
      const box = holder.getBoundingClientRect();
      let first = Infinity;
      let last = -1;
      for (const el of holder.querySelectorAll<HTMLElement>('[data-index]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom < box.top || r.top > box.bottom) continue;
        const i = Number(el.dataset.index);
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
      if (last >= 0) search.ensureRange(first, last);
    });

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await exporter.mutateAsync({ format });
      download(file);
      void message.success(t('exported', { count: file.rows }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const zh = i18n.language.startsWith('zh');
  const columns = [
    {
      title: t('photo'),
      key: 'photo',
      width: 64,
      render: (_: unknown, p: Row) =>
        isPlaceholder(p) ? (
          <Skeleton.Avatar active shape="square" size={40} />
        ) : p.cover ? (
          <img src={p.cover.thumbUrl} alt={p.itemNo} loading="lazy" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }} />
        ) : (
          <div style={{ width: 40, height: 40, borderRadius: 4, background: '#f3f3f3', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <PictureOutlined style={{ color: '#ccc' }} />
          </div>
        ),
    },
    { title: t('itemNo'), key: 'itemNo', width: 110, render: (_: unknown, p: Row) => (isPlaceholder(p) ? null : <b>{p.itemNo}</b>) },
    {
      title: t('name'),
      key: 'name',
      render: (_: unknown, p: Row) => {
        if (isPlaceholder(p)) return <Skeleton active paragraph={false} title={{ width: '60%' }} />;
        const { main, other } = namesFor(p.names, i18n.language);
        return (
          <div style={{ lineHeight: 1.3, overflow: 'hidden' }}>
            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {main}
              {p.archived && <Tag style={{ marginInlineStart: 6 }}>{t('archived')}</Tag>}
            </div>
            <div style={{ color: '#888', fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {other}
              {p.names.ar && (
                <>
                  {other ? ' · ' : ''}
                  <bdi dir="rtl">{p.names.ar}</bdi>
                </>
              )}
            </div>
          </div>
        );
      },
    },
    { title: t('category'), key: 'category', width: 130, render: (_: unknown, p: Row) => (isPlaceholder(p) || !p.category ? null : <Tag>{p.category}</Tag>) },
    { title: t('moq'), key: 'moq', width: 90, align: 'right' as const, render: (_: unknown, p: Row) => (isPlaceholder(p) ? null : `${p.moq} ${p.unit}`) },
    { title: t('price'), key: 'price', width: 96, align: 'right' as const, render: (_: unknown, p: Row) => (isPlaceholder(p) ? null : p.priceTiers[0] ? `¥${p.priceTiers[0].priceCny}` : '—') },
    { title: t('pcsPerCarton'), key: 'ctn', width: 80, align: 'right' as const, render: (_: unknown, p: Row) => (isPlaceholder(p) ? null : (p.packing.pcsPerCarton ?? '—')) },
    { title: t('cbm'), key: 'cbm', width: 80, align: 'right' as const, render: (_: unknown, p: Row) => (isPlaceholder(p) ? null : (p.packing.cbmPerCarton ?? '—')) },
    {
      title: t('available'),
      key: 'stock',
      width: 96,
      align: 'right' as const,
      render: (_: unknown, p: Row) =>
        isPlaceholder(p) ? null : (
          <span data-testid="row-available" style={p.lowStockAt !== null && p.stock.available <= p.lowStockAt ? { color: '#c0392b', fontWeight: 600 } : undefined}>
            {p.stock.available}
          </span>
        ),
    },
  ];

  return (
    <div data-testid="products-page">
      <Space style={{ marginBottom: 10, justifyContent: 'space-between', width: '100%' }} wrap>
        <Space align="baseline">
          <h2 className="sk-page-title" style={{ margin: 0 }}>{t('title')}</h2>
          <span style={{ color: '#888' }} data-testid="products-total">
            {search.total === null ? '' : t('count', { count: total })}
          </span>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="product-new">
            {t('new')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="product-import">
            {t('import.button')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('exportXlsx') },
                { key: 'csv', label: t('exportCsv') },
              ],
              onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporter.isPending}>
              {t('export')}
            </Button>
          </Dropdown>
          <Button icon={<PrinterOutlined />} onClick={() => setTagging(true)} disabled={!selected.length && !total} data-testid="product-tags">
            {selected.length ? t('tags.selected', { count: selected.length }) : t('tags.button')}
          </Button>
        </Space>
      </Space>
      <Space style={{ marginBottom: 10, width: '100%' }} wrap>
        <Input
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder={t('searchPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSelected([]);
          }}
          style={{ width: 360 }}
          data-testid="product-search"
        />
        <Select
          allowClear
          placeholder={t('allCategories')}
          style={{ width: 200 }}
          value={category}
          onChange={(v?: string) => setCategory(v)}
          options={(categories.data ?? []).map((c) => ({ value: c.category, label: `${c.category} (${c.count})` }))}
          data-testid="product-category"
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Space size={6}>
          <Switch size="small" checked={inStock} onChange={setInStock} data-testid="product-instock" />
          <span>{t('inStockOnly')}</span>
        </Space>
        <Segmented
          value={view}
          onChange={(v) => {
            setView(v as 'list' | 'grid');
            localStorage.setItem(VIEW_KEY, String(v));
          }}
          options={[
            { value: 'list', icon: <UnorderedListOutlined />, label: zh ? '列表' : 'List' },
            { value: 'grid', icon: <AppstoreOutlined />, label: zh ? '图片' : 'Photos' },
          ]}
          data-testid="product-view"
        />
      </Space>
      {search.error && <Alert type="error" showIcon title={search.error.message} style={{ marginBottom: 8 }} />}
      {view === 'list' ? (
        <Table<Row>
          virtual
          rowKey="id"
          size="small"
          loading={search.loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ y: height, x: 1000 }}
          locale={{ emptyText: query ? t('noMatch', { query }) : t('empty') }}
          onScroll={(e) => loadVisible(e.currentTarget)}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.filter((k): k is number => typeof k === 'number')),
            getCheckboxProps: (r) => ({ disabled: isPlaceholder(r) }),
            columnWidth: 36,
          }}
          onRow={(r, index) => ({
            'data-index': index,
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
              if (!isPlaceholder(r)) open(r.id);
            },
            style: { cursor: 'pointer', height: ROW_HEIGHT },
            'data-testid': isPlaceholder(r) ? undefined : `product-row-${r.itemNo}`,
          })}
          data-testid="product-table"
        />
      ) : (
        <ProductGrid total={total} height={height + 40} rowAt={search.rowAt} ensureRange={search.ensureRange} onOpen={(id) => open(id)} />
      )}
      {editing && <ProductEditor key={editing} productId={editing === 'new' ? null : Number(editing)} onClose={close} onOpen={(id) => open(id)} />}
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
      {tagging && (
        <SampleTagsDialog
          count={selected.length || Math.min(total, 2000)}
          selection={selected.length ? { productIds: selected } : { ...(query ? { query } : {}), ...(category ? { category } : {}) }}
          onClose={() => setTagging(false)}
        />
      )}
    </div>
  );
}
