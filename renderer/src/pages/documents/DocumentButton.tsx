import { DownloadOutlined, FilePdfOutlined, PrinterOutlined, SaveOutlined, ThunderboltOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Popover, Radio, Select, Space } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { download } from '../../lib/download';
import { shortcutLabel, useShortcut } from '../../lib/shortcuts';
import { useTranslation } from 'react-i18next';
import { call, callDesktop, isDesktop, type ApiCallError, type ApiInput } from '../../api/client';
import type { TermsWarning } from '../../../../main/quotes/types';
import { TermsWarnings } from '../quotes/TermsWarnings';
import { useLanguageOptions } from './languages';

type RenderInput = ApiInput<'documents.render'>;
/**
 * The after-the-PI documents (branch loopdocs): purchaseOrder (id: purchase order, zh by default,
 * bilingual adds English), deliveryNote and deliveryPacking (id: delivery), account (id: buyer,
 * optional from/to). Named here until the server's documents.render lists them.
 */
export type AfterPiKind = 'purchaseOrder' | 'deliveryNote' | 'deliveryPacking' | 'account';
type Kind = RenderInput['kind'] | AfterPiKind;
type Lang = NonNullable<RenderInput['lang']>;

/**
 * The PDF of a quotation, PI or packing list in the buyer's language (or
 * another, or bilingual with English), on A4 or US Letter: printed (dialog or
 * one click to the default printer) or saved in the desktop app, downloaded in
 * browser mode.
 */
