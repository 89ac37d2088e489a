import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiCallError, ApiInput, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';
import { FieldCol } from '../../lib/FieldCol';

type Fields = ApiInput<'suppliers.create'>;
type Detail = ApiOutput<'suppliers.get'>;
type Product = Detail['products'][number];
const BALANCE = ['at_delivery', 'monthly', 'days_after_delivery'] as const;

interface Values {
  nameZh: string;
  nameEn?: string;
  contact?: string;
  phone?: string;
  wechat?: string;
  address?: string;
  termsText?: string;
  depositPercent?: number | null;
  balance?: (typeof BALANCE)[number];
  days?: number | null;
  notes?: string;
}

function toValues(s: Detail): Values {
  return {
    nameZh: s.names.zh,
    nameEn: s.names.en,
    contact: s.contact,
    phone: s.phone,
    wechat: s.wechat,
    address: s.address,
    termsText: s.paymentTerms.text,
    depositPercent: s.paymentTerms.depositPercent,
    balance: s.paymentTerms.balance,
    days: s.paymentTerms.days,
    notes: s.notes,
  };
}

function toFields(v: Values): Fields {
  return {
    names: { zh: v.nameZh ?? '', en: v.nameEn ?? '' },
    contact: v.contact ?? '',
    phone: v.phone ?? '',
    wechat: v.wechat ?? '',
    address: v.address ?? '',
    paymentTerms: { text: v.termsText ?? '', depositPercent: v.depositPercent ?? 0, ...(v.balance ? { balance: v.balance } : {}), days: v.days ?? 0 },
    notes: v.notes ?? '',
  };
}

/** Where an API field lands in this form ("names.zh" → nameZh, "paymentTerms.text" → termsText). */
const FORM_FIELDS = {
  within: 'changes',
  rename: { 'names.zh': 'nameZh', 'names.en': 'nameEn', 'paymentTerms.text': 'termsText', 'paymentTerms.depositPercent': 'depositPercent', 'paymentTerms.balance': 'balance', 'paymentTerms.days': 'days' },
} as const;

/** Adds or edits a supplier in a drawer: names, contact, terms, notes; its products with their factory item nos (and cost for the owner); archive. */
export function SupplierEditor({ id, canEdit, onClose }: { id: number | 'new'; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation('suppliers');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const existing = useApiQuery('suppliers.get', { id: id === 'new' ? 0 : id }, { enabled: id !== 'new' });
  const create = useApiMutation('suppliers.create');
  const update = useApiMutation('suppliers.update');
  const archive = useApiMutation('suppliers.archive');
  const s = existing.data;

  useEffect(() => {
    if (s) form.setFieldsValue(toValues(s));
  }, [s, form]);

  const save = async (v: Values) => {
    try {
      if (id === 'new') await create.mutateAsync(toFields(v));
      else await update.mutateAsync({ id, changes: toFields(v) });
      void message.success(t('saved'));
      onClose();
    } catch (error) {
      if (!showFieldError(form, error, FORM_FIELDS)) void message.error((error as ApiCallError).message);
    }
  };

  const toggleArchive = async () => {
    if (!s) return;
    try {
      await archive.mutateAsync({ id: s.id, archived: !s.archived });
      void message.success(s.archived ? t('restored') : t('archivedDone'));
      onClose();
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const text = (name: keyof Values, max: number, extra: Record<string, unknown> = {}) => (
    <Form.Item label={t(`fields.${name}`)} name={name} {...extra}>
      <Input maxLength={max} disabled={!canEdit} data-testid={`supplier-${name}`} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      size="large"
      title={id === 'new' ? t('new') : s ? s.names.zh : ''}
      onClose={onClose}
      extra={
        canEdit && (
          <Space>
            {s && (
              <Popconfirm title={s.archived ? t('restoreConfirm') : t('archiveConfirm')} onConfirm={() => void toggleArchive()}>
                <Button data-testid="supplier-archive">{s.archived ? t('restore') : t('archive')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="supplier-save">
              {t('common:actions.save')}
            </Button>
          </Space>
        )
      }
    >
      {existing.error && <Alert type="error" showIcon title={existing.error.message} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="supplier-form">
        <Row gutter={12}>
          <Col span={12}>{text('nameZh', 200, { rules: [{ required: true, message: t('nameRequired') }] })}</Col>
          <Col span={12}>{text('nameEn', 200)}</Col>
          <Col span={8}>{text('contact', 120)}</Col>
          <Col span={8}>{text('phone', 40)}</Col>
          <Col span={8}>{text('wechat', 60)}</Col>
          <Col span={24}>{text('address', 500)}</Col>
          <Col span={24}>{text('termsText', 500, { extra: t('termsHint') })}</Col>
          <FieldCol span={8} label={t('fields.depositPercent')} name="depositPercent">
            <InputNumber min={0} max={100} suffix="%" disabled={!canEdit} style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol span={8} label={t('fields.balance')} name="balance">
            <Select disabled={!canEdit} options={BALANCE.map((b) => ({ value: b, label: t(`balance.${b}`) }))} allowClear />
          </FieldCol>
          <FieldCol span={8} label={t('fields.days')} name="days">
            <InputNumber min={0} max={365} disabled={!canEdit} style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol span={24} label={t('fields.notes')} name="notes">
            <Input.TextArea rows={2} maxLength={2000} disabled={!canEdit} />
          </FieldCol>
        </Row>
      </Form>
      {s && (
        <Table<Product>
          rowKey="id"
          size="small"
          title={() => <b>{t('productsTitle')}</b>}
          pagination={false}
          dataSource={s.products}
          data-testid="supplier-products"
          locale={{ emptyText: t('noProducts') }}
          columns={[
            { title: t('itemNo'), dataIndex: 'itemNo', width: 110, render: (n: string) => <Link to={`/products?q=${encodeURIComponent(n)}`}>{n}</Link> },
            { title: t('productName'), key: 'name', render: (_, p) => p.names.zh || p.names.en },
            { title: t('supplierItemNo'), dataIndex: 'supplierItemNo', width: 110 },
            // Cost prices only reach the owner (the API leaves them out for staff).
            ...(canEdit ? [{ title: t('cost'), dataIndex: 'costCny', width: 90, align: 'right' as const, render: (c: string | null | undefined) => c ?? '—' }] : []),
          ]}
        />
      )}
    </Drawer>
  );
}
