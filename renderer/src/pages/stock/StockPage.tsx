import { InboxOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, InputNumber, Select, Space, Statistic, Tabs, Tag } from 'antd';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ApiCallError, ApiInput, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { namesFor } from '../products/format';
import { MoveDialog, type MoveKind, type MoveTarget } from './MoveDialog';
import type { TFunction } from 'i18next';

type Movement = ApiOutput<'stock.history'>['items'][number];
type LowItem = ApiOutput<'stock.lowList'>['items'][number];
type Kind = NonNullable<ApiInput<'stock.history'>['kinds']>[number];

const KIND_COLORS: Record<Kind, string> = { receive: 'green', adjust: 'orange', reserve: 'blue', release: 'default', ship: 'purple' };
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A table's rows, spinner and paging (a fixed page size) from its query. */
function paged<R>(query: { isLoading: boolean; data?: { items: R[]; total: number } | undefined }, page: number, setPage: (p: number) => void, pageSize: number, t: TFunction) {
  return {
    loading: query.isLoading,
    dataSource: query.data?.items ?? [],
    pagination: { current: page, pageSize, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n: number) => t('common:total', { count: n }) },
  };
}

function History({ productId, kinds, range }: { productId?: number; kinds?: Kind[]; range?: [Dayjs, Dayjs] | null }) {
  const { t, i18n } = useTranslation('stock');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const input: ApiInput<'stock.history'> = {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(productId ? { productId } : {}),
    ...(kinds?.length ? { kinds } : {}),
    ...(range ? { from: range[0].startOf('day').toISOString(), to: range[1].add(1, 'day').startOf('day').toISOString() } : {}),
  };
  const history = useApiQuery('stock.history', input);
  return (
    <ResponsiveTable<Movement>
      fold={[['movedAt', 'kind'], ['product', 'reference'], ['onHandDelta', 'reservedDelta'], ['onHandAfter', 'available']]}
      card={{ head: ['movedAt', 'kind'] }}
      size="small"
      rowKey="id"
      {...paged(history, page, setPage, pageSize, t)}
      data-testid="stock-history"
      scroll={{ y: 360 }}
      columns={[
        { title: t('when'), dataIndex: 'movedAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        ...(productId
          ? []
          : [{ title: t('product'), key: 'product', width: 220, render: (_: unknown, m: Movement) => `${m.itemNo} · ${namesFor(m.names, i18n.language).main}` }]),
        { title: t('kind'), dataIndex: 'kind', width: 90, render: (k: Kind) => <Tag color={KIND_COLORS[k]}>{t(`kinds.${k}`)}</Tag> },
        { title: t('onHandChange'), dataIndex: 'onHandDelta', width: 90, align: 'right' as const, render: (v: number) => (v ? signed(v) : '') },
        { title: t('reservedChange'), dataIndex: 'reservedDelta', width: 90, align: 'right' as const, render: (v: number) => (v ? signed(v) : '') },
        { title: t('onHandAfter'), dataIndex: 'onHandAfter', width: 90, align: 'right' as const },
        { title: t('availableAfter'), key: 'available', width: 90, align: 'right' as const, render: (_: unknown, m: Movement) => m.onHandAfter - m.reservedAfter },
        { title: t('reference'), dataIndex: 'reference', width: 150, ellipsis: true },
        { title: t('reason'), key: 'reason', ellipsis: true, render: (_: unknown, m: Movement) => [m.reason, m.note].filter(Boolean).join(' · ') },
      ]}
    />
  );
}

