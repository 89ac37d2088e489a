import { Alert, App, Button, Input, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { call } from '../api/client';

interface Caught {
  error: Error;
  componentStack: string;
}

class Boundary extends Component<{ page: string; onCaught: (c: Caught) => void; fallback: (c: Caught) => ReactNode; children: ReactNode }, { caught: Caught | null }> {
  override state: { caught: Caught | null } = { caught: null };

  static getDerivedStateFromError(error: unknown): { caught: Caught } {
    return { caught: { error: error instanceof Error ? error : new Error(String(error)), componentStack: '' } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const caught = { error: error instanceof Error ? error : new Error(String(error)), componentStack: info.componentStack ?? '' };
    this.setState({ caught });
    this.props.onCaught(caught);
  }

  override render(): ReactNode {
    return this.state.caught ? this.props.fallback(this.state.caught) : this.props.children;
  }
}

/** The text "copy error details" puts on the clipboard. */
export function errorDetails(page: string, caught: Caught): string {
  return [
    `Stallkeeper: the ${page} page failed`,
    `When: ${new Date().toISOString()}`,
    `Where: ${location.hash || '/'}`,
    `${caught.error.name}: ${caught.error.message}`,
    caught.error.stack ?? '',
    caught.componentStack ? `Components:${caught.componentStack}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The desktop app grants pages no permissions: fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function Fallback({ page, caught, onReload }: { page: string; caught: Caught; onReload: () => void }) {
  const { t } = useTranslation('shell');
  const { message } = App.useApp();
  const details = errorDetails(page, caught);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="page-error"
      message={t('boundary.title')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('boundary.body')}</span>
          <Space>
            <Button type="primary" onClick={onReload} data-testid="page-error-reload">
              {t('boundary.reload')}
            </Button>
            <Button
              onClick={() => void copy(details).then((ok) => (ok ? message.success(t('boundary.copied')) : message.warning(t('boundary.copyFailed'))))}
              data-testid="page-error-copy"
            >
              {t('boundary.copy')}
            </Button>
          </Space>
          <Input.TextArea value={details} readOnly autoSize={{ minRows: 3, maxRows: 8 }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="page-error-details" />
        </Space>
      }
    />
  );
}

/**
 * One page's error boundary: a render error there shows "this page stopped
 * working" with "reload this page" and "copy error details", is written to
 * the log (diagnostics.report), and leaves the menu and every other page
 * working. Going to another page and back, or reloading, starts it afresh.
 */
export function PageBoundary({ page, children }: { page: string; children: ReactNode }) {
  const location = useLocation();
  const client = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const top = location.pathname.split('/')[1] ?? '';
  const report = (caught: Caught) => {
    void call('diagnostics.report', {
      page,
      name: caught.error.name.slice(0, 100),
      message: caught.error.message.slice(0, 2000),
      stack: caught.error.stack?.slice(0, 20_000),
      componentStack: caught.componentStack.slice(0, 20_000),
    }).catch(() => undefined);
  };
  // What the page read may be what broke it: it reads everything afresh.
  const reload = () => {
    void client.resetQueries().finally(() => setAttempt((a) => a + 1));
  };
  return (
    <Boundary key={`${top}:${attempt}`} page={page} onCaught={report} fallback={(caught) => <Fallback page={page} caught={caught} onReload={reload} />}>
      {children}
    </Boundary>
  );
}
