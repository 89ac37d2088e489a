import { CheckOutlined, DeleteOutlined, FileExcelOutlined, InboxOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, type ApiCallError, type ApiInput, type ApiOutput } from '../../api/client';
import { RecordTitle } from '../../layout/RecordTitle';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';
import { DateInput } from '../../lib/DateInput';
import { DocumentButton } from '../documents/DocumentButton';
import { download } from '../products/format';
import { PAYMENT_METHODS, errorText, groupDigits } from '../quotes/format';
import { PO_COLORS, todayText } from './format';
import { ReceiveDialog } from './ReceiveDialog';

type Order = ApiOutput<'purchases.get'>;
type Line = Order['lines'][number];
type LineInput = NonNullable<ApiInput<'purchases.update'>['changes']['lines']>[number];

interface Details {
  deliveryDate?: string;
  requirements?: string;
  shippingMarks?: string;
  notes?: string;
}

/** A draft's lines as edited here: pieces, cartons and unit cost per line; lines added from the supplier's products. */
function DraftLines({ order }: { order: Order }) {
  const { t } = useTranslation('purchases');
  const { message } = App.useApp();
  const update = useApiMutation('purchases.update');
  const supplier = useApiQuery('suppliers.get', { id: order.supplier.id });
  // Keyed by the order's updatedAt: a saved order starts these lines afresh.
  const [lines, setLines] = useState<LineInput[]>(() => order.lines.map((l) => ({ id: l.id, qty: l.qty, cartons: l.cartons, costCny: l.costCny, note: l.note })));
  const set = (i: number, patch: Partial<LineInput>) => setLines((old) => old.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const save = async () => {
    try {
      await update.mutateAsync({ id: order.id, changes: { lines } });
      void message.success(t('saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const known = new Map(order.lines.map((l) => [l.id, l]));
  return (
    <Card size="small" title={t('lines')} extra={<Button type="primary" size="small" onClick={() => void save()} loading={update.isPending} data-testid="po-lines-save">{t('saveLines')}</Button>}>
      <Table<LineInput>
        rowKey={(l) => String(l.id ?? `new-${l.productId}`)}
        size="small"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: t('itemNo'), key: 'item', width: 100, render: (_, l) => (l.id ? known.get(l.id)?.itemNo : supplier.data?.products.find((p) => p.id === l.productId)?.itemNo) },
          { title: t('product'), key: 'name', render: (_, l) => { const k = l.id ? known.get(l.id) : undefined; return k ? k.names.zh || k.names.en : supplier.data?.products.find((p) => p.id === l.productId)?.names.zh; } },
          { title: t('qty'), key: 'qty', width: 120, render: (_, l, i) => <InputNumber size="small" min={1} value={l.qty} aria-label={`${i + 1} ${t('qty')}`} onChange={(v) => set(i, { qty: v ?? 1 })} data-testid={`po-qty-${i}`} /> },
          { title: t('cartons'), key: 'cartons', width: 100, render: (_, l, i) => <InputNumber size="small" min={0} value={l.cartons} aria-label={`${i + 1} ${t('cartons')}`} onChange={(v) => set(i, { cartons: v ?? 0 })} /> },
          { title: t('unitCost'), key: 'cost', width: 120, render: (_, l, i) => <Input size="small" inputMode="decimal" value={l.costCny ?? ''} aria-label={`${i + 1} ${t('unitCost')}`} onChange={(e) => set(i, { costCny: e.target.value.trim() || null })} data-testid={`po-cost-${i}`} /> },
          { title: t('note'), key: 'note', render: (_, l, i) => <Input size="small" maxLength={500} value={l.note ?? ''} aria-label={`${i + 1} ${t('note')}`} onChange={(e) => set(i, { note: e.target.value })} /> },
          { title: '', key: 'x', width: 40, render: (_, _l, i) => <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('removeLine')} disabled={lines.length === 1} onClick={() => setLines((old) => old.filter((_, j) => j !== i))} /> },
        ]}
      />
      <Select
        style={{ width: 320, marginTop: 8 }}
        placeholder={t('addLine')}
        aria-label={t('addLine')}
        value={null}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(productId: number) => setLines((old) => [...old, { productId, qty: 1 }])}
        options={(supplier.data?.products ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: `${p.itemNo} ${p.names.zh || p.names.en}` }))}
      />
    </Card>
  );
}

