import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { queryKey } from '../../api/invalidation';
import { showFieldError } from '../../lib/formErrors';
import { FieldCol } from '../../lib/FieldCol';
import { SettingsCard } from './SettingsCard';

interface PinForm {
  currentPin?: string;
  pin: string;
  repeat: string;
}

/** Sets or changes the owner PIN and the idle timeout of the owner unlock. */
export function OwnerSettings() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const client = useQueryClient();
  const status = useApiQuery('auth.status', {});
  const setPin = useApiMutation('auth.setOwnerPin');
  const setIdle = useApiMutation('auth.setIdleMinutes');
  const [form] = Form.useForm<PinForm>();

  if (!status.data) return null;
  const s = status.data;
  const canEdit = s.role === 'owner';

  const savePin = async (values: PinForm) => {
    try {
      const next = await setPin.mutateAsync({ pin: values.pin, ...(s.ownerPinSet ? { currentPin: values.currentPin } : {}) });
      client.setQueryData(queryKey('auth.status', {}), next);
      form.resetFields();
      void message.success(t('owner.pinSaved'));
    } catch (error) {
      showFieldError(form, error, { only: ['currentPin', 'pin'], fallback: 'pin' });
    }
  };

  return (
    <SettingsCard name="owner-settings" title={t('owner.title')}>
      <Alert type={s.ownerPinSet ? 'info' : 'warning'} showIcon message={s.ownerPinSet ? t('owner.hasPin') : t('owner.noPin')} style={{ marginBottom: 12 }} />
      {!canEdit ? (
        <Alert type="info" message={t('owner.needOwner')} />
      ) : (
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form form={form} layout="vertical" onFinish={savePin} requiredMark={false}>
              <Row gutter={12}>
                {s.ownerPinSet && (
                  <FieldCol span={8} name="currentPin" label={t('owner.currentPin')} rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('owner.newPin') }]}>
                    <Input.Password inputMode="numeric" maxLength={8} autoComplete="off" data-testid="owner-current-pin" />
                  </FieldCol>
                )}
                <FieldCol span={8} name="pin" label={t('owner.newPin')} rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('owner.newPin') }]}>
                  <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" data-testid="owner-new-pin" />
                </FieldCol>
                <Col span={8}>
                  <Form.Item
                    name="repeat"
                    label={t('owner.repeatPin')}
                    dependencies={['pin']}
                    rules={[
                      { required: true, message: t('owner.repeatPin') },
                      ({ getFieldValue }) => ({
                        validator: (_rule, value) => (value === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error(t('owner.mismatch')))),
                      }),
                    ]}
                  >
                    <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" data-testid="owner-repeat-pin" />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={setPin.isPending} data-testid="owner-save-pin">
                {s.ownerPinSet ? t('owner.changePin') : t('owner.setPin')}
              </Button>
            </Form>
          </Col>
          {s.ownerPinSet && (
            <Col xs={24} lg={10}>
              <Form
                layout="vertical"
                initialValues={{ minutes: s.idleMinutes }}
                onFinish={async ({ minutes }: { minutes: number }) => {
                  try {
                    client.setQueryData(queryKey('auth.status', {}), await setIdle.mutateAsync({ minutes }));
                    void message.success(t('owner.idleSaved'));
                  } catch (error) {
                    void message.error((error as ApiCallError).message);
                  }
                }}
              >
                <Form.Item label={t('owner.idleMinutes')}>
                  <Space.Compact>
                    <Form.Item name="minutes" noStyle>
                      <InputNumber min={1} max={240} precision={0} style={{ width: 90 }} />
                    </Form.Item>
                    <Button htmlType="submit" loading={setIdle.isPending}>
                      {t('owner.minutes')}
                    </Button>
                  </Space.Compact>
                </Form.Item>
              </Form>
            </Col>
          )}
        </Row>
      )}
    </SettingsCard>
  );
}
