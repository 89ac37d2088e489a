import { Alert, App, Button, Col, Empty, Popconfirm, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { settingsCard } from './SettingsCard';

type Device = ApiOutput<'network.status'>['devices'][number];

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The local-network switch, pairing (PIN and QR code) and the paired devices. */
export function NetworkSettings() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const auth = useApiQuery('auth.status', {});
  const isOwner = auth.data?.role === 'owner';
  const status = useApiQuery('network.status', {}, { enabled: isOwner, refetchInterval: (q) => (q.state.data?.pairing ? 5_000 : 30_000) });
  const setEnabled = useApiMutation('network.setEnabled');
  const start = useApiMutation('network.startPairing');
  const stop = useApiMutation('network.stopPairing');
  const revoke = useApiMutation('network.revokeDevice');
  const allow = useApiMutation('network.allowOwner');

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const card = settingsCard({ name: 'network-settings', title: t('network.title'), intro: t('network.intro') });

  if (!isOwner) return card(<Alert type="info" message={t('owner.needOwner')} />);
  if (!status.data) return card(null);
  const s = status.data;

  const columns = [
    { title: t('network.device'), dataIndex: 'name', key: 'name' },
    { title: t('network.pairedAt'), key: 'pairedAt', width: 160, render: (_: unknown, d: Device) => when(d.pairedAt) },
    { title: t('network.lastSeen'), key: 'lastSeen', width: 160, render: (_: unknown, d: Device) => when(d.lastSeenAt) },
    {
      title: t('network.allowOwner'),
      key: 'allowOwner',
      width: 150,
      render: (_: unknown, d: Device) => (
        <Switch size="small" checked={d.allowOwner} disabled={Boolean(d.revokedAt)} onChange={(allowOwner) => run(() => allow.mutateAsync({ id: d.id, allow: allowOwner }))} />
      ),
    },
    {
      title: '',
      key: 'revoke',
      width: 190,
      render: (_: unknown, d: Device) =>
        d.revokedAt ? (
          <Tag>{t('network.revokedOn', { time: when(d.revokedAt) })}</Tag>
        ) : (
          <Popconfirm title={t('network.revokeConfirm')} onConfirm={() => run(() => revoke.mutateAsync({ id: d.id }))}>
            <Button size="small" danger data-testid={`revoke-${d.id}`}>
              {t('network.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return card(
    <>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Switch
          checked={s.lan.listening}
          loading={setEnabled.isPending}
          onChange={(enabled) => run(() => setEnabled.mutateAsync({ enabled }))}
          checkedChildren={t('network.on')}
          unCheckedChildren={t('network.off')}
          data-testid="lan-switch"
        />
        <span>{t('network.switch')}</span>
      </Space>
      {s.lan.error && <Alert type="error" showIcon message={t('network.error', { error: s.lan.error })} style={{ marginBottom: 12 }} />}
      {s.lan.listening && (
        <Row gutter={24} style={{ marginBottom: 12 }}>
          <Col xs={24} lg={12}>
            <div style={{ marginBottom: 8 }}>{t('network.addresses')}</div>
            {s.lan.urls.map((u) => (
              <Typography.Text key={u} code copyable style={{ display: 'block', fontSize: 16 }}>
                {u}
              </Typography.Text>
            ))}
            <div style={{ marginTop: 12 }}>
              {s.pairing ? (
                <Button onClick={() => run(() => stop.mutateAsync({}))}>{t('network.stopPairing')}</Button>
              ) : (
                <Button type="primary" onClick={() => run(() => start.mutateAsync({}))} loading={start.isPending} data-testid="pair-start">
                  {t('network.pairDevice')}
                </Button>
              )}
            </div>
          </Col>
          {s.pairing && (
            <Col xs={24} lg={12} data-testid="pairing-offer">
              <Space align="start" size="large">
                <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.pairing.qrSvg)}`} alt={t('network.qrAlt')} width={150} height={150} />
                <div>
                  <div>{t('network.pairingPin')}</div>
                  <div style={{ fontSize: 36, fontWeight: 600, letterSpacing: 6, fontFamily: 'monospace' }} data-testid="pairing-pin">
                    {s.pairing.pin}
                  </div>
                  <Typography.Paragraph type="secondary" style={{ maxWidth: 260 }}>
                    {t('network.pairingHint', { time: dayjs(s.pairing.expiresAt).format('HH:mm') })}
                  </Typography.Paragraph>
                </div>
              </Space>
            </Col>
          )}
        </Row>
      )}
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('network.devices')}</div>
      {s.devices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.noDevices')} />
      ) : (
        // Fixed layout: a refresh (last seen, revoked) never moves the buttons under a finger or a pointer.
        <Table size="small" rowKey="id" pagination={false} tableLayout="fixed" dataSource={s.devices} columns={columns} data-testid="devices-table" />
      )}
    </>,
  );
}
