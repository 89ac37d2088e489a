import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiInput, ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';
import { ImageSlot } from './ImageSlot';
import { OwnerSettings } from './OwnerSettings';
import { BackupSettings } from './BackupSettings';
import { NetworkSettings } from './NetworkSettings';
import { DiagnosticsSettings } from './DiagnosticsSettings';
import { UpdateSettings } from './UpdateSettings';
import { FieldCol } from '../../lib/FieldCol';

type Snapshot = ApiOutput<'settings.get'>;
type FormValues = Required<ApiInput<'settings.update'>>;

function toForm(s: Snapshot): FormValues {
  const { logo: _logo, chop: _chop, updatedAt: _u, ...seller } = s.seller;
  const { updatedAt: _d, ...defaults } = s.defaults;
  return { seller, defaults };
}

/** API field "seller.phones.1" → form name ['seller', 'phones', 1]. */

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const query = useApiQuery('settings.get', {});
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });
  const update = useApiMutation('settings.update');

  // Fill the form once; later refreshes (a new logo) must not wipe what is being typed.
  const filled = useRef(false);
  useEffect(() => {
    if (query.data && !filled.current) {
      form.setFieldsValue(toForm(query.data));
      filled.current = true;
    }
  }, [query.data, form]);

  if (query.isLoading || !query.data) return <Skeleton active />;

  const save = async (values: FormValues) => {
    try {
      const saved = await update.mutateAsync(values);
      // Show what was stored (phones in E.164, SWIFT in capitals).
      form.setFieldsValue(toForm(saved));
      void message.success(t('saved'));
    } catch (error) {
      showFieldError(form, error);
      void message.error((error as ApiCallError).message);
    }
  };

  const text = (name: string, max = 200) => (
    <Form.Item label={t(`seller.${name}`)} name={['seller', name]}>
      <Input maxLength={max} data-testid={`seller-${name}`} />
    </Form.Item>
  );
  // Two text fields side by side: [name, max length] each, and how the 24 columns are shared.
  const pair = (a: [string, number?], b: [string, number?], spans: [number, number] = [12, 12]) => (
    <Row gutter={12}>
      <Col span={spans[0]}>{text(...a)}</Col>
      <Col span={spans[1]}>{text(...b)}</Col>
    </Row>
  );

  return (
    <div data-testid="settings-page">
      <h1 className="sk-page-title">{t('title')}</h1>
      {query.data.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon style={{ marginBottom: 12 }} message={t(`warnings.${w}`)} data-testid={`warning-${w}`} />
      ))}
      <Form form={form} layout="vertical" onFinish={save} requiredMark={false} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title={t('sections.company')} size="small" style={{ marginBottom: 16 }}>
              {text('companyNameZh')}
              {text('companyNameEn')}
              {text('legalName')}
              {pair(['stallNumber', 100], ['marketAddress', 500], [8, 16])}
            </Card>
            <Card title={t('sections.contact')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item label={t('seller.phones')} name={['seller', 'phones']} extra={t('seller.phonesHint')}>
                <Select mode="tags" tokenSeparators={[',', ';']} open={false} data-testid="seller-phones" />
              </Form.Item>
              {pair(['whatsapp', 40], ['wechat', 60])}
              {pair(['email'], ['website'])}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('sections.bank')} size="small" style={{ marginBottom: 16 }}>
              {text('bankBeneficiary')}
              {text('beneficiaryAddress', 500)}
              {pair(['bankName'], ['bankSwift', 11], [14, 10])}
              {text('bankAccount', 80)}
              {text('bankAddress', 500)}
              {pair(['intermediaryBankName'], ['intermediaryBankSwift', 11], [14, 10])}
              <Form.Item label={t('seller.bankCharges')} name={['seller', 'bankCharges']} extra={t('seller.bankChargesHint')}>
                <Select
                  data-testid="seller-bankCharges"
                  options={(['', 'OUR', 'SHA', 'BEN'] as const).map((c) => ({ value: c, label: t(`seller.charges.${c || 'unset'}`) }))}
                />
              </Form.Item>
            </Card>
            <Card title={t('sections.signatory')} size="small" style={{ marginBottom: 16 }}>
              {pair(['signatoryName', 120], ['signatoryTitle', 120])}
            </Card>
            <Card title={t('sections.images')} size="small" style={{ marginBottom: 16 }}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <div>
                  <div style={{ marginBottom: 8 }}>{t('images.logo')}</div>
                  <ImageSlot slot="logo" seller={query.data.seller} />
                </div>
                <div>
                  <div style={{ marginBottom: 8 }}>{t('images.chop')}</div>
                  <ImageSlot slot="chop" seller={query.data.seller} />
                </div>
              </Space>
            </Card>
          </Col>
        </Row>
        <Card title={t('sections.defaults')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <FieldCol xs={12} lg={4} label={t('defaults.defaultCurrency')} name={['defaults', 'defaultCurrency']}>
              <Select showSearch options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))} data-testid="defaults-currency" />
            </FieldCol>
            <FieldCol xs={12} lg={4} label={t('defaults.quotePrefix')} name={['defaults', 'quotePrefix']}>
              <Input maxLength={12} />
            </FieldCol>
            <FieldCol xs={12} lg={4} label={t('defaults.invoicePrefix')} name={['defaults', 'invoicePrefix']}>
              <Input maxLength={12} />
            </FieldCol>
            <FieldCol xs={12} lg={4} label={t('defaults.validityDays')} name={['defaults', 'validityDays']}>
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} addonAfter={t('defaults.days')} />
            </FieldCol>
            <FieldCol xs={12} lg={4} label={t('defaults.depositPercent')} name={['defaults', 'depositPercent']}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} addonAfter="%" />
            </FieldCol>
          </Row>
          <Form.Item label={t('defaults.paymentTerms')} name={['defaults', 'paymentTerms']}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={update.isPending} size="large" data-testid="settings-save">
          {t('save')}
        </Button>
      </Form>
      <OwnerSettings />
      <BackupSettings />
      <NetworkSettings />
      <DiagnosticsSettings />
      <UpdateSettings />
    </div>
  );
}