function ProductStock({ productId }: { productId: number }) {
  const { t, i18n } = useTranslation('stock');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const product = useApiQuery('products.get', { id: productId });
  const threshold = useApiMutation('stock.setThreshold');
  const [moving, setMoving] = useState<MoveKind | null>(null);
  const [low, setLow] = useState<number | null | undefined>(undefined);
  const p = product.data;
  if (product.error) return <Alert type="error" showIcon title={product.error.message} />;
  if (!p) return <Card loading />;
  const names = namesFor(p.names, i18n.language);
  const target: MoveTarget = { id: p.id, itemNo: p.itemNo, name: names.main, unit: p.unit, stock: p.stock };
  const isLow = p.lowStockAt !== null && p.stock.available <= p.lowStockAt;
  return (
    <div data-testid="stock-product">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          {p.cover ? (
            <img src={p.cover.thumbUrl} alt={p.itemNo} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
          ) : (
            <div style={{ width: 72, height: 72, background: '#f3f3f3', borderRadius: 6, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <PictureOutlined style={{ color: '#ccc', fontSize: 24 }} />
            </div>
          )}
          <div style={{ minWidth: 200, flex: 1 }}>
            <div style={{ fontSize: 16 }}>
              <b>{p.itemNo}</b> · {names.main}
            </div>
            <div style={{ color: '#595959' }}>{names.other}</div>
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`/products?open=${p.id}`)}>
              {t('openProduct')}
            </Button>
          </div>
          <Statistic title={t('onHand')} value={p.stock.onHand} suffix={p.unit} />
          <Statistic title={t('reserved')} value={p.stock.reserved} />
          <Statistic title={t('available')} value={p.stock.available} styles={{ content: isLow ? { color: '#c0392b' } : {} }} data-testid="stock-available" />
          <Space orientation="vertical" size={4}>
            <span style={{ color: '#595959', fontSize: 12 }}>{t('threshold')}</span>
            <Space.Compact>
              <InputNumber min={0} precision={0} value={low === undefined ? p.lowStockAt : low} onChange={(v) => setLow(v)} placeholder={t('noAlert')} style={{ width: 110 }} data-testid="stock-threshold" />
              <Button
                disabled={low === undefined}
                loading={threshold.isPending}
                onClick={() =>
                  void threshold
                    .mutateAsync({ productId: p.id, lowStockAt: low ?? null })
                    .then(() => {
                      setLow(undefined);
                      void message.success(t('thresholdSaved'));
                    })
                    .catch((e: ApiCallError) => void message.error(e.message))
                }
              >
                {t('set')}
              </Button>
            </Space.Compact>
          </Space>
        </div>
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" icon={<InboxOutlined />} onClick={() => setMoving('receive')} data-testid="stock-receive">
            {t('kinds.receive')}
          </Button>
          <Button onClick={() => setMoving('adjust')} data-testid="stock-adjust">{t('kinds.adjust')}</Button>
          <Button onClick={() => setMoving('count')} data-testid="stock-count">{t('kinds.count')}</Button>
        </Space>
      </Card>
      <History productId={p.id} />
      {moving && <MoveDialog target={target} initialKind={moving} onClose={() => setMoving(null)} />}
    </div>
  );
}

