import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiLocale, isUnpaired, needsLaunchKey, onUnpairedChange } from '../api/client';
import { showFieldError } from '../lib/formErrors';

/**
 * On a tablet or phone that is not paired (every API call answers 401), the
 * pages give way to the pairing screen: the PIN shown on the shop PC and a
 * name for the device. The server then sets an HttpOnly cookie and the app reloads.
 */
export function PairGate({ children }: { children: ReactNode }) {
  const unpaired = useSyncExternalStore(onUnpairedChange, isUnpaired);
  if (!unpaired) return children;
  return needsLaunchKey() ? <KeyPage /> : <PairPage />;
}

/** The shop PC's browser opened without this launch's key (browser mode): where to find the address that has it. */
function KeyPage() {
  const { t } = useTranslation('security');
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 24 }} data-testid="key-page">
      <Card title={t('key.title')} style={{ width: '100%', maxWidth: 520 }}>
        <Typography.Paragraph>{t('key.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('key.howTo')}</Typography.Paragraph>
      </Card>
    </div>
  );
}

function PairPage() {
  const { t } = useTranslation('security');
  const [form] = Form.useForm<{ pin: string; name: string }>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (values: { pin: string; name: string }) => {
    setBusy(true);
    try {
      const response = await fetch('./pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Stallkeeper-Locale': apiLocale() },
        body: JSON.stringify(values),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => null)) as { error?: { message: string; field?: string } } | null;
      if (!response.ok) {
        showFieldError(form, body?.error ?? { message: `HTTP ${response.status}` }, { only: ['name', 'pin'], fallback: 'pin' });
        return;
      }
      setDone(true);
      window.location.reload();
    } catch {
      form.setFields([{ name: 'pin', errors: [t('pair.failed')] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 24 }} data-testid="pair-page">
      <Card title={t('pair.title')} style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Paragraph>{t('pair.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('pair.howTo')}</Typography.Paragraph>
        {done && <Alert type="success" message={t('pair.done')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ name: '' }}>
          <Form.Item name="pin" label={t('pair.pin')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('pair.howTo') }]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" size="large" style={{ letterSpacing: 8, fontSize: 24 }} data-testid="pair-pin" />
          </Form.Item>
          <Form.Item name="name" label={t('pair.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input maxLength={60} placeholder={t('pair.namePlaceholder')} data-testid="pair-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="pair-submit">
            {t('pair.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
