import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callDesktop, isDesktop, type ApiCallError } from '../../api/client';
import { SettingsCard } from './SettingsCard';

/** Where the desktop app looks for updates (and whether that is the build's own feed), and its version. */
type UpdateSettingsView = { feedUrl: string; buildFeed: boolean; version: string };

/** Settings → Updates (desktop app): where to look for updates, check now, update from a file on a USB stick. */
export function UpdateSettings() {
  const { t } = useTranslation('shell');
  const { message } = App.useApp();
  const desktop = isDesktop();
  const [settings, setSettings] = useState<UpdateSettingsView | null>(null);
  const [feed, setFeed] = useState('');
  useEffect(() => {
    if (!desktop) return;
    void callDesktop<UpdateSettingsView>('updates.settings', {}).then((s) => {
      setSettings(s);
      setFeed(s.feedUrl);
    });
  }, [desktop]);
  const run = (method: 'updates.setFeed' | 'updates.check' | 'updates.fromFile', input: unknown) =>
    callDesktop(method, input).catch((error: unknown) => void message.error((error as ApiCallError).message));

  return (
    <SettingsCard name="update-settings" title={t('updates.title')}>
      {!desktop ? (
        <Alert type="info" message={t('updates.desktopOnly')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('updates.feedHelp')}</Typography.Text>
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input value={feed} onChange={(e) => setFeed(e.target.value)} placeholder="https://" aria-label={t('updates.feed')} data-testid="update-feed" />
            <Button onClick={() => void run('updates.setFeed', { feedUrl: feed })}>{t('updates.saveFeed')}</Button>
          </Space.Compact>
          <Space>
            <Button onClick={() => void run('updates.check', {})} disabled={!feed && !settings?.buildFeed}>
              {t('updates.check')}
            </Button>
            <Button onClick={() => void run('updates.fromFile', {})}>{t('updates.fromFile')}</Button>
          </Space>
          <Typography.Text type="secondary">{t('updates.fromFileHelp')}</Typography.Text>
        </Space>
      )}
    </SettingsCard>
  );
}
