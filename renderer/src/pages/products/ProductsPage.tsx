import { AppstoreOutlined, DownloadOutlined, PictureOutlined, PlusOutlined, PrinterOutlined, SearchOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Dropdown, Input, Segmented, Select, Space, Switch, Tag } from 'antd';
import { Suspense, lazy, useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { download, namesFor } from './format';
import { ProductGrid } from './ProductGrid';
import { usePagedSearch, type SearchFilters, type SearchHit } from './usePagedSearch';
import { VirtualTable, foldProductColumns, type VirtualColumn } from './VirtualTable';
import { useScreen } from '../../layout/screen';
import { dismissFirstView, firstViewIntent } from '../../firstView/firstView';
import './products.css';

type Status = NonNullable<SearchFilters['status']>;

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

// The editor, the import wizard and the sample-tag dialog load when first opened (or once the list is on
// screen, while the stall is idle): the page's cold start draws the list without them.
const loadEditor = () => import('./ProductEditor');
const loadImportWizard = () => import('./ImportWizard');
const loadSampleTags = () => import('./SampleTagsDialog');
const ProductEditor = lazy(async () => ({ default: (await loadEditor()).ProductEditor }));
const ImportWizard = lazy(async () => ({ default: (await loadImportWizard()).ImportWizard }));
const SampleTagsDialog = lazy(async () => ({ default: (await loadSampleTags()).SampleTagsDialog }));

function usePreloadWhenIdle(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const preload = () => void Promise.all([loadEditor(), loadImportWizard(), loadSampleTags()]).catch(() => undefined);
    const handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(preload, { timeout: 3000 }) : window.setTimeout(preload, 1000);
    return () => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [ready]);
}

const loadingBar = <div style={{ height: 12, width: '60%', borderRadius: 4, background: '#f0f0f0' }} />;

/**
 * The catalog: one search box (item no, barcode, words in Chinese, English or
 * Arabic), filters, and every product in a virtual list or photo grid that
 * stays smooth with 100,000 items; the editor, import, export and sample tags.
 */
