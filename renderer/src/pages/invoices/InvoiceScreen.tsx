import { CarOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentButton } from '../documents/DocumentButton';
import { Link, useParams } from 'react-router';
import { call, type ApiInput } from '../../api/client';
import { RecordTitle } from '../../layout/RecordTitle';
import { BuyerName } from '../buyers/BuyerName';
import { useApiQuery, useApiWrite } from '../../api/hooks';
import { queryKey } from '../../api/invalidation';
import { showFieldError } from '../../lib/formErrors';
import type { Invoice, Payment, PaymentKind, PaymentMethod } from '../../../../main/invoices/types';
import type { DocumentLine } from '../../../../main/quotes/types';
import { LinesTable } from '../quotes/LinesTable';
import { AfterPi } from './AfterPi';
import { ResponsiveTable } from '../../layout/ResponsiveTable';
import { DateInput } from '../../lib/DateInput';
import { TotalsPanel } from '../quotes/TotalsPanel';
import { PAYMENT_KINDS, PAYMENT_METHODS, STATUS_COLORS, errorText, groupDigits, money } from '../quotes/format';

interface PaymentValues {
  amount: string;
  /** The currency handed over: the PI's, or another one with the rate agreed. */
  currency: string;
  rate?: string;
  method: PaymentMethod;
  kind: PaymentKind;
  paidOn: string;
  reference?: string;
}

