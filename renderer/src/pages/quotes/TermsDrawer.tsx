import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { DateInput } from '../../lib/DateInput';
import type { Quote } from '../../../../main/quotes/types';
import { BALANCE_RULES, CHARGE_KINDS, INCOTERMS } from './format';
import { showFieldError } from '../../lib/formErrors';
import { TermsWarnings } from './TermsWarnings';
import { FieldCol } from '../../lib/FieldCol';

type Changes = ApiInput<'quotes.update'>['changes'];

interface FormValues {
  buyerId: number;
  date: string;
  validityDays: number;
  currency: string;
  rate: string;
  priceDecimals: number;
  incoterm: string;
  incotermPlace: string;
  portOfLoading: string;
  portOfDestination: string;
  partialShipment: Flag;
  transshipment: Flag;
  insurancePercent: number | null;
  paymentTerms: string;
  depositPercent: number;
  balanceRule: NonNullable<Changes['balanceRule']>;
  balanceDays: number | null;
  deliveryTime: string;
  notes: string;
  shippingMarks: string;
  discount: { kind: 'none' | 'percent' | 'amount'; percent?: string; amount?: string };
  charges: Array<{ kind: string; description?: string; amount: string }>;
}

/** Allowed, not allowed, or not said on the document. */
type Flag = 'yes' | 'no' | 'unset';
const toFlag = (v: boolean | null): Flag => (v === null ? 'unset' : v ? 'yes' : 'no');
const fromFlag = (v: Flag | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

function toForm(q: Quote): FormValues {
  return {
    buyerId: q.buyer.id,
    date: q.date,
    validityDays: q.validityDays,
    currency: q.currency,
    rate: q.rate,
    priceDecimals: q.priceDecimals,
    incoterm: q.incoterm,
    incotermPlace: q.incotermPlace,
    portOfLoading: q.portOfLoading,
    portOfDestination: q.portOfDestination,
    partialShipment: toFlag(q.partialShipment),
    transshipment: toFlag(q.transshipment),
    insurancePercent: q.insurancePercent,
    paymentTerms: q.paymentTerms,
    depositPercent: q.depositPercent,
    balanceRule: q.balanceRule,
    balanceDays: q.balanceDays,
    deliveryTime: q.deliveryTime,
    notes: q.notes,
    shippingMarks: q.shippingMarks,
    discount: q.discount.kind === 'percent' ? { kind: 'percent', percent: q.discount.percent } : q.discount.kind === 'amount' ? { kind: 'amount', amount: q.discount.amount } : { kind: 'none' },
    charges: q.charges.map((c) => ({ kind: c.kind, description: c.description, amount: c.amount })),
  };
}

interface Props {
  quote: Quote;
  open: boolean;
  editable: boolean;
  onClose: () => void;
  onSave: (changes: Changes) => Promise<void>;
}

/** The terms of a quotation: buyer, dates, currency and rate, Incoterm, payment, discount, charges. */
export function TermsDrawer({ quote, open, editable, onClose, onSave }: Props) {
  const { t } = useTranslation('quotes');
  const [form] = Form.useForm<FormValues>();
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity, enabled: open });
  const rates = useApiQuery('rates.list', {}, { enabled: open && editable });
  const discountKind = Form.useWatch(['discount', 'kind'], form);
  const incoterm = Form.useWatch('incoterm', form);
  const balanceRule = Form.useWatch('balanceRule', form);

  useEffect(() => {
    if (open) form.setFieldsValue(toForm(quote));
  }, [open, quote, form]);

  const submit = async (v: FormValues) => {
    const changes: Changes = {
      date: v.date,
      validityDays: v.validityDays,
      priceDecimals: v.priceDecimals,
      incoterm: v.incoterm as NonNullable<Changes['incoterm']>,
      incotermPlace: v.incotermPlace ?? '',
      portOfLoading: v.portOfLoading ?? '',
      portOfDestination: v.portOfDestination ?? '',
      partialShipment: fromFlag(v.partialShipment),
      transshipment: fromFlag(v.transshipment),
      ...(v.incoterm === 'CIF' || v.incoterm === 'CIP' ? { insurancePercent: v.insurancePercent ?? null } : {}),
      paymentTerms: v.paymentTerms ?? '',
      depositPercent: v.depositPercent,
      balanceRule: v.balanceRule,
      balanceDays: v.balanceRule === 'days_after_bl' ? (v.balanceDays ?? null) : null,
      deliveryTime: v.deliveryTime ?? '',
      notes: v.notes ?? '',
      shippingMarks: v.shippingMarks ?? '',
      discount:
        v.discount.kind === 'percent'
          ? { kind: 'percent', percent: v.discount.percent ?? '0' }
          : v.discount.kind === 'amount'
            ? { kind: 'amount', amount: v.discount.amount ?? '0' }
            : { kind: 'none' },
      charges: (v.charges ?? []).map((c) => ({ kind: c.kind as NonNullable<Changes['charges']>[number]['kind'], description: c.description ?? '', amount: c.amount })),
    };
    if (v.buyerId !== quote.buyer.id) changes.buyerId = v.buyerId;
    if (v.currency !== quote.currency) changes.currency = v.currency;
    // A blank rate for a new currency: the server takes the rate in force.
    if (v.rate && v.rate !== quote.rate) changes.rate = v.rate;
    try {
      await onSave(changes);
      onClose();
    } catch (error) {
      showFieldError(form, error, { within: 'changes' });
    }
  };

  return (
    <Drawer
      title={t('terms.title')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        editable && (
          <Button type="primary" onClick={() => form.submit()} data-testid="terms-save">
            {t('terms.save')}
          </Button>
        )
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} requiredMark={false} size="small">
        {editable && (
          <Form.Item label={t('terms.buyer')} name="buyerId">
            <BuyerPicker />
          </Form.Item>
        )}
        <Row gutter={12}>
          <FieldCol span={8} label={t('terms.date')} name="date">
            <DateInput style={{ width: '100%' }} aria-label={t('terms.date')} />
          </FieldCol>
          <FieldCol span={8} label={t('terms.validityDays')} name="validityDays">
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} suffix={t('terms.days')} />
          </FieldCol>
          <FieldCol span={8} label={t('terms.priceDecimals')} name="priceDecimals" tooltip={t('terms.priceDecimalsHint')}>
            <Select options={[0, 1, 2, 3, 4].map((d) => ({ value: d, label: String(d) }))} />
          </FieldCol>
        </Row>
        <Row gutter={12}>
          <FieldCol span={8} label={t('terms.currency')} name="currency">
            <Select
              showSearch
              options={(currencies.data ?? [quote.currency]).map((c) => ({ value: c, label: c }))}
              onChange={(c: string) => form.setFieldValue('rate', rates.data?.find((r) => r.currency === c)?.rate?.cnyPerUnit ?? '')}
              data-testid="terms-currency"
            />
          </FieldCol>
          <FieldCol span={16} label={t('terms.rate')} name="rate" tooltip={t('terms.rateHint')}>
            <Input inputMode="decimal" data-testid="terms-rate" />
          </FieldCol>
        </Row>
        <Row gutter={12}>
          <FieldCol span={8} label={t('terms.incoterm')} name="incoterm" tooltip={t('terms.incotermHint')}>
            <Select
              options={INCOTERMS.map((i) => ({ value: i, label: `${i} · ${t(`incoterms.${i}`)}` }))}
              popupMatchSelectWidth={false}
              // CIF and CIP insure the goods: 110 % of the invoice value unless changed.
              onChange={(i: string) => {
                if ((i === 'CIF' || i === 'CIP') && !form.getFieldValue('insurancePercent')) form.setFieldValue('insurancePercent', 110);
              }}
              data-testid="terms-incoterm"
            />
          </FieldCol>
          <FieldCol span={16} label={t('terms.incotermPlace')} name="incotermPlace">
            <Input maxLength={120} placeholder="Ningbo" />
          </FieldCol>
        </Row>
        <Row gutter={12}>
          <FieldCol span={12} label={t('terms.portOfLoading')} name="portOfLoading">
            <Input maxLength={120} placeholder="Ningbo" data-testid="terms-port-loading" />
          </FieldCol>
          <FieldCol span={12} label={t('terms.portOfDestination')} name="portOfDestination">
            <Input maxLength={120} placeholder="Lagos Apapa" data-testid="terms-port-destination" />
          </FieldCol>
        </Row>
        <Row gutter={12}>
          <FieldCol span={8} label={t('terms.partialShipment')} name="partialShipment">
            <Select options={(['unset', 'yes', 'no'] as const).map((f) => ({ value: f, label: t(`terms.flag.${f}`) }))} data-testid="terms-partial" />
          </FieldCol>
          <FieldCol span={8} label={t('terms.transshipment')} name="transshipment">
            <Select options={(['unset', 'yes', 'no'] as const).map((f) => ({ value: f, label: t(`terms.flag.${f}`) }))} data-testid="terms-transshipment" />
          </FieldCol>
          <Col span={8}>
            {(incoterm === 'CIF' || incoterm === 'CIP') && (
              <Form.Item label={t('terms.insurancePercent')} name="insurancePercent" tooltip={t('terms.insuranceHint')}>
                <InputNumber min={100} max={200} precision={0} suffix="%" style={{ width: '100%' }} data-testid="terms-insurance" />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Row gutter={12}>
          <FieldCol span={8} label={t('terms.depositPercent')} name="depositPercent">
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol span={16} label={t('terms.deliveryTime')} name="deliveryTime">
            <Input maxLength={200} placeholder={t('terms.deliveryPlaceholder')} />
          </FieldCol>
        </Row>
        <Row gutter={12}>
          <Col span={balanceRule === 'days_after_bl' ? 16 : 24}>
            <Form.Item label={t('terms.balanceRule')} name="balanceRule">
              <Select options={BALANCE_RULES.map((r) => ({ value: r, label: t(`balanceRules.${r}`) }))} data-testid="terms-balance-rule" />
            </Form.Item>
          </Col>
          {balanceRule === 'days_after_bl' && (
            <FieldCol span={8} label={t('terms.balanceDays')} name="balanceDays">
              <InputNumber min={1} max={365} precision={0} suffix={t('terms.days')} style={{ width: '100%' }} data-testid="terms-balance-days" />
            </FieldCol>
          )}
        </Row>
        <Form.Item label={t('terms.paymentTerms')} name="paymentTerms">
          <Input.TextArea rows={2} maxLength={1000} data-testid="terms-payment" />
        </Form.Item>
        <TermsWarnings warnings={quote.termsWarnings} />
        <Row gutter={12}>
          <FieldCol span={10} label={t('terms.discount')} name={['discount', 'kind']}>
            <Select
              options={[
                { value: 'none', label: t('terms.discountNone') },
                { value: 'percent', label: t('terms.discountPercent') },
                { value: 'amount', label: t('terms.discountAmount') },
              ]}
            />
          </FieldCol>
          <Col span={14}>
            {discountKind === 'percent' && (
              <Form.Item label="%" name={['discount', 'percent']}>
                <Input inputMode="decimal" />
              </Form.Item>
            )}
            {discountKind === 'amount' && (
              <Form.Item label={quote.currency} name={['discount', 'amount']}>
                <Input inputMode="decimal" />
              </Form.Item>
            )}
          </Col>
        </Row>
        <div style={{ marginBottom: 8 }}>{t('terms.charges')}</div>
        <Form.List name="charges">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'kind']} style={{ width: 150 }}>
                    <Select options={CHARGE_KINDS.map((k) => ({ value: k, label: t(`charges.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} style={{ width: 190 }}>
                    <Input placeholder={t('terms.chargeDescription')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} style={{ width: 110 }}>
                    <Input inputMode="decimal" prefix={quote.currency} />
                  </Form.Item>
                  {editable && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('lines.remove')} />}
                </Space>
              ))}
              {editable && (
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'freight', description: '', amount: '0' })} style={{ marginBottom: 16 }}>
                  {t('terms.addCharge')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item label={t('terms.notes')} name="notes">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('terms.shippingMarks')} name="shippingMarks">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