export function ProductsPage() {
  const { t, i18n } = useTranslation('products');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // Keys typed on the first view (src/firstView/) while the page was loading.
  const [text, setText] = useState(() => firstViewIntent().text);
  const query = useDeferredValue(text.trim());
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>('active');
  const [inStock, setInStock] = useState(false);
  const [view, setView] = useState<'list' | 'grid'>(() => (localStorage.getItem(VIEW_KEY) === 'grid' ? 'grid' : 'list'));
  const [selected, setSelected] = useState<number[]>([]);
  const [importing, setImporting] = useState(false);
  const [tagging, setTagging] = useState(false);
  const categories = useApiQuery('products.categories', {});
  const owner = useApiQuery('products.importColumns', {}, { staleTime: Infinity }).data?.owner ?? false;
  const exporter = useApiMutation('products.export');
  const height = Math.max(280, useWindowHeight() - 262);

  const filters: SearchFilters = useMemo(
    () => ({ ...(query ? { query } : {}), ...(category ? { category } : {}), ...(inStock ? { inStock } : {}), ...(status !== 'active' ? { status } : {}) }),
    [query, category, inStock, status],
  );
  const search = usePagedSearch(filters);
  const total = search.total ?? 0;
  usePreloadWhenIdle(search.total !== null);
  // The page's own rows are drawn: the first view goes in the same frame; a row clicked on it opens.
  useLayoutEffect(() => {
    if (search.total === null && !search.error) return;
    const clicked = firstViewIntent().open;
    dismissFirstView();
    if (clicked !== null) setParams({ open: String(clicked) });
  }, [search.total, search.error, setParams]);

  const editing = params.get('open');
  const open = (id: number | 'new') => setParams({ open: String(id) });
  const close = () => setParams({});

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await exporter.mutateAsync({ format });
      download(file);
      void message.success(t('exported', { count: file.rows }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  // A phone shows the photo cards (item no, name, price, MOQ); a tablet the list with its columns folded.
  const screen = useScreen();
  const shown = screen.phone ? 'grid' : view;
  // Selection is a plain checkbox column (antd's rowSelection walks every row).
  const chosen = useMemo(() => new Set(selected), [selected]);
  const columns: Array<VirtualColumn<SearchHit>> = [
    {
      key: 'select',
      width: 40,
      className: 'sk-select-cell',
      title: selected.length ? <Checkbox checked indeterminate onChange={() => setSelected([])} aria-label={t('clearSelection')} /> : null,
      render: (p) =>
        p && (
          <Checkbox
            checked={chosen.has(p.id)}
            onChange={(e) => setSelected((old) => (e.target.checked ? [...old, p.id] : old.filter((id) => id !== p.id)))}
            aria-label={p.itemNo}
            data-testid={`select-${p.itemNo}`}
          />
        ),
    },
    {
      key: 'photo',
      width: 60,
      title: t('photo'),
      render: (p) =>
        !p ? (
          <div style={{ width: 40, height: 40, borderRadius: 4, background: '#f0f0f0' }} />
        ) : p.cover ? (
          <img src={p.cover.thumbUrl} alt={p.itemNo} loading="lazy" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }} />
        ) : (
          <div style={{ width: 40, height: 40, borderRadius: 4, background: '#f5f5f5', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <PictureOutlined style={{ color: '#ccc' }} />
          </div>
        ),
    },
    { key: 'itemNo', width: 110, title: t('itemNo'), render: (p) => (p ? <b className="sk-ellipsis" style={{ display: 'block' }}>{p.itemNo}</b> : loadingBar) },
    {
      key: 'name',
      title: t('name'),
      render: (p) => {
        if (!p) return loadingBar;
        const { main, other } = namesFor(p.names, i18n.language);
        return (
          <div style={{ lineHeight: 1.35 }}>
            <div className="sk-ellipsis">
              {main}
              {p.archived && <Tag style={{ marginInlineStart: 6 }}>{t('archived')}</Tag>}
            </div>
            <div className="sk-ellipsis" style={{ color: '#595959', fontSize: 12 }}>
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
    { key: 'category', width: 130, title: t('category'), render: (p) => (p?.category ? <Tag style={{ maxWidth: 118, overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.category}</Tag> : null) },
    { key: 'moq', width: 96, align: 'right', title: t('moq'), render: (p) => (p ? `${p.moq} ${p.unit}` : null) },
    { key: 'price', width: 96, align: 'right', title: t('price'), render: (p) => (p ? (p.priceTiers[0] ? `¥${p.priceTiers[0].priceCny}` : '—') : null) },
    { key: 'ctn', width: 76, align: 'right', title: t('pcsPerCarton'), render: (p) => (p ? (p.packing.pcsPerCarton ?? '—') : null) },
    { key: 'cbm', width: 80, align: 'right', title: t('cbm'), render: (p) => (p ? (p.packing.cbmPerCarton ?? '—') : null) },
    {
      key: 'stock',
      width: 96,
      align: 'right',
      title: t('available'),
      render: (p) =>
        p && (
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
          <h1 className="sk-page-title" style={{ margin: 0 }}>{t('title')}</h1>
          <span style={{ color: '#595959' }} data-testid="products-total">
            {search.total === null ? '' : t('count', { count: total, n: total.toLocaleString(i18n.language) })}
          </span>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="product-new">
            {t('new')}
          </Button>
          {owner && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="product-import">
              {t('import.button')}
            </Button>
          )}
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
          aria-label={t('searchPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSelected([]);
          }}
          style={{ width: screen.phone ? '100%' : 360 }}
          data-testid="product-search"
        />
        <Select
          allowClear
          placeholder={t('allCategories')}
          aria-label={t('allCategories')}
          style={{ width: 200 }}
          value={category}
          onChange={(v?: string) => setCategory(v)}
          options={(categories.data ?? []).map((c) => ({ value: c.category, label: `${c.category} (${c.count})` }))}
          data-testid="product-category"
        />
        <Select<Status>
          aria-label={t('statusFilter')}
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Space size={6}>
          <Switch size="small" checked={inStock} onChange={setInStock} data-testid="product-instock" aria-labelledby="sk-instock-label" />
          <span id="sk-instock-label">{t('inStockOnly')}</span>
        </Space>
        {!screen.phone && <Segmented
          value={view}
          onChange={(v) => {
            setView(v as 'list' | 'grid');
            localStorage.setItem(VIEW_KEY, String(v));
          }}
          options={[
            { value: 'list', icon: <UnorderedListOutlined />, label: t('viewList') },
            { value: 'grid', icon: <AppstoreOutlined />, label: t('viewPhotos') },
          ]}
          data-testid="product-view"
        />}
      </Space>
      {search.error && <Alert type="error" showIcon title={search.error.message} style={{ marginBottom: 8 }} />}
      {shown === 'list' ? (
        <VirtualTable<SearchHit>
          testId="product-list"
          resetKey={JSON.stringify(filters)}
          total={total}
          rowHeight={ROW_HEIGHT}
          height={height}
          columns={screen.folded ? foldProductColumns(columns) : columns}
          rowAt={search.rowAt}
          onRange={search.ensureRange}
          rowKey={(p) => p.id}
          rowTestId={(p) => `product-row-${p.itemNo}`}
          onRowClick={(p, e) => {
            if ((e.target as HTMLElement).closest('.sk-select-cell')) return;
            open(p.id);
          }}
          loading={search.loading}
          empty={<div style={{ textAlign: 'center', color: '#595959' }}>{query ? t('noMatch', { query }) : t('empty')}</div>}
        />
      ) : (
        <ProductGrid phone={screen.phone} total={total} height={height + 40} rowAt={search.rowAt} ensureRange={search.ensureRange} onOpen={(id) => open(id)} />
      )}
      <Suspense fallback={null}>
        {editing && <ProductEditor key={editing} productId={editing === 'new' ? null : Number(editing)} onClose={close} onOpen={(id) => open(id)} />}
        {importing && <ImportWizard onClose={() => setImporting(false)} />}
        {tagging && (
          <SampleTagsDialog
            count={selected.length || Math.min(total, 2000)}
            selection={selected.length ? { productIds: selected } : { ...(query ? { query } : {}), ...(category ? { category } : {}) }}
            onClose={() => setTagging(false)}
          />
        )}
      </Suspense>
    </div>
  );
}
