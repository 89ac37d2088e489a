import { App, Button, Card, Modal, Progress, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { callDoor, onRunningCallsChange, runningCalls, type RunningCall } from '../api/client';
import { refreshAll } from '../api/invalidation';
import { onAppEvent } from '../api/events';

interface Step {
  done: number;
  total: number | null;
  phase?: string;
}

/** Shown only for work that takes longer than this, so quick calls never flash a bar. */
const SHOW_AFTER_MS = 400;

/**
 * Long work in progress (imports, backups, restores, PDFs): a bar per call
 * with its progress from app.events, and Cancel where the work stops
 * cleanly (an import rolls back). Pages need do nothing: the API client
 * marks these calls (LONG_METHODS).
 */
export function ProgressCenter() {
  const { t } = useTranslation('shell');
  const calls = useSyncExternalStore(onRunningCallsChange, runningCalls);
  const [steps, setSteps] = useState<Record<string, Step>>({});
  const [cancelling, setCancelling] = useState<Record<string, boolean>>({});
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => onAppEvent((event) => {
    if (event.type !== 'progress') return;
    setSteps((s) => ({ ...s, [event.callId]: { done: event.done, total: event.total, ...(event.phase ? { phase: event.phase } : {}) } }));
  }), []);
  useEffect(() => {
    if (calls.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [calls.length]);

  const shown = calls.filter((c) => now - c.startedAt >= SHOW_AFTER_MS);
  if (shown.length === 0) return null;
  const cancel = (call: RunningCall) => {
    setCancelling((c) => ({ ...c, [call.callId]: true }));
    void callDoor('app.cancel', { callId: call.callId }).catch(() => undefined);
  };
  return (
    <div style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1100, width: 340 }} data-testid="progress-center">
      {shown.map((call) => {
        const step = steps[call.callId];
        const percent = step?.total ? Math.min(100, Math.round((step.done / step.total) * 100)) : undefined;
        return (
          <Card key={call.callId} size="small" style={{ marginTop: 8, boxShadow: '0 4px 16px rgba(0,0,0,0.15)' }} data-testid={`progress-${call.method}`}>
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <Typography.Text strong>{t('progress.working')}</Typography.Text>
              <Progress percent={percent ?? 100} status={percent === undefined ? 'active' : 'normal'} showInfo={percent !== undefined} size="small" />
              {step?.total ? (
                <Typography.Text type="secondary" data-testid="progress-steps">
                  {step.phase === 'rows' ? t('progress.rows', { done: step.done, total: step.total }) : t('progress.steps', { done: step.done, total: step.total })}
                </Typography.Text>
              ) : null}
              {call.cancellable && (
                <Button size="small" danger onClick={() => cancel(call)} loading={cancelling[call.callId]} data-testid="progress-cancel">
                  {cancelling[call.callId] ? t('progress.cancelling') : t('progress.cancel')}
                </Button>
              )}
            </Space>
          </Card>
        );
      })}
    </div>
  );
}

/**
 * The core process died and a new one has the data open: the page says so
 * and, on "Go on", reads everything again (nothing committed was lost).
 */
export function CoreNotice() {
  const { t } = useTranslation('shell');
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [stopped, setStopped] = useState<string | null>(null);
  useEffect(() => onAppEvent((event) => {
    if (event.type !== 'core') return;
    if (event.state === 'stopped') {
      setStopped(event.reason ?? '');
      return;
    }
    void modal.info({
      title: t('core.restartedTitle'),
      content: t('core.restartedBody'),
      okText: t('core.goOn'),
      onOk: () => refreshAll(client),
    });
  }), [client, modal, t]);
  return (
    <Modal open={stopped !== null} title={t('core.stoppedTitle')} footer={null} closable={false} data-testid="core-stopped">
      {stopped}
    </Modal>
  );
}
