import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';

interface Values {
  priceDecimals: number;
  containers: Array<{ code: string; capacityCbm: string; payloadKg: number }>;
}

/** The owner's quotation settings: default price decimals and the containers of the fill bar. */
export function QuoteSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('quotes');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useApiQuery('quotes.settings', {}, { enabled: open });
  const update = useApiMutation('quotes.updateSettings');

  const save = async (v: Values) => {
    try {
      await update.mutateAsync({ priceDecimals: v.priceDecimals, containers: v.containers.map((c) => ({ code: c.code, capacityCbm: c.capacityCbm, payloadKg: c.payloadKg })) });
      void message.success(t('settings.saved'));
      onClose();
    } catch (error) {
      if (!showFieldError(form, error)) void message.error((error as ApiCallError).message);
    }
  };

  return (
    <Modal
      open={open && Boolean(settings.data)}
      title={t('settings.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
      width={560}
    >
      {settings.data && (
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ priceDecimals: settings.data.priceDecimals, containers: settings.data.containers.map((c) => ({ ...c, payloadKg: Number(c.payloadKg) })) }} requiredMark={false}>
          <Form.Item label={t('terms.priceDecimals')} name="priceDecimals" extra={t('terms.priceDecimalsHint')}>
            <Select style={{ width: 120 }} options={[0, 1, 2, 3, 4].map((d) => ({ value: d, label: String(d) }))} />
          </Form.Item>
          <div style={{ marginBottom: 8 }}>{t('settings.containers')}</div>
          <p style={{ color: '#595959', fontSize: 12, marginTop: 0 }}>{t('settings.containersHint')}</p>
          <Form.List name="containers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: t('settings.codeRequired') }]} style={{ width: 100 }}>
                      <Input maxLength={12} placeholder="40HQ" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacityCbm']} style={{ width: 150 }}>
                      <Input inputMode="decimal" suffix="m³" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'payloadKg']} style={{ width: 160 }}>
                      <InputNumber min={100} max={60000} precision={0} suffix="kg" style={{ width: '100%' }} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('lines.remove')} disabled={fields.length <= 1} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ code: '', capacityCbm: '', payloadKg: 26500 })}>
                  {t('settings.addContainer')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
