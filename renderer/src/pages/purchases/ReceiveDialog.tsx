import { Alert, App, Form, Input, InputNumber, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiOutput } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { entryOf } from '../../lib/formErrors';
import { DateInput } from '../../lib/DateInput';
import { todayText } from './format';

type Order = ApiOutput<'purchases.get'>;
interface LineValues {
  qty: number;
  cartons: number;
  damaged: number;
  note: string;
}

/**
 * Goods in: per line the good pieces (into stock), cartons, and any short or damaged pieces with a
 * note; proposed as everything still to come. Never more than ordered (the API names the line).
 */
export function ReceiveDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation('purchases');
  const { message } = App.useApp();
  const receive = useApiMutation('purchases.receive');
  const open = order.lines.filter((l) => l.remaining > 0);
  const [values, setValues] = useState<Record<number, LineValues>>(() =>
    Object.fromEntries(open.map((l) => [l.id, { qty: l.remaining, cartons: l.packing.pcsPerCarton ? Math.ceil(l.remaining / l.packing.pcsPerCarton) : 0, damaged: 0, note: '' }])),
  );
  const [receivedOn, setReceivedOn] = useState(todayText());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const set = (id: number, patch: Partial<LineValues>) => setValues((v) => ({ ...v, [id]: { ...(v[id] as LineValues), ...patch } }));

  const submit = async () => {
    const lines = open
      .map((l) => ({ lineId: l.id, ...(values[l.id] as LineValues) }))
      .filter((l) => l.qty > 0 || l.damaged > 0)
      .map((l) => ({ lineId: l.lineId, qty: l.qty, cartons: l.cartons, damaged: l.damaged, note: l.note.trim() }));
    if (lines.length === 0) {
      setError(t('receive.nothing'));
      return;
    }
    try {
      await receive.mutateAsync({ id: order.id, receivedOn, note: note.trim(), lines });
      void message.success(t('receive.saved'));
      onClose();
    } catch (e) {
      const err = e as ApiCallError;
      // "lines.0.qty" → the line's item no, so the person sees which one.
      const line = entryOf(lines, err.field);
      const item = line ? order.lines.find((l) => l.id === line.lineId)?.itemNo : undefined;
      setError(item ? `${item}: ${err.message}` : err.message);
    }
  };

  return (
    <Modal open width={900} title={t('receive.title', { number: order.number })} onCancel={onClose} onOk={() => void submit()} confirmLoading={receive.isPending} okText={t('receive.ok')} okButtonProps={{ 'data-testid': 'receive-ok' } as never}>
      <div data-testid="receive-dialog">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="receive-error" />}
        <Form layout="inline" style={{ marginBottom: 8 }}>
          <Form.Item label={t('receive.date')}>
            <DateInput value={receivedOn} onChange={setReceivedOn} aria-label={t('receive.date')} />
          </Form.Item>
          <Form.Item label={t('receive.note')}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} style={{ width: 300 }} aria-label={t('receive.note')} />
          </Form.Item>
        </Form>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={open}
          columns={[
            { title: t('itemNo'), dataIndex: 'itemNo', width: 90 },
            { title: t('product'), key: 'name', render: (_, l) => l.names.zh || l.names.en },
            { title: t('remaining'), dataIndex: 'remaining', width: 80, align: 'right' },
            {
              title: t('receive.good'),
              key: 'qty',
              width: 110,
              render: (_, l) => <InputNumber min={0} size="small" value={values[l.id]?.qty} aria-label={`${l.itemNo} ${t('receive.good')}`} onChange={(v) => set(l.id, { qty: v ?? 0 })} data-testid={`receive-qty-${l.itemNo}`} />,
            },
            {
              title: t('receive.cartons'),
              key: 'cartons',
              width: 90,
              render: (_, l) => <InputNumber min={0} size="small" value={values[l.id]?.cartons} aria-label={`${l.itemNo} ${t('receive.cartons')}`} onChange={(v) => set(l.id, { cartons: v ?? 0 })} data-testid={`receive-cartons-${l.itemNo}`} />,
            },
            {
              title: t('receive.damaged'),
              key: 'damaged',
              width: 90,
              render: (_, l) => <InputNumber min={0} size="small" value={values[l.id]?.damaged} aria-label={`${l.itemNo} ${t('receive.damaged')}`} onChange={(v) => set(l.id, { damaged: v ?? 0 })} data-testid={`receive-damaged-${l.itemNo}`} />,
            },
            {
              title: t('receive.lineNote'),
              key: 'note',
              width: 180,
              render: (_, l) => <Input size="small" maxLength={500} value={values[l.id]?.note} aria-label={`${l.itemNo} ${t('receive.lineNote')}`} onChange={(e) => set(l.id, { note: e.target.value })} placeholder={t('receive.notePlaceholder')} data-testid={`receive-note-${l.itemNo}`} />,
            },
          ]}
        />
      </div>
    </Modal>
  );
}
