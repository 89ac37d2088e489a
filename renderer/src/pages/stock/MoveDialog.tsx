import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Segmented, Statistic, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';

export type MoveKind = 'receive' | 'adjust' | 'count';

export interface MoveTarget {
  id: number;
  itemNo: string;
  name: string;
  unit: string;
  stock: { onHand: number; reserved: number; available: number };
}

interface Values {
  qty?: number;
  counted?: number;
  reference?: string;
  reason?: string;
  note?: string;
  movedAt?: Dayjs;
}

const REASONS = ['broken', 'lost', 'found', 'samples', 'returned', 'countCorrection'] as const;

/** Receive goods, adjust with a reason, or enter a stock count, for one product. */
export function MoveDialog({ target, initialKind = 'receive', onClose }: { target: MoveTarget; initialKind?: MoveKind; onClose: () => void }) {
  const { t } = useTranslation('stock');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<MoveKind>(initialKind);
  const receive = useApiMutation('stock.receive');
  const adjust = useApiMutation('stock.adjust');
  const count = useApiMutation('stock.count');
  const pending = receive.isPending || adjust.isPending || count.isPending;

  const submit = async (v: Values) => {
    const movedAt = v.movedAt && !v.movedAt.isSame(dayjs(), 'day') ? v.movedAt.hour(12).toISOString() : undefined;
    const common = { productId: target.id, ...(v.note ? { note: v.note } : {}), ...(movedAt ? { movedAt } : {}) };
    try {
      const result =
        kind === 'receive'
          ? await receive.mutateAsync({ ...common, qty: v.qty ?? 0, ...(v.reference ? { reference: v.reference } : {}) })
          : kind === 'adjust'
            ? await adjust.mutateAsync({ ...common, qty: v.qty ?? 0, reason: v.reason ?? '' })
            : await count.mutateAsync({ ...common, counted: v.counted ?? -1, ...(v.reason ? { reason: v.reason } : {}) });
      void message.success(t('saved', { available: result.level.available, unit: target.unit }));
      onClose();
    } catch (error) {
      if (!showFieldError(form, error, { only: ['qty', 'counted', 'reason', 'reference', 'note', 'movedAt'] })) void message.error((error as ApiCallError).message);
    }
  };

  return (
    <Modal
      open
      title={`${t(`kinds.${kind}`)} · ${target.itemNo}`}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'move-save' } as Record<string, string>}
    >
      <div style={{ color: '#555', marginBottom: 12 }}>{target.name}</div>
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic title={t('onHand')} value={target.stock.onHand} />
        <Statistic title={t('reserved')} value={target.stock.reserved} />
        <Statistic title={t('available')} value={target.stock.available} />
      </Space>
      <Segmented<MoveKind>
        block
        value={kind}
        onChange={(k) => {
          setKind(k);
          form.resetFields(['qty', 'counted', 'reason']);
        }}
        options={(['receive', 'adjust', 'count'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="move-kind"
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ movedAt: dayjs() }}>
        {kind === 'count' ? (
          <Form.Item name="counted" label={t('counted', { unit: target.unit })} extra={t('countHint', { onHand: target.stock.onHand })} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} autoFocus data-testid="move-counted" />
          </Form.Item>
        ) : (
          <Form.Item
            name="qty"
            label={kind === 'receive' ? t('qtyReceived', { unit: target.unit }) : t('qtyAdjust', { unit: target.unit })}
            extra={kind === 'adjust' ? t('adjustHint') : undefined}
            rules={[{ required: true, message: t('required') }]}
          >
            <InputNumber min={kind === 'receive' ? 1 : undefined} precision={0} style={{ width: '100%' }} autoFocus data-testid="move-qty" />
          </Form.Item>
        )}
        {kind === 'receive' && (
          <Form.Item name="reference" label={t('reference')}>
            <Input maxLength={80} placeholder={t('referencePlaceholder')} data-testid="move-reference" />
          </Form.Item>
        )}
        {kind !== 'receive' && (
          <Form.Item name="reason" label={t('reason')} rules={kind === 'adjust' ? [{ required: true, message: t('reasonRequired') }] : []}>
            <AutoComplete options={REASONS.map((r) => ({ value: t(`reasons.${r}`) }))} maxLength={120} data-testid="move-reason" />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="movedAt" label={t('date')} style={{ width: 200, marginRight: 12 }}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('note')} style={{ flex: 1 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}
