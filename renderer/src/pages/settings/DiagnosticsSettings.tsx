import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, callDesktop, isDesktop, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { download } from '../../lib/download';
import { SettingsCard } from './SettingsCard';

/** Settings → Diagnostics: saves the diagnostics file (logs, versions, settings without secrets, integrity check). */
export function DiagnosticsSettings() {
  const { t } = useTranslation('shell');
  const { message } = App.useApp();
  const auth = useApiQuery('auth.status', {});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      if (isDesktop()) {
        const saved = await callDesktop<{ path: string | null }>('files.saveDiagnostics', {});
        if (saved.path) void message.success(t('diagnostics.saved', { path: saved.path }));
      } else {
        const file = await call('diagnostics.bundle', {});
        download({ ...file, dataBase64: file.base64 });
        void message.success(t('diagnostics.saved', { path: file.fileName }));
      }
    } catch (error) {
      void message.error(t('diagnostics.failed', { message: (error as ApiCallError).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <SettingsCard name="diagnostics-settings" title={t('diagnostics.title')} intro={t('diagnostics.intro')}>
      <Button onClick={() => void save()} loading={busy} disabled={auth.data?.role !== 'owner'} data-testid="save-diagnostics">
        {t('diagnostics.save')}
      </Button>
    </SettingsCard>
  );
}