export function DocumentButton({ kinds, id, defaultLang, shortcut, termsWarnings = [], period, testId = 'document-button', label }: { kinds: Kind[]; id: number; defaultLang: string; shortcut?: string; termsWarnings?: TermsWarning[]; period?: { from?: string; to?: string }; testId?: string; label?: string }) {
  const { t } = useTranslation('documents');
  const { message, modal } = App.useApp();
  const [kind, setKind] = useState<Kind>(kinds[0] as Kind);
  // The buyer's language; the server refuses one it has no catalog for, by name.
  const [lang, setLang] = useState<Lang>(defaultLang || 'en');
  const languages = useLanguageOptions('documents', 'langs', lang);
  const [bilingual, setBilingual] = useState(false);
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [showBank, setShowBank] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const desktop = isDesktop();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Opened (click, Enter on the button or the shortcut): the focus goes into the panel, so Tab walks its
  // controls and Enter runs the main action; Escape closes it and gives the focus back to the button.
  const show = (next: boolean) => {
    setOpen(next);
    if (next) setTimeout(() => (panel.current?.querySelector<HTMLElement>('[data-testid="document-lang"] input') ?? panel.current?.querySelector<HTMLElement>('input, button'))?.focus(), 0);
    else button.current?.focus();
  };
  useShortcut(shortcut ?? 'D', () => show(true), { enabled: shortcut !== undefined });

  const request = (): RenderInput =>
    ({ kind, id, lang, bilingual: bilingual && lang !== 'en', paper, ...(kind === 'quotation' ? { showBank } : {}), ...(kind === 'account' && period ? period : {}) }) as RenderInput;

  const warn = (warnings: string[]) => {
    if (warnings.length > 0) void modal.warning({ title: t('nameWarningTitle'), content: warnings.map((w) => t(`nameWarnings.${w}`)).join(' ') });
  };

  const run = async (action: 'download' | 'print.dialog' | 'print.silent' | 'print.saveAs') => {
    setBusy(action);
    try {
      if (action === 'download') {
        const pdf = await call('documents.render', request());
        download({ fileName: pdf.fileName, mime: 'application/pdf', dataBase64: pdf.base64 });
        warn(pdf.nameWarnings);
      } else {
        const result = await callDesktop<{ ok?: boolean; reason?: string; path?: string | null; nameWarnings: string[] }>(action, request());
        if (action === 'print.saveAs') {
          const saved = result.path;
          if (saved) {
            void message.success(
              <span>
                {t('saved', { path: saved })}{' '}
                <Button type="link" size="small" onClick={() => void callDesktop('print.showInFolder', { path: saved })}>
                  {t('showInFolder')}
                </Button>
              </span>,
            );
          }
        } else if (result.ok) void message.success(t('printed'));
        else if (result.reason && result.reason !== 'cancelled') void message.error(t('printFailed', { reason: result.reason }));
        warn(result.nameWarnings);
      }
    } catch (error) {
      void message.error((error as ApiCallError).message);
    } finally {
      setBusy(null);
    }
  };

  const primary = desktop ? 'print.dialog' : 'download';
  const onPanelKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      show(false);
      return;
    }
    if (e.key !== 'Enter' || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    // Enter picks in an open list; on a button it presses that button; anywhere else (the closed
    // language list included, which would otherwise open) it runs the main action.
    if (target.closest('[aria-expanded="true"]') || target.getAttribute('aria-expanded') === 'true' || target.tagName === 'BUTTON') return;
    e.preventDefault();
    e.stopPropagation();
    void run(primary);
  };

  const options = (
    <div ref={panel} onKeyDownCapture={onPanelKey}>
    <Space orientation="vertical" size="small" style={{ width: 260 }} data-testid="document-options">
      {/* The payment terms contradict the deposit or the balance rule: said before anything is printed. */}
      <TermsWarnings warnings={termsWarnings} compact />
      {kinds.length > 1 && (
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as Kind)} optionType="button" size="small">
          {kinds.map((k) => (
            <Radio.Button key={k} value={k}>
              {t(`kinds.${k}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      )}
      <Select<Lang>
        value={lang}
        onChange={setLang}
        showSearch={{ filterOption: (input, option) => `${option?.value ?? ''} ${String(option?.label ?? '')}`.toLowerCase().includes(input.toLowerCase()) }}
        aria-label={t('language')}
        style={{ width: '100%' }}
        data-testid="document-lang"
        options={languages}
      />
      <Checkbox checked={bilingual} disabled={lang === 'en'} onChange={(e) => setBilingual(e.target.checked)}>
        {t('bilingual')}
      </Checkbox>
      <Radio.Group value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'letter')} size="small">
        <Radio value="a4">A4</Radio>
        <Radio value="letter">US Letter</Radio>
      </Radio.Group>
      {kind === 'quotation' && (
        <Checkbox checked={showBank} onChange={(e) => setShowBank(e.target.checked)}>
          {t('showBank')}
        </Checkbox>
      )}
      {desktop ? (
        <Space wrap>
          <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'print.dialog'} onClick={() => void run('print.dialog')}>
            {t('print')} <kbd className="sk-kbd sk-kbd-light">Enter</kbd>
          </Button>
          <Button icon={<ThunderboltOutlined />} loading={busy === 'print.silent'} onClick={() => void run('print.silent')}>
            {t('quickPrint')}
          </Button>
          <Button icon={<SaveOutlined />} loading={busy === 'print.saveAs'} onClick={() => void run('print.saveAs')}>
            {t('saveAs')}
          </Button>
        </Space>
      ) : (
        <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'download'} onClick={() => void run('download')} data-testid="document-download">
          {t('download')} <kbd className="sk-kbd sk-kbd-light">Enter</kbd>
        </Button>
      )}
    </Space>
    </div>
  );

  return (
    <Popover content={options} trigger="click" placement="bottomRight" title={t('title')} open={open} onOpenChange={show}>
      <Button
        ref={button}
        icon={termsWarnings.length > 0 ? <WarningOutlined style={{ color: '#d46b08' }} /> : <FilePdfOutlined />}
        data-testid={testId}
        title={termsWarnings.length > 0 ? t('termsWarningTitle') : undefined}
        aria-keyshortcuts={shortcut ? shortcutLabel(shortcut) : undefined}
      >
        {label ?? t('button')}
        {shortcut && <kbd className="sk-kbd">{shortcutLabel(shortcut)}</kbd>}
      </Button>
    </Popover>
  );
}