/** One purchase order: its factory, PI, lines, goods in and payments; place, receive, close or cancel it; XLSX and PDF. */
export function PurchaseScreen() {
  const { t } = useTranslation('purchases');
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const query = useApiQuery('purchases.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const update = useApiMutation('purchases.update');
  const place = useApiMutation('purchases.order');
  const close = useApiMutation('purchases.close');
  const cancel = useApiMutation('purchases.cancel');
  const pay = useApiMutation('purchases.addPayment');
  const unpay = useApiMutation('purchases.removePayment');
  const [form] = Form.useForm<Details>();
  const [payForm] = Form.useForm<{ amount: string; method: (typeof PAYMENT_METHODS)[number]; paidOn: string; reference?: string }>();
  const [receiving, setReceiving] = useState(false);
  const o = query.data;

  useEffect(() => {
    if (!o) return;
    form.setFieldsValue({ deliveryDate: o.deliveryDate ?? '', requirements: o.requirements, shippingMarks: o.shippingMarks, notes: o.notes });
    payForm.setFieldsValue({ amount: o.costDue, method: 'tt', paidOn: todayText(), reference: '' });
  }, [o, form, payForm]);

  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  if (!o) return <Skeleton active />;
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const saveDetails = (v: Details) =>
    run(() => update.mutateAsync({ id: o.id, changes: { deliveryDate: v.deliveryDate || null, requirements: v.requirements ?? '', shippingMarks: v.shippingMarks ?? '', notes: v.notes ?? '' } }), t('saved'));
  const askCancel = () => {
    let reason = '';
    modal.confirm({
      title: t('cancelTitle', { number: o.number }),
      content: <Input.TextArea rows={2} maxLength={500} placeholder={t('cancelReason')} onChange={(e) => (reason = e.target.value)} />,
      okButtonProps: { danger: true },
      onOk: () => run(() => cancel.mutateAsync({ id: o.id, reason: reason.trim() || t('noReason') }), t('cancelled')),
    });
  };
  const exportXlsx = () => run(async () => { const f = await call('purchases.exportXlsx', { id: o.id, lang: 'bi' }); download({ ...f, dataBase64: f.base64 }); }, t('exported'));
  const addPayment = (v: { amount: string; method: (typeof PAYMENT_METHODS)[number]; paidOn: string; reference?: string }) =>
    pay.mutateAsync({ id: o.id, amount: v.amount.trim(), method: v.method, paidOn: v.paidOn, reference: v.reference ?? '' }).then(
      () => void message.success(t('payments.saved')),
      (error: ApiCallError) => showFieldError(payForm, error, { only: ['amount', 'method', 'paidOn', 'reference'], fallback: 'amount' }),
    );
  const editable = o.status !== 'received' && o.status !== 'closed' && o.status !== 'cancelled';
  const receivable = o.status === 'ordered' || o.status === 'partly_received';

  return (
    <div data-testid="purchase-screen">
      <div className="sk-quote-head">
        <RecordTitle back={{ to: '/purchases', label: t('back') }} number={o.number} numberTestId="po-number" status={{ label: t(`statuses.${o.status}`), color: PO_COLORS[o.status], testId: 'po-status' }}>
          {o.late && <Tag color="red">{t('late')}</Tag>}
          <span>
            {o.supplier.names.zh}
            {o.supplier.phone && <span className="sk-muted"> · {o.supplier.phone}</span>}
            {o.supplier.wechat && <span className="sk-muted"> · WeChat {o.supplier.wechat}</span>}
          </span>
          {o.invoice ? (
            <span className="sk-muted">
              {t('forInvoice')} <Link to={`/invoices/${o.invoice.id}`}>{o.invoice.number}</Link> · <bdi>{o.invoice.buyer.company}</bdi>
            </span>
          ) : (
            <Tag>{t('forStock')}</Tag>
          )}
        </RecordTitle>
        <Space size={6} wrap>
          {o.status === 'draft' && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => void run(() => place.mutateAsync({ id: o.id }), t('placed'))} loading={place.isPending} data-testid="po-place">
              {t('place')}
            </Button>
          )}
          {receivable && (
            <Button type="primary" icon={<InboxOutlined />} onClick={() => setReceiving(true)} data-testid="po-receive">
              {t('receive.button')}
            </Button>
          )}
          {(o.status === 'partly_received' || o.status === 'received') && (
            <Button icon={<CheckOutlined />} onClick={() => void run(() => close.mutateAsync({ id: o.id }), t('closedDone'))} data-testid="po-close">
              {t('close')}
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="po-xlsx">
            XLSX
          </Button>
          <DocumentButton kinds={['purchaseOrder']} id={o.id} defaultLang="zh" testId="po-pdf" />
          {(o.status === 'draft' || o.status === 'ordered') && o.receipts.length === 0 && (
            <Button danger icon={<StopOutlined />} onClick={askCancel} data-testid="po-cancel">
              {t('cancel')}
            </Button>
          )}
        </Space>
      </div>
      {o.status === 'cancelled' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('cancelledNote', { reason: o.cancelReason })} />}
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          {o.status === 'draft' ? (
            <DraftLines key={o.updatedAt} order={o} />
          ) : (
            <Table<Line>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.lines}
              data-testid="po-lines"
              columns={[
                { title: '#', dataIndex: 'no', width: 40 },
                { title: t('itemNo'), key: 'item', width: 110, render: (_, l) => <>{l.itemNo}{l.supplierItemNo && <div className="sk-muted">{l.supplierItemNo}</div>}</> },
                { title: t('product'), key: 'name', render: (_, l) => <>{l.names.zh || l.names.en}{l.note && <div className="sk-muted">{l.note}</div>}</> },
                { title: t('qty'), dataIndex: 'qty', width: 80, align: 'right', render: (q: number) => groupDigits(String(q)) },
                { title: t('cartons'), dataIndex: 'cartons', width: 70, align: 'right' },
                { title: t('unitCost'), dataIndex: 'costCny', width: 90, align: 'right', render: (c: string | null) => c ?? '—' },
                { title: t('amount'), dataIndex: 'costAmount', width: 100, align: 'right', render: (a: string) => groupDigits(a) },
                {
                  title: t('receivedCol'),
                  key: 'received',
                  width: 120,
                  align: 'right',
                  render: (_, l) => (
                    <span data-testid={`po-received-${l.itemNo}`}>
                      {l.received} / {l.qty}
                      {l.damaged > 0 && <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{t('damagedN', { n: l.damaged })}</Tag>}
                    </span>
                  ),
                },
              ]}
            />
          )}
          {o.receipts.length > 0 && (
            <Card size="small" title={t('receipts')} style={{ marginTop: 8 }} data-testid="po-receipts">
              {o.receipts.map((r) => (
                <div key={r.id} style={{ marginBottom: 4 }}>
                  <b>{r.receivedOn}</b> {r.lines.map((l) => `${l.itemNo} ×${l.qty}${l.damaged ? ` (${t('damagedN', { n: l.damaged })})` : ''}${l.note ? ` — ${l.note}` : ''}`).join(' · ')}
                  {r.note && <span className="sk-muted"> · {r.note}</span>}
                </div>
              ))}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('details')}>
            <Form form={form} layout="vertical" size="small" onFinish={(v) => void saveDetails(v)} disabled={!editable}>
              <Form.Item name="deliveryDate" label={t('deliveryDate')}>
                <DateInput data-testid="po-delivery-date" />
              </Form.Item>
              <Form.Item name="requirements" label={t('requirements')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="shippingMarks" label={t('shippingMarks')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item name="notes" label={t('notes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
            </Form>
          </Card>
          <Card size="small" title={t('payments.title')} style={{ marginTop: 8 }} data-testid="po-payments">
            <div className="sk-total-row"><span>{t('total')}</span><span>¥ {groupDigits(o.costTotal)}</span></div>
            <div className="sk-total-row"><span>{t('costReceived')}</span><span>¥ {groupDigits(o.costReceived)}</span></div>
            <div className="sk-total-row"><span>{t('paid')}</span><span>¥ {groupDigits(o.paid)}</span></div>
            <div className="sk-total-row sk-total-strong"><span>{t('due')}</span><span data-testid="po-due">¥ {groupDigits(o.costDue)}</span></div>
            {o.payments.map((p) => (
              <div key={p.id} className="sk-total-row">
                <span>{p.paidOn} · {t(`invoices:methods.${p.method}`)} {p.reference}</span>
                <span>
                  {groupDigits(p.amount)}
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('payments.remove')} onClick={() => void run(() => unpay.mutateAsync({ id: o.id, paymentId: p.id }), t('payments.removed'))} />
                </span>
              </div>
            ))}
            {o.status !== 'cancelled' && (
              <Form form={payForm} layout="inline" size="small" onFinish={(v) => void addPayment(v)} style={{ marginTop: 8, rowGap: 6 }}>
                <Form.Item name="amount" rules={[{ required: true }]}>
                  <Input inputMode="decimal" prefix="¥" style={{ width: 110 }} aria-label={t('payments.amount')} data-testid="po-pay-amount" />
                </Form.Item>
                <Form.Item name="method">
                  <Select style={{ width: 110 }} aria-label={t('payments.method')} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`invoices:methods.${m}`) }))} />
                </Form.Item>
                <Form.Item name="paidOn">
                  <DateInput style={{ width: 124 }} aria-label={t('payments.date')} />
                </Form.Item>
                <Form.Item name="reference">
                  <Input placeholder={t('payments.reference')} aria-label={t('payments.reference')} maxLength={120} style={{ width: 100 }} />
                </Form.Item>
                <Button htmlType="submit" loading={pay.isPending} data-testid="po-pay-submit">
                  {t('payments.record')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
      </Row>
      {receiving && <ReceiveDialog order={o} onClose={() => setReceiving(false)} />}
    </div>
  );
}
