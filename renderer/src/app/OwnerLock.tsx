import { LockOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { queryKey, refreshAll } from '../api/invalidation';
import { showFieldError } from '../lib/formErrors';

/**
 * The header's lock: shows whether this seat is the owner (cost prices,
 * settings) or staff, locks with one click, unlocks with the owner PIN.
 * Before a PIN is set it asks for one. `compact` (a phone's header): the icon alone, its words as its label.
 */
export function OwnerLock({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const status = useApiQuery('auth.status', {}, { refetchInterval: 60_000 });
  const unlock = useApiMutation('auth.unlock');
  const lock = useApiMutation('auth.lock');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ pin: string }>();

  // Whenever the role changes (unlock, lock, idle timeout), every page refetches: cost columns come and go.
  const role = status.data?.role;
  const lastRole = useRef(role);
  useEffect(() => {
    if (role && lastRole.current && role !== lastRole.current) {
      void refreshAll(client, { fresh: [queryKey('auth.status', {})] });
    }
    lastRole.current = role;
  }, [role, client]);

  // Ask again the moment the unlock would end.
  const until = status.data?.unlockedUntil;
  const refetch = status.refetch;
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => void refetch(), Math.max(1000, Date.parse(until) - Date.now() + 500));
    return () => clearTimeout(timer);
  }, [until, refetch]);

  if (!status.data) return null;
  const s = status.data;

  const done = (next: typeof s) => {
    client.setQueryData(queryKey('auth.status', {}), next);
  };

  const submit = async ({ pin }: { pin: string }) => {
    try {
      done(await unlock.mutateAsync({ pin }));
      setOpen(false);
      form.resetFields();
      void message.success(t('lock.unlocked'));
    } catch (error) {
      showFieldError(form, error, { only: ['pin'], fallback: 'pin' });
    }
  };

  if (!s.ownerPinSet && s.seat === 'pc') {
    return (
      <Tooltip title={t('lock.setPinHint')}>
        <Button icon={<WarningOutlined />} onClick={() => navigate('/settings')} data-testid="owner-lock" style={{ color: '#ad4e00', borderColor: '#ffd591' }} aria-label={compact ? t('lock.setPin') : undefined}>
          {!compact && t('lock.setPin')}
        </Button>
      </Tooltip>
    );
  }

  if (s.role === 'owner') {
    return (
      <Tooltip title={`${t('lock.ownerHint')} ${t('lock.until', { minutes: s.idleMinutes })}`}>
        <Button
          icon={<UnlockOutlined />}
          data-testid="owner-lock"
          data-role="owner"
          aria-label={compact ? t('lock.owner') : undefined}
          onClick={async () => {
            done(await lock.mutateAsync({}));
            void message.info(t('lock.locked'));
          }}
        >
          {!compact && t('lock.owner')}
        </Button>
      </Tooltip>
    );
  }

  return (
    <>
      <Tooltip title={s.canUnlock ? t('lock.staffHint') : t('lock.deviceHint')}>
        <Button icon={<LockOutlined />} data-testid="owner-lock" data-role="staff" disabled={!s.canUnlock} onClick={() => setOpen(true)} aria-label={compact ? t('lock.staff') : undefined}>
          {!compact && t('lock.staff')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('lock.unlockTitle')}
        okText={t('lock.unlock')}
        onOk={() => form.submit()}
        confirmLoading={unlock.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={360}
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="pin" label={t('lock.pin')} rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('owner.newPin') }]}>
            <Input.Password autoFocus inputMode="numeric" maxLength={8} autoComplete="off" data-testid="unlock-pin" onPressEnter={() => form.submit()} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
