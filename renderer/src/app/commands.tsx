import { App, Descriptions, Modal, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { call, callDoor, isDesktop, type ApiCallError } from '../api/client';
import { onAppEvent } from '../api/events';

interface AppInfo {
  version: string;
  electron?: string;
  node?: string;
  chrome?: string;
  dataDir?: string;
  logDir?: string;
}

/** The element once it is on the page (a page loads its chunk first), or null after a few seconds. */
function whenPresent(selector: string, timeoutMs = 4000): Promise<HTMLElement | null> {
  const started = performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const found = document.querySelector<HTMLElement>(selector);
      if (found) resolve(found);
      else if (performance.now() - started > timeoutMs) resolve(null);
      else setTimeout(look, 30);
    };
    look();
  });
}

function focusInput(element: HTMLElement): void {
  const input = element instanceof HTMLInputElement ? element : element.querySelector('input');
  (input ?? element).focus();
}

/**
 * The app's own commands (the desktop menu sends them as events; see
 * main/electron/menu.ts): new quotation, search, print, back up now,
 * settings, help, about. They act through the pages as a person would
 * (the same buttons and boxes), so no page needs to know about menus.
 */
export function AppCommands() {
  const { t } = useTranslation('shell');
  const { t: tc, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const where = useRef(location.pathname);
  useEffect(() => {
    where.current = location.pathname;
  }, [location.pathname]);
  const [about, setAbout] = useState<AppInfo | null>(null);
  const [help, setHelp] = useState(false);

  const run = useCallback(
    async (command: string) => {
      switch (command) {
        case 'new-quotation': {
          if (where.current !== '/quotes') navigate('/quotes');
          (await whenPresent('[data-testid="new-quote"]'))?.click();
          return;
        }
        case 'search': {
          const onQuote = /^\/quotes\/\d+/.test(where.current) ? document.querySelector<HTMLElement>('[data-testid="quote-search"]') : null;
          if (onQuote) {
            focusInput(onQuote);
            return;
          }
          if (!where.current.startsWith('/products')) navigate('/products');
          const box = await whenPresent('[data-testid="product-search"]');
          if (box) focusInput(box);
          return;
        }
        case 'print': {
          const button = document.querySelector<HTMLElement>('[data-testid="document-button"]');
          if (button) button.click();
          else void message.info(t('commands.nothingToPrint'));
          return;
        }
        case 'backup-now': {
          const key = 'backup-now';
          void message.loading({ key, content: t('commands.backingUp'), duration: 0 });
          try {
            await call('backup.run', {});
            void message.success({ key, content: t('commands.backedUp') });
          } catch (error) {
            void message.error({ key, content: t('commands.backupFailed', { message: (error as ApiCallError).message }) });
          }
          return;
        }
        case 'settings':
          navigate('/settings');
          return;
        case 'help':
          setHelp(true);
          return;
        case 'about': {
          const info = await callDoor<AppInfo>('app.info', {}).catch(() => ({ version: '' }) as AppInfo);
          setAbout(info);
          return;
        }
        default:
          return;
      }
    },
    [navigate, message, t],
  );

  // The desktop menu follows the UI language.
  useEffect(() => {
    if (isDesktop()) void callDoor('app.setLanguage', { language: i18n.language }).catch(() => undefined);
  }, [i18n.language]);

  useEffect(() => onAppEvent((event) => {
    if (event.type === 'command') void run(event.command);
  }), [run]);

  return (
    <>
      <Modal open={about !== null} title={t('about.title')} onCancel={() => setAbout(null)} onOk={() => setAbout(null)} okText={t('about.close')} cancelButtonProps={{ style: { display: 'none' } }} data-testid="about-dialog">
        {about && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={tc('app.name')}>{t('about.version', { version: about.version })}</Descriptions.Item>
            <Descriptions.Item label={t('about.runtimeLabel')}>
              {about.electron ? t('about.runtime', { electron: about.electron, node: about.node, chrome: about.chrome }) : t('about.browserMode')}
            </Descriptions.Item>
            {about.dataDir && <Descriptions.Item label={t('about.dataFolder')}><Typography.Text copyable>{about.dataDir}</Typography.Text></Descriptions.Item>}
            {about.logDir && <Descriptions.Item label={t('about.logs')}><Typography.Text copyable>{about.logDir}</Typography.Text></Descriptions.Item>}
          </Descriptions>
        )}
      </Modal>
      <Modal open={help} title={t('help.title')} onCancel={() => setHelp(false)} footer={null} data-testid="help-dialog">
        <Typography.Paragraph>{t('help.intro')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="Ctrl+N">{t('help.newQuotation')}</Descriptions.Item>
          <Descriptions.Item label="Ctrl+F">{t('help.search')}</Descriptions.Item>
          <Descriptions.Item label="Ctrl+P">{t('help.print')}</Descriptions.Item>
          <Descriptions.Item label="Ctrl+,">{t('help.settings')}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}>{t('help.data')}</Typography.Paragraph>
        <Typography.Paragraph>{t('help.problems')}</Typography.Paragraph>
      </Modal>
    </>
  );
}
