import { CheckOutlined, CopyOutlined, DeleteOutlined, FileDoneOutlined, HistoryOutlined, SendOutlined, SettingOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, type InputRef, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentButton } from '../documents/DocumentButton';
import { TermsWarnings } from './TermsWarnings';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiInput, ApiOutput, MethodName } from '../../api/client';
import { RecordTitle } from '../../layout/RecordTitle';
import { BuyerName } from '../buyers/BuyerName';
import { useApiQuery, useApiWrite } from '../../api/hooks';
import { queryKey, refreshAfter } from '../../api/invalidation';
import type { Quote } from '../../../../main/quotes/types';
import { LinesTable, type LinePatch } from './LinesTable';
import { NewQuoteModal } from './NewQuoteModal';
import { ProductSearch } from './ProductSearch';
import { TermsDrawer } from './TermsDrawer';
import { TotalsPanel } from './TotalsPanel';
import { PhoneDocFooter } from './PhoneDocFooter';
import { PlainHttpNote } from '../../layout/PlainHttpNote';
import { useScreen } from '../../layout/screen';
import { STATUS_COLORS, errorText } from './format';
import { holdKeys } from '../../lib/typeAhead';
import { shortcutLabel, useShortcut } from '../../lib/shortcuts';

type LineInput = NonNullable<ApiInput<'quotes.update'>['changes']['lines']>[number];

/**
 * The quick quote screen, keyboard first: the search box (item no, barcode,
 * name) → Enter adds the product → its quantity is focused → Tab → its price →
 * Enter → back to the search box. A barcode scanner types into the search box
 * and adds the product or one more carton. Totals and container fill stay in
 * view on the right.
 */
