import { Alert, App, AutoComplete, Button, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { settingsCard } from './SettingsCard';

dayjs.extend(relativeTime);

type Snapshot = ApiOutput<'backup.status'>['snapshots'][number];

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The last backup and the last USB copy (with warnings when old), back up now, copy to a USB stick, restore. */
export function BackupSettings() {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const auth = useApiQuery('auth.status', {});
  const isOwner = auth.data?.role === 'owner';
  const status = useApiQuery('backup.status', {}, { enabled: isOwner, refetchInterval: 60_000 });
  const run = useApiMutation('backup.run');
  const exportTo = useApiMutation('backup.export');
  const restore = useApiMutation('backup.restore');
  const [folder, setFolder] = useState('');
  const [file, setFile] = useState('');

  const card = settingsCard({ name: 'backup-settings', title: t('title'), intro: t('intro') });
  if (!isOwner) return card(<Alert type="info" message={t('needOwner')} />);
  if (!status.data) return card(null);
  const s = status.data;

  const fail = (error: unknown) => void message.error((error as ApiCallError).message);

  const copy = async (target?: string) => {
    try {
      const result = await exportTo.mutateAsync(target ? { folder: target } : {});
      if (!result.cancelled) void message.success(t('copied', { file: result.file }));
    } catch (error) {
      fail(error);
    }
  };

  const confirmRestore = (input: { snapshot: string } | { file: string }, takenAt: string) =>
    Modal.confirm({
      title: t('restoreConfirmTitle', { time: takenAt }),
      content: t('restoreConfirm'),
      okText: t('restore'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const result = await restore.mutateAsync(input);
          void message.success(t('restored', { time: result.backupTakenAt ? when(result.backupTakenAt) : takenAt }));
        } catch (error) {
          fail(error);
        }
      },
    });

  const columns = [
    { title: t('takenAt'), key: 'takenAt', render: (_: unknown, r: Snapshot) => when(r.takenAt) },
    { title: '', key: 'kind', render: (_: unknown, r: Snapshot) => <Tag color={r.kind === 'pre-restore' ? 'orange' : r.kind === 'manual' ? 'blue' : undefined}>{t(`kinds.${r.kind}`)}</Tag> },
    { title: t('size'), key: 'size', render: (_: unknown, r: Snapshot) => size(r.bytes) },
    {
      title: '',
      key: 'restore',
      render: (_: unknown, r: Snapshot) => (
        <Button size="small" onClick={() => confirmRestore({ snapshot: r.name }, when(r.takenAt))}>
          {t('restore')}
        </Button>
      ),
    },
  ];

  return card(
    <>
      {s.lastAutomatic && !s.lastAutomatic.ok && <Alert type="error" showIcon message={t('failed', { error: s.lastAutomatic.error })} style={{ marginBottom: 12 }} />}
      {s.backupIsOld && <Alert type="warning" showIcon message={t('backupOld')} style={{ marginBottom: 12 }} data-testid="backup-old" />}
      {s.exportIsOld && <Alert type="warning" showIcon message={t('exportOld')} style={{ marginBottom: 12 }} data-testid="export-old" />}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('lastBackup')}>
          <span data-testid="last-backup">{s.lastBackupAt ? `${when(s.lastBackupAt)} (${dayjs(s.lastBackupAt).fromNow()})` : t('never')}</span>{' '}
          {s.backupIsOld && <Tag color="orange">{t('old')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('lastExport')}>
          {s.lastExport ? (
            <>
              {when(s.lastExport.at)} <Typography.Text type="secondary">{s.lastExport.file}</Typography.Text>
            </>
          ) : (
            t('never')
          )}{' '}
          {s.exportIsOld && <Tag color="orange">{t('old')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('folder')}>
          <Typography.Text code>{s.folder}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          loading={run.isPending}
          data-testid="backup-now"
          onClick={async () => {
            try {
              await run.mutateAsync({});
              void message.success(t('backedUp'));
            } catch (error) {
              fail(error);
            }
          }}
        >
          {t('backupNow')}
        </Button>
      </Space>

      <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('usbTitle')}</div>
      <Space.Compact style={{ width: '100%', maxWidth: 640, marginBottom: 16 }}>
        {s.canChooseFolder ? (
          <Button onClick={() => copy()} loading={exportTo.isPending} data-testid="usb-choose">
            {t('chooseAndCopy')}
          </Button>
        ) : (
          <>
            <AutoComplete
              value={folder}
              onChange={setFolder}
              options={s.suggestedFolders.map((f) => ({ value: f }))}
              style={{ flex: 1 }}
              placeholder={t('usbFolderPlaceholder')}
              aria-label={t('usbFolder')}
              data-testid="usb-folder"
            />
            <Button onClick={() => copy(folder.trim())} disabled={!folder.trim()} loading={exportTo.isPending} data-testid="usb-copy">
              {t('copy')}
            </Button>
          </>
        )}
      </Space.Compact>

      <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('restoreTitle')}</div>
      <Typography.Paragraph type="secondary">{t('restoreIntro')}</Typography.Paragraph>
      <Table size="small" rowKey="name" pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={s.snapshots} columns={columns} style={{ marginBottom: 12 }} data-testid="snapshots-table" />
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('restoreFilePlaceholder')} aria-label={t('restoreFile')} />
        <Button onClick={() => confirmRestore({ file: file.trim() }, file.trim())} disabled={!file.trim()}>
          {t('restore')}
        </Button>
      </Space.Compact>
    </>,
  );
}