function todayText(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function suggestedPayment(pi: Invoice): Pick<PaymentValues, 'amount' | 'kind'> {
  return pi.depositOpen ? { amount: pi.depositDue, kind: 'deposit' } : { amount: pi.balanceDue, kind: 'balance' };
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A PI: the frozen document, the stock reserved under it, payments and the balance due. */
export function InvoiceScreen() {
  const { t } = useTranslation('invoices');
  const { id } = useParams();
  const invoiceId = Number(id);
  const client = useQueryClient();
  const write = useApiWrite();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const [saving, setSaving] = useState(false);
  const query = useApiQuery('invoices.get', { id: invoiceId }, { enabled: Number.isInteger(invoiceId) && invoiceId > 0 });
  const pi = query.data;
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });
  const payCurrency = Form.useWatch('currency', form);
  const payAmount = Form.useWatch('amount', form);
  const payRate = Form.useWatch('rate', form);
  const foreign = pi !== undefined && payCurrency !== undefined && payCurrency !== pi.currency;
  // What the money handed over comes to in the PI's currency: worked out by the API, never in floating point here.
  const previewInput = { id: invoiceId, currency: payCurrency ?? '', amount: payAmount?.trim() ?? '', ...(payRate?.trim() ? { rate: payRate.trim() } : {}) };
  const preview = useApiQuery('invoices.paymentPreview', previewInput, {
    enabled: foreign && DECIMAL.test(previewInput.amount) && DECIMAL.test(payRate?.trim() ?? ''),
  });

  // A write answers with the PI as it now is: shown at once, and what else it touched is read again.
  const key = queryKey('invoices.get', { id: invoiceId });
  const save = async <M extends 'invoices.addPayment' | 'invoices.removePayment' | 'invoices.ship' | 'invoices.cancel'>(method: M, input: ApiInput<M>) => {
    const invoice = (await write(method, input, { fresh: [key], background: true })) as Invoice;
    client.setQueryData(key, invoice);
  };

  useEffect(() => {
    if (pi) form.setFieldsValue({ ...suggestedPayment(pi), currency: pi.currency, rate: '', method: 'tt', paidOn: todayText(), reference: '' });
  }, [pi, form]);

  // Paying in another currency: the amount becomes what is handed over, the rate is suggested from the stored rates.
  const changeCurrency = async (currency: string) => {
    if (!pi) return;
    if (currency === pi.currency) {
      form.setFieldsValue({ rate: '', amount: suggestedPayment(pi).amount });
      return;
    }
    try {
      const suggestion = await call('invoices.paymentPreview', { id: invoiceId, currency });
      form.setFieldsValue({ rate: suggestion.suggestedRate ?? '', amount: suggestion.due ?? suggestedPayment(pi).amount });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  if (!pi) return <Skeleton active />;
  const open = pi.status !== 'cancelled';
  const canShip = pi.status !== 'shipped' && pi.status !== 'cancelled';

  const pay = async (v: PaymentValues) => {
    setSaving(true);
    try {
      const paid = v.currency !== pi.currency ? { received: { currency: v.currency, amount: v.amount, ...(v.rate ? { rate: v.rate } : {}) } } : { amount: v.amount };
      await save('invoices.addPayment', { id: invoiceId, ...paid, method: v.method, kind: v.kind, paidOn: v.paidOn, reference: v.reference ?? '' });
      void message.success(t('payments.saved'));
    } catch (error) {
      if (!showFieldError(form, error, { within: 'received', only: ['amount', 'currency', 'rate', 'method', 'kind', 'paidOn', 'reference'] })) void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const removePayment = (p: Payment) =>
    modal.confirm({
      title: t('payments.removeTitle', { amount: money(pi.currency, p.amount) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await save('invoices.removePayment', { id: invoiceId, paymentId: p.id });
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });

  const ship = () =>
    modal.confirm({
      title: t('actions.shipTitle', { number: pi.number }),
      content: pi.balanceOpen ? <Alert type="warning" showIcon title={t('actions.shipUnpaid', { amount: money(pi.currency, pi.balanceDue) })} /> : t('actions.shipText'),
      okText: t('actions.ship'),
      onOk: async () => {
        try {
          await save('invoices.ship', { id: invoiceId });
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });

  const cancel = () => {
    let reason = '';
    modal.confirm({
      title: t('actions.cancelTitle', { number: pi.number }),
      content: (
        <div>
          <p>{t('actions.cancelText')}</p>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('actions.cancelReason')} onChange={(e) => (reason = e.target.value)} data-testid="cancel-reason" />
        </div>
      ),
      okText: t('actions.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await save('invoices.cancel', { id: invoiceId, reason: reason.trim() || t('actions.noReason') });
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });
  };

  const stockOf = new Map(pi.stock.map((s) => [s.productId, s]));

  return (
    <div className="sk-quote-screen" data-testid="invoice-screen">
      <div className="sk-quote-main">
        <div className="sk-quote-head">
          <RecordTitle back={{ to: '/invoices', label: t('back') }} number={pi.number} numberTestId="invoice-number" status={{ label: t(`status.${pi.status}`), color: STATUS_COLORS[pi.status], testId: 'invoice-status' }}>
            <BuyerName buyer={pi.buyer} />
            <span style={{ color: '#595959', fontSize: 12 }}>
              {t('header.issued', { date: pi.issuedOn })} · {pi.incoterm} {pi.incotermPlace} · {t('header.from')}{' '}
              <Link to={`/quotes/${pi.quote.id}`}>{pi.quote.displayNumber}</Link>
            </span>
          </RecordTitle>
          <Space size={6}>
            <DocumentButton kinds={['proforma', 'packing', 'statement']} id={pi.id} defaultLang={pi.buyer.docLanguage} shortcut="D" />
            {canShip && (
              <Button icon={<CarOutlined />} onClick={ship} data-testid="invoice-ship">
                {t('actions.ship')}
              </Button>
            )}
            {canShip && (
              <Button danger icon={<StopOutlined />} onClick={cancel} data-testid="invoice-cancel">
                {t('actions.cancel')}
              </Button>
            )}
          </Space>
        </div>
        {pi.status === 'cancelled' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('cancelledNote', { reason: pi.cancelReason })} />}
        <LinesTable
          lines={pi.lines}
          currency={pi.currency}
          editable={false}
          scrollY="calc(100vh - 420px)"
          extraColumns={[
            {
              title: t('stock.reserved'),
              key: 'reserved',
              width: 92,
              align: 'right',
              render: (_: unknown, l: DocumentLine) => {
                const s = l.product.productId !== null ? stockOf.get(l.product.productId) : undefined;
                if (!s) return '—';
                return (
                  <span data-testid={`reserved-${l.product.itemNo}`} title={t('stock.detail', { ordered: s.ordered, reserved: s.reserved, shipped: s.shipped })}>
                    {s.shipped > 0 ? t('stock.shipped', { qty: s.shipped }) : groupDigits(String(s.reserved))}
                    {s.shortAtIssue > 0 && <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{t('stock.short', { qty: s.shortAtIssue })}</Tag>}
                  </span>
                );
              },
            },
          ]}
        />
        <Card size="small" title={t('payments.title')} style={{ marginTop: 8 }} data-testid="payments">
          <ResponsiveTable<Payment>
            fold={[['paidOn', 'kind', 'method']]}
            card={{ head: ['paidOn', 'amount'] }}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pi.payments}
            locale={{ emptyText: t('payments.none') }}
            columns={[
              { title: t('payments.date'), dataIndex: 'paidOn', width: 100 },
              { title: t('payments.kind'), dataIndex: 'kind', width: 90, render: (k: string) => t(`kinds.${k}`) },
              { title: t('payments.method'), dataIndex: 'method', width: 120, render: (m: string) => t(`methods.${m}`) },
              {
                title: t('payments.amount'),
                dataIndex: 'amount',
                width: 250,
                align: 'right',
                render: (a: string, p) => (
                  <>
                    {groupDigits(a)}
                    {p.received && (
                      <div style={{ color: '#595959', fontSize: 12, whiteSpace: 'nowrap' }} data-testid="payment-received">
                        {t('payments.receivedAs', { amount: money(p.received.currency, p.received.amount), base: pi.currency, rate: p.received.rate, currency: p.received.currency })}
                      </div>
                    )}
                  </>
                ),
              },
              { title: t('payments.reference'), dataIndex: 'reference' },
              {
                title: '',
                key: 'remove',
                width: 40,
                render: (_, p) => (open ? <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('payments.remove')} onClick={() => removePayment(p)} /> : null),
              },
            ]}
          />
          {pi.balanceOpen && (
            <Form form={form} layout="inline" onFinish={pay} style={{ marginTop: 8, rowGap: 8 }} size="small" className="sk-pay-form">
              <Form.Item name="currency">
                <Select
                  showSearch
                  style={{ width: 84 }}
                  aria-label={t('payments.currency')}
                  onChange={(c: string) => void changeCurrency(c)}
                  options={(currencies.data ?? [pi.currency]).map((c) => ({ value: c, label: c }))}
                  data-testid="pay-currency"
                />
              </Form.Item>
              <Form.Item name="amount" rules={[{ required: true, message: t('payments.amountRequired') }]}>
                <Input inputMode="decimal" style={{ width: 120 }} aria-label={t('payments.amount')} data-testid="pay-amount" />
              </Form.Item>
              {foreign && (
                <Form.Item name="rate" extra={preview.data?.amount ? `≈ ${money(pi.currency, preview.data.amount)}` : undefined}>
                  <Input
                    inputMode="decimal"
                    addonBefore={`1 ${pi.currency} =`}
                    addonAfter={payCurrency}
                    placeholder={t('payments.rate')}
                    style={{ width: 210 }}
                    data-testid="pay-rate"
                  />
                </Form.Item>
              )}
              <Form.Item name="kind">
                <Select style={{ width: 92 }} aria-label={t('payments.kind')} options={PAYMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="pay-kind" />
              </Form.Item>
              <Form.Item name="method">
                <Select style={{ width: 122 }} aria-label={t('payments.method')} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} data-testid="pay-method" />
              </Form.Item>
              <Form.Item name="paidOn">
                <DateInput style={{ width: 128 }} aria-label={t('payments.date')} data-testid="pay-date" />
              </Form.Item>
              <Form.Item name="reference">
                <Input placeholder={t('payments.reference')} aria-label={t('payments.reference')} maxLength={120} style={{ width: 110 }} data-testid="pay-reference" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="pay-submit">
                {t('payments.record')}
              </Button>
            </Form>
          )}
        </Card>
        <AfterPi pi={pi} />
      </div>
      <TotalsPanel
        currency={pi.currency}
        totals={pi.totals}
        discount={pi.discount}
        depositPercent={pi.depositPercent}
        containers={pi.containers}
        extra={
          <>
            <div className="sk-total-row">
              <span>{t('totals.paid')}</span>
              <span data-testid="invoice-paid">{groupDigits(pi.paid)}</span>
            </div>
            {pi.status === 'cancelled' ? (
              <div className="sk-total-row sk-total-strong">
                <span>{t('totals.balanceDue')}</span>
                <span data-testid="invoice-balance-due" className="sk-muted">
                  {t('totals.cancelledNoBalance')}
                </span>
              </div>
            ) : (
              <div className={`sk-total-row sk-total-strong${pi.balanceOpen ? ' sk-total-due' : ''}`}>
                <span>{t('totals.balanceDue')}</span>
                <span data-testid="invoice-balance-due">{money(pi.currency, pi.balanceDue)}</span>
              </div>
            )}
          </>
        }
      />
    </div>
  );
}