export function QuoteScreen() {
  const { t } = useTranslation('quotes');
  const { t: td } = useTranslation('documents');
  const { id } = useParams();
  const quoteId = Number(id);
  const navigate = useNavigate();
  const screen = useScreen();
  const phone = screen.phone;
  const client = useQueryClient();
  const write = useApiWrite();
  const { message, modal } = App.useApp();
  const query = useApiQuery('quotes.get', { id: quoteId }, { enabled: Number.isInteger(quoteId) && quoteId > 0 });
  const searchRef = useRef<InputRef>(null);
  const [termsOpen, setTermsOpen] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  // The line whose quantity takes the focus once it is on screen.
  const focusLine = useRef<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Edits go to the server one after another, each on the result of the last.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // A change answers with the quotation as it now is: shown at once (not read again), and what else it touched is refreshed.
  const key = queryKey('quotes.get', { id: quoteId });
  const store = useCallback((quote: Quote) => client.setQueryData(key, quote), [client, quoteId]); // eslint-disable-line react-hooks/exhaustive-deps
  const change = <M extends MethodName>(method: M, input: ApiInput<M>) => write(method, input, { fresh: [key], background: true });

  const current = () => client.getQueryData<Quote>(key) ?? query.data;

  const enqueue = <T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  };

  // Work to run once the screen shows the latest stored quotation (new prices in their boxes, new lines focused).
  const afterRender = useRef<Array<() => void>>([]);
  const whenRendered = () => new Promise<void>((resolve) => afterRender.current.push(resolve));

  // Keys typed while a line change is on its way are held, and replayed once its answer is on screen:
  // Enter in a price box then sees the new quantity's tier price, never the one before.
  const saveLines = (build: (lines: Quote['lines']) => LineInput[]) => {
    const hold = holdKeys();
    return enqueue(async () => {
      const quote = current();
      try {
        if (!quote) return;
        store(await change('quotes.update', { id: quoteId, changes: { lines: build(quote.lines) } }));
        await whenRendered();
      } catch (error) {
        void message.error(errorText(error));
      } finally {
        hold.release();
      }
    });
  };

  const changeLine = (lineId: number, patch: LinePatch) => {
    void saveLines((lines) => lines.map((l) => (l.id === lineId ? { lineId, ...patch } : { lineId: l.id })));
  };
  const removeLine = (lineId: number) => {
    void saveLines((lines) => lines.filter((l) => l.id !== lineId).map((l) => ({ lineId: l.id })));
  };

  /** Adds a line; resolves once its quantity has the focus (keys typed meanwhile are held by the search box). */
  const addProduct = (productId: number) =>
    enqueue(async () => {
      try {
        const quote = await change('quotes.addLine', { id: quoteId, productId });
        const added = quote.lines[quote.lines.length - 1];
        if (added) focusLine.current = added.id;
        store(quote);
        await whenRendered();
      } catch (error) {
        void message.error(errorText(error));
      }
    });

  const scan = (code: string) =>
    enqueue(async () => {
      try {
        const result = await change('quotes.addByScan', { id: quoteId, code });
        store(result.quote);
        const line = result.quote.lines.find((l) => l.id === result.lineId);
        if (line) {
          void message.success({
            content: result.action === 'carton_added' ? t('scan.cartonAdded', { itemNo: line.product.itemNo, qty: line.qty, unit: line.product.unit }) : t('scan.lineAdded', { itemNo: line.product.itemNo }),
            key: 'scan',
            duration: 1.5,
          });
        }
      } catch (error) {
        void message.error({ content: errorText(error), key: 'scan' });
      }
    });

  // After a line is added by hand, its quantity is next.
  useEffect(() => {
    if (focusLine.current === null) return;
    const input = document.querySelector<HTMLInputElement>(`[data-testid="qty-${focusLine.current}"] input, input[data-testid="qty-${focusLine.current}"]`);
    if (input) {
      focusLine.current = null;
      input.focus();
      input.select();
    }
  });
  // Then whatever waited for this render (declared after the focus above, so it runs after it).
  useEffect(() => {
    if (afterRender.current.length === 0) return;
    if (client.getQueryData(key) !== query.data) return;
    for (const done of afterRender.current.splice(0)) done();
  });

  const act = async <M extends 'quotes.send' | 'quotes.accept' | 'quotes.revise'>(method: M, label: string) => {
    setBusy(label);
    try {
      const quote = (await change(method, { id: quoteId } as ApiInput<M>)) as ApiOutput<M>;
      if (quote.id !== quoteId) {
        // A revision: this quotation is superseded (read again too), and the new one opens.
        await refreshAfter(client, method);
        navigate(`/quotes/${quote.id}`);
      } else store(quote);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const rejectQuote = () => {
    let reason = '';
    modal.confirm({
      title: t('actions.rejectTitle'),
      content: <Input.TextArea rows={2} maxLength={500} placeholder={t('actions.rejectReason')} onChange={(e) => (reason = e.target.value)} />,
      okText: t('actions.reject'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          store(await change('quotes.reject', { id: quoteId, reason }));
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });
  };

  const remove = (displayNumber: string) => {
    modal.confirm({
      title: t('actions.deleteTitle', { number: displayNumber }),
      content: t('actions.deleteHint'),
      okText: t('actions.delete'),
      okButtonProps: { danger: true, 'data-testid': 'quote-delete-ok' } as never,
      onOk: async () => {
        try {
          const { deleted, reopened } = await write('quotes.delete', { id: quoteId });
          void message.success(t('actions.deleted', { number: deleted }));
          navigate(reopened ? `/quotes/${reopened.id}` : '/quotes', { replace: true });
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });
  };

  const makeInvoice = async () => {
    setBusy('pi');
    try {
      const pi = await write('invoices.create', { quoteId });
      navigate(`/invoices/${pi.id}`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  // The walk-in flow from the keyboard: Alt+A accept, Alt+P make (or open) the PI, Alt+D the PDF.
  const status = query.data?.status;
  const openPi = query.data?.invoices.find((i) => i.status !== 'cancelled');
  useShortcut('A', () => void act('quotes.accept', 'accept'), { enabled: (status === 'draft' || status === 'sent') && busy === null });
  useShortcut('P', () => (openPi ? navigate(`/invoices/${openPi.id}`) : void makeInvoice()), { enabled: status === 'accepted' && busy === null });

  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  const quote = query.data;
  if (!quote) return <Skeleton active />;
  const draft = quote.status === 'draft';
  const openInvoice = quote.invoices.find((i) => i.status !== 'cancelled');

  // The actions, on the PC in the head in this order; on a phone the PDF, Accept and the PI go to the footer.
  const pdf = <DocumentButton kinds={['quotation', 'packing']} id={quote.id} defaultLang={quote.buyer.docLanguage} shortcut="D" termsWarnings={quote.termsWarnings} />;
  const terms = (
    <Button icon={<SettingOutlined />} onClick={() => setTermsOpen(true)} data-testid="quote-terms">
      {t('actions.terms')}
    </Button>
  );
  const send = draft && (
    <Button icon={<SendOutlined />} loading={busy === 'send'} onClick={() => void act('quotes.send', 'send')} data-testid="quote-send">
      {t('actions.send')}
    </Button>
  );
  const acceptable = draft || quote.status === 'sent';
  const accept = acceptable && (
    <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accept'} onClick={() => void act('quotes.accept', 'accept')} data-testid="quote-accept" aria-keyshortcuts="Alt+A">
      {t('actions.accept')} <kbd className="sk-kbd sk-kbd-light">{shortcutLabel('A')}</kbd>
    </Button>
  );
  const reject = acceptable && (
    <Button icon={<StopOutlined />} onClick={rejectQuote} data-testid="quote-reject">
      {t('actions.reject')}
    </Button>
  );
  const pi =
    quote.status === 'accepted' &&
    (openInvoice ? (
      <Button type="primary" icon={<FileDoneOutlined />} onClick={() => navigate(`/invoices/${openInvoice.id}`)} data-testid="quote-open-pi" aria-keyshortcuts="Alt+P">
        {openInvoice.number} <kbd className="sk-kbd sk-kbd-light">{shortcutLabel('P')}</kbd>
      </Button>
    ) : (
      <Button type="primary" icon={<FileDoneOutlined />} loading={busy === 'pi'} onClick={() => void makeInvoice()} data-testid="quote-make-pi" aria-keyshortcuts="Alt+P">
        {t('actions.makeInvoice')} <kbd className="sk-kbd sk-kbd-light">{shortcutLabel('P')}</kbd>
      </Button>
    ));
  const rest = (
    <>
      {!draft && quote.status !== 'superseded' && (
        <Tooltip title={t('actions.reviseHint')}>
          <Button icon={<HistoryOutlined />} loading={busy === 'revise'} onClick={() => void act('quotes.revise', 'revise')} data-testid="quote-revise">
            {t('actions.revise')}
          </Button>
        </Tooltip>
      )}
      <Button icon={<CopyOutlined />} onClick={() => setDuplicating(true)} data-testid="quote-duplicate">
        {t('actions.duplicate')}
      </Button>
      {(draft || (quote.status === 'expired' && quote.sentAt === null)) && (
        <Tooltip title={t('actions.delete')}>
          <Button danger icon={<DeleteOutlined />} onClick={() => remove(quote.displayNumber)} aria-label={t('actions.delete')} data-testid="quote-delete" />
        </Tooltip>
      )}
    </>
  );
  const totalsPanel = <TotalsPanel currency={quote.currency} totals={quote.totals} discount={quote.discount} depositPercent={quote.depositPercent} containers={quote.containers} />;

  return (
    <div className="sk-quote-screen" data-testid="quote-screen">
      <div className="sk-quote-main" data-region="quote-main">
        <div className="sk-quote-head">
          <RecordTitle back={{ to: '/quotes', label: t('back') }} number={quote.displayNumber} numberTestId="quote-number" status={{ label: t(`status.${quote.status}`), color: STATUS_COLORS[quote.status], testId: 'quote-status' }} style={{ minWidth: 0 }}>
            <BuyerName buyer={quote.buyer} />
            <Tag>
              {quote.currency}
              {quote.currency !== 'CNY' ? ` @ ${quote.rate}` : ''}
            </Tag>
            <Tag color="blue" data-testid="quote-doc-language">
              {td('inLanguage', { lang: td(`langs.${quote.buyer.docLanguage}`) })}
            </Tag>
            <span style={{ color: '#595959', fontSize: 12 }}>{t('validUntil', { date: quote.validUntil })}</span>
          </RecordTitle>
          {!phone && (
            <Space size={6} wrap>
              {pdf}
              {terms}
              {send}
              {accept}
              {reject}
              {pi}
              {rest}
            </Space>
          )}
          {phone && (
            <Space size={6} wrap>
              {terms}
              {send}
              {reject}
              {rest}
            </Space>
          )}
        </div>
        {quote.supersededBy && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={
              <span>
                {t('supersededBy')} <Link to={`/quotes/${quote.supersededBy.id}`}>{quote.supersededBy.displayNumber}</Link>
              </span>
            }
          />
        )}
        {quote.termsWarnings.length > 0 && <TermsWarnings warnings={quote.termsWarnings} compact />}
        {quote.supersedes && (
          <div style={{ color: '#595959', fontSize: 12, marginBottom: 6 }}>
            {t('supersedes')} <Link to={`/quotes/${quote.supersedes.id}`}>{quote.supersedes.displayNumber}</Link>
          </div>
        )}
        {draft && (
          <div style={{ marginBottom: 8 }} className="sk-quote-search">
            <ProductSearch
              quoteId={quoteId}
              currency={quote.currency}
              inputRef={searchRef}
              onScan={scan}
              onAdd={addProduct}
              onNotFound={(q) => void message.warning(t('search.notFound', { query: q }))}
            />
            {screen.touch && <PlainHttpNote compact />}
          </div>
        )}
        <LinesTable
          lines={quote.lines}
          currency={quote.currency}
          editable={draft}
          onChange={changeLine}
          onRemove={removeLine}
          onDone={() => searchRef.current?.focus()}
          scrollY={draft ? 'calc(100vh - 330px)' : 'calc(100vh - 280px)'}
        />
      </div>
      {phone ? (
        <PhoneDocFooter currency={quote.currency} totals={quote.totals} depositPercent={quote.depositPercent} panel={totalsPanel} actions={<>{pdf}{accept}{pi}</>} />
      ) : (
        totalsPanel
      )}
      <TermsDrawer
        quote={quote}
        open={termsOpen}
        editable={draft}
        onClose={() => setTermsOpen(false)}
        onSave={async (changes) => {
          const saved = await enqueue(() => change('quotes.update', { id: quoteId, changes }));
          store(saved);
        }}
      />
      <NewQuoteModal open={duplicating} onClose={() => setDuplicating(false)} duplicateOf={{ id: quote.id, displayNumber: quote.displayNumber }} />
    </div>
  );
}
