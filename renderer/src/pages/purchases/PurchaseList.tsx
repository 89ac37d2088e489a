import { ListHead, openOnClick, pagedRows } from '../../layout/PagedList';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiCallError, ApiInput, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { groupDigits } from '../quotes/format';
import { PO_COLORS, PO_STATUSES, type PoStatus } from './format';
import { ResponsiveTable } from '../../layout/ResponsiveTable';

type Row = ApiOutput<'purchases.list'>['items'][number];

/** A supplier picker over suppliers.list (active ones). */
export function SupplierSelect({ value, onChange, placeholder, testId, allowClear }: { value?: number | undefined; onChange?: (v: number | undefined) => void; placeholder?: string; testId?: string; allowClear?: boolean }) {
  const list = useApiQuery('suppliers.list', { limit: 500 });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: 200 }}
      value={value}
      onChange={(v: number | undefined) => onChange?.(v)}
      data-testid={testId}
      options={(list.data?.items ?? []).map((s) => ({ value: s.id, label: s.names.en ? `${s.names.zh} · ${s.names.en}` : s.names.zh }))}
    />
  );
}

/** A draft purchase order for stock (no PI): a supplier and one of its products; more lines in the editor. */
function NewOrderModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('purchases');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ supplierId: number; productId: number; qty: number }>();
  const supplierId = Form.useWatch('supplierId', form);
  const supplier = useApiQuery('suppliers.get', { id: supplierId ?? 0 }, { enabled: Boolean(supplierId) });
  const create = useApiMutation('purchases.create');
  const submit = async (v: { supplierId: number; productId: number; qty: number }) => {
    try {
      const input: ApiInput<'purchases.create'> = { supplierId: v.supplierId, lines: [{ productId: v.productId, qty: v.qty }] };
      const order = await create.mutateAsync(input);
      navigate(`/purchases/${order.id}`);
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };
  return (
    <Modal open title={t('newForStock')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="supplierId" label={t('supplier')} rules={[{ required: true }]}>
          <SupplierSelect />
        </Form.Item>
        <Form.Item name="productId" label={t('product')} rules={[{ required: true }]}>
          <Select options={(supplier.data?.products ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: `${p.itemNo} ${p.names.zh || p.names.en}` }))} />
        </Form.Item>
        <Form.Item name="qty" label={t('qty')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /purchases: every purchase order, newest first, by status, supplier or a search on numbers (its own or its PI's). */
export function PurchaseList() {
  const { t } = useTranslation('purchases');
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<PoStatus[]>([]);
  const [supplierId, setSupplierId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const pageSize = 50;
  const list = useApiQuery('purchases.list', {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(status.length ? { status } : {}),
    ...(supplierId ? { supplierId } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  });

  return (
    <div data-testid="purchases-page">
      <ListHead title={t('title')}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 200 }} onSearch={(v) => { setSearch(v); setPage(1); }} />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('status')}
          style={{ minWidth: 170 }}
          value={status}
          onChange={(v: PoStatus[]) => { setStatus(v); setPage(1); }}
          options={PO_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <SupplierSelect allowClear placeholder={t('supplier')} value={supplierId} onChange={(v) => { setSupplierId(v); setPage(1); }} />
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="purchase-new">
          {t('newForStock')}
        </Button>
      </ListHead>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Row>
        card={{ head: ['number', 'status'], onOpen: (r) => navigate(`/purchases/${r.id}`), label: (r) => r.number }}
        fold={[['orderDate', 'deliveryDate'], ['total', 'paid']]}
        rowKey="id"
        size="small"
        {...pagedRows(list, { page, pageSize, onChange: setPage }, (total) => t('common:total', { count: total }))}
        locale={{ emptyText: t('empty') }}
        onRow={openOnClick((r) => navigate(`/purchases/${r.id}`))}
        columns={[
          { title: t('number'), dataIndex: 'number', width: 130, render: (n: string) => <b>{n}</b> },
          { title: t('supplier'), key: 'supplier', render: (_, r) => r.supplier.name },
          {
            title: t('invoice'),
            key: 'invoice',
            width: 150,
            render: (_, r) => (r.invoice ? <Link to={`/invoices/${r.invoice.id}`} onClick={(e) => e.stopPropagation()}>{r.invoice.number}</Link> : <span className="sk-muted">{t('forStock')}</span>),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 120,
            render: (s: PoStatus, r) => (
              <>
                <Tag color={PO_COLORS[s]}>{t(`statuses.${s}`)}</Tag>
                {r.late && <Tag color="red">{t('late')}</Tag>}
              </>
            ),
          },
          { title: t('orderDate'), dataIndex: 'orderDate', width: 100 },
          { title: t('deliveryDate'), dataIndex: 'deliveryDate', width: 100, render: (d: string | null) => d ?? '—' },
          { title: t('receivedOfOrdered'), key: 'qty', width: 120, align: 'right', render: (_, r) => `${groupDigits(String(r.receivedQty))} / ${groupDigits(String(r.orderedQty))}` },
          { title: t('total'), key: 'total', width: 120, align: 'right', render: (_, r) => `¥ ${groupDigits(r.costTotal)}` },
          { title: t('paid'), key: 'paid', width: 110, align: 'right', render: (_, r) => groupDigits(r.paid) },
        ]}
      />
      {creating && <NewOrderModal onClose={() => setCreating(false)} />}
    </div>
  );
}
