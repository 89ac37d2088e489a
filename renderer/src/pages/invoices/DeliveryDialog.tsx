import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiInput, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { entryOf } from '../../lib/formErrors';
import { DateInput } from '../../lib/DateInput';
import { todayText } from '../purchases/format';

type Deliveries = ApiOutput<'shipments.forInvoice'>;
type Line = Deliveries['lines'][number];

/**
 * A delivery of this PI's goods to the buyer's forwarder: the forwarder (from the list or typed),
 * the warehouse entry number (进仓编号), the date, and per line the pieces (proposed: all still to
 * deliver) and cartons (blank: worked out from the packing).
 */
export function DeliveryDialog({ invoiceId, deliveries, onClose }: { invoiceId: number; deliveries: Deliveries; onClose: () => void }) {
  const { t } = useTranslation('invoices');
  const { message } = App.useApp();
  const forwarders = useApiQuery('shipments.forwarders', {});
  const create = useApiMutation('shipments.create');
  const open = deliveries.lines.filter((l) => l.toDeliver > 0);
  const [qty, setQty] = useState<Record<number, number>>(() => Object.fromEntries(open.map((l) => [l.lineId, l.toDeliver])));
  const [cartons, setCartons] = useState<Record<number, number | null>>({});
  const [forwarder, setForwarder] = useState('');
  const [entryNo, setEntryNo] = useState('');
  const [deliveredOn, setDeliveredOn] = useState(todayText());
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  const submit = async () => {
    const name = forwarder.trim();
    if (!name) {
      setError({ field: 'forwarder', message: t('delivery.forwarderRequired') });
      return;
    }
    const known = (forwarders.data?.items ?? []).find((f) => f.name === name);
    const lines = open
      .filter((l) => (qty[l.lineId] ?? 0) > 0)
      .map((l) => ({ lineId: l.lineId, qty: qty[l.lineId] ?? 0, ...(typeof cartons[l.lineId] === 'number' ? { cartons: cartons[l.lineId] as number } : {}) }));
    if (lines.length === 0) {
      setError({ message: t('delivery.nothing') });
      return;
    }
    const input: ApiInput<'shipments.create'> = {
      invoiceId,
      deliveredOn,
      ...(known ? { forwarderId: known.id } : { forwarder: { name } }),
      entryNo: entryNo.trim(),
      note: note.trim(),
      lines,
    };
    try {
      await create.mutateAsync(input);
      void message.success(t('delivery.saved'));
      onClose();
    } catch (e) {
      const err = e as ApiCallError;
      const line = entryOf(lines, err.field);
      const item = line ? open.find((l) => l.lineId === line.lineId)?.itemNo : undefined;
      setError({ ...(err.field ? { field: err.field } : {}), message: item ? `${item}: ${err.message}` : err.message });
    }
  };

  return (
    <Modal open width={760} title={t('delivery.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending} okText={t('delivery.ok')} okButtonProps={{ 'data-testid': 'delivery-ok' } as never}>
      <div data-testid="delivery-dialog">
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} data-testid="delivery-error" />}
        <Form layout="vertical">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item label={t('delivery.forwarder')} required validateStatus={error?.field?.startsWith('forwarder') ? 'error' : undefined} style={{ flex: '1 1 220px' }}>
              <AutoComplete
                value={forwarder}
                onChange={setForwarder}
                options={(forwarders.data?.items ?? []).map((f) => ({ value: f.name }))}
                filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                data-testid="delivery-forwarder"
                aria-label={t('delivery.forwarder')}
              />
            </Form.Item>
            <Form.Item label={t('delivery.entryNo')} validateStatus={error?.field === 'entryNo' ? 'error' : undefined} style={{ flex: '1 1 160px' }}>
              <Input value={entryNo} onChange={(e) => setEntryNo(e.target.value)} maxLength={60} data-testid="delivery-entry-no" aria-label={t('delivery.entryNo')} />
            </Form.Item>
            <Form.Item label={t('delivery.date')}>
              <DateInput value={deliveredOn} onChange={setDeliveredOn} data-testid="delivery-date" aria-label={t('delivery.date')} />
            </Form.Item>
          </div>
          <Form.Item label={t('delivery.note')}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} aria-label={t('delivery.note')} />
          </Form.Item>
        </Form>
        <p className="sk-muted">{t('delivery.cartonsFrom', { n: deliveries.nextCartonNo })}</p>
        <Table<Line>
          rowKey="lineId"
          size="small"
          pagination={false}
          dataSource={open}
          columns={[
            { title: '#', dataIndex: 'no', width: 40 },
            { title: t('delivery.itemNo'), dataIndex: 'itemNo' },
            { title: t('delivery.toDeliver'), dataIndex: 'toDeliver', width: 100, align: 'right' },
            {
              title: t('delivery.qty'),
              key: 'qty',
              width: 120,
              render: (_, l) => <InputNumber min={0} max={l.toDeliver} size="small" value={qty[l.lineId]} aria-label={`${l.itemNo} ${t('delivery.qty')}`} onChange={(v) => setQty((o) => ({ ...o, [l.lineId]: v ?? 0 }))} data-testid={`delivery-qty-${l.itemNo}`} />,
            },
            {
              title: t('delivery.cartons'),
              key: 'cartons',
              width: 120,
              render: (_, l) => (
                <InputNumber min={0} size="small" placeholder={t('delivery.auto')} value={cartons[l.lineId] ?? null} aria-label={`${l.itemNo} ${t('delivery.cartons')}`} onChange={(v) => setCartons((o) => ({ ...o, [l.lineId]: v }))} data-testid={`delivery-cartons-${l.itemNo}`} />
              ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