/** Finds a product by item no, barcode or name, as the products page does. */
function ProductPicker({ value, onChange }: { value?: number; onChange: (id: number | undefined) => void }) {
  const { t, i18n } = useTranslation('stock');
  const [text, setText] = useState('');
  const found = useApiQuery('products.search', { query: text, limit: 20 }, { placeholderData: (old) => old });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder={t('pickProduct')}
      filterOption={false}
      onSearch={setText}
      onChange={(v?: number) => onChange(v)}
      style={{ width: 420 }}
      notFoundContent={found.isFetching ? t('searching') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.itemNo} · ${namesFor(p.names, i18n.language).main}` }))}
      data-testid="stock-picker"
    />
  );
}

function LowStock({ onPick }: { onPick: (id: number) => void }) {
  const { t, i18n } = useTranslation('stock');
  const [page, setPage] = useState(1);
  const [moving, setMoving] = useState<MoveTarget | null>(null);
  const pageSize = 50;
  const low = useApiQuery('stock.lowList', { limit: pageSize, offset: (page - 1) * pageSize });
  return (
    <>
      <ResponsiveTable<LowItem>
        fold={[['itemNo', 'category'], ['onHand', 'reserved', 'available'], ['lowStockAt', 'shortBy']]}
        card={{ head: ['itemNo', 'name'], testId: (r) => `low-card-${r.productId}` }}
        size="small"
        rowKey="productId"
        {...paged(low, page, setPage, pageSize, t)}
        data-testid="stock-low"
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: t('noLow') }}
        columns={[
          {
            title: '',
            key: 'photo',
            width: 56,
            render: (_: unknown, r: LowItem) => (r.coverThumbUrl ? <img src={r.coverThumbUrl} alt="" width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} /> : null),
          },
          { title: t('itemNo'), dataIndex: 'itemNo', width: 100, render: (v: string, r: LowItem) => <a onClick={() => onPick(r.productId)}>{v}</a> },
          { title: t('product'), key: 'name', ellipsis: true, render: (_: unknown, r: LowItem) => namesFor(r.names, i18n.language).main },
          { title: t('category'), dataIndex: 'category', width: 130 },
          { title: t('onHand'), key: 'onHand', width: 90, align: 'right' as const, render: (_: unknown, r: LowItem) => r.level.onHand },
          { title: t('reserved'), key: 'reserved', width: 90, align: 'right' as const, render: (_: unknown, r: LowItem) => r.level.reserved },
          { title: t('available'), key: 'available', width: 90, align: 'right' as const, render: (_: unknown, r: LowItem) => <b style={{ color: '#c0392b' }}>{r.level.available}</b> },
          { title: t('alertAt'), dataIndex: 'lowStockAt', width: 90, align: 'right' as const },
          { title: t('shortBy'), dataIndex: 'shortBy', width: 90, align: 'right' as const },
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_: unknown, r: LowItem) => (
              <Button size="small" onClick={() => setMoving({ id: r.productId, itemNo: r.itemNo, name: namesFor(r.names, i18n.language).main, unit: r.unit, stock: r.level })}>
                {t('kinds.receive')}
              </Button>
            ),
          },
        ]}
      />
      {moving && <MoveDialog target={moving} onClose={() => setMoving(null)} />}
    </>
  );
}

function AllMovements() {
  const { t } = useTranslation('stock');
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 10 }} wrap>
        <Select<Kind[]>
          mode="multiple"
          allowClear
          placeholder={t('allKinds')}
          value={kinds}
          onChange={setKinds}
          style={{ minWidth: 260 }}
          options={(['receive', 'adjust', 'reserve', 'release', 'ship'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
      </Space>
      <History kinds={kinds} range={range} />
    </>
  );
}

/** Stock: one product's level, movements and thresholds; the low-stock list; every movement. */
export function StockPage() {
  const { t } = useTranslation('stock');
  const [params, setParams] = useSearchParams();
  const productId = params.get('product') ? Number(params.get('product')) : undefined;
  const tab = params.get('tab') ?? (productId ? 'product' : 'low');
  const pick = (id: number | undefined) => setParams(id ? { tab: 'product', product: String(id) } : { tab: 'product' });
  return (
    <div data-testid="stock-page">
      <h1 className="sk-page-title" style={{ marginBottom: 8 }}>{t('title')}</h1>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key, ...(productId ? { product: String(productId) } : {}) })}
        items={[
          { key: 'low', label: t('tabs.low'), children: <LowStock onPick={pick} /> },
          {
            key: 'product',
            label: t('tabs.product'),
            children: (
              <>
                <div style={{ marginBottom: 12 }}>
                  <ProductPicker value={productId} onChange={pick} />
                </div>
                {productId ? <ProductStock productId={productId} /> : <Empty description={t('pickHint')} />}
              </>
            ),
          },
          { key: 'moves', label: t('tabs.moves'), children: <AllMovements /> },
        ]}
      />
    </div>
  );
}
