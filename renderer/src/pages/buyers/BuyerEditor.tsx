import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, List, Modal, Row, Select, Skeleton, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call, type ApiCallError, type ApiInput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import { CountrySelect } from './CountrySelect';
import type { Buyer, Duplicate } from './types';
import { useLanguageOptions } from '../documents/languages';
import { showFieldError } from '../../lib/formErrors';
import { FieldCol } from '../../lib/FieldCol';

type Fields = ApiInput<'buyers.create'>;
type ContactValues = NonNullable<Fields['contacts']>[number];

interface FormValues {
  company: string;
  country?: string;
  city?: string;
  address?: string;
  currency?: string;
  docLanguage?: string;
  agent?: string;
  passportNo?: string;
  taxNo?: string;
  nationality?: string;
  notes?: string;
  tags?: string[];
  contacts?: ContactValues[];
}

const EMPTY_CONTACT: ContactValues = { name: '', role: '', phone: '', whatsapp: '', wechat: '', email: '' };

function toForm(b: Buyer): FormValues {
  return {
    company: b.company,
    country: b.country,
    city: b.city,
    address: b.address,
    currency: b.currency,
    docLanguage: b.docLanguage,
    agent: b.agent,
    passportNo: b.passportNo,
    taxNo: b.taxNo,
    nationality: b.nationality || undefined,
    notes: b.notes,
    tags: b.tags,
    contacts: b.contacts.length ? b.contacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone, whatsapp: c.whatsapp, wechat: c.wechat, email: c.email })) : [EMPTY_CONTACT],
  };
}

function toInput(v: FormValues): Fields {
  return {
    company: v.company ?? '',
    country: v.country ?? '',
    city: v.city ?? '',
    address: v.address ?? '',
    ...(v.currency ? { currency: v.currency } : {}),
    ...(v.docLanguage ? { docLanguage: v.docLanguage } : {}),
    agent: v.agent ?? '',
    passportNo: v.passportNo ?? '',
    taxNo: v.taxNo ?? '',
    nationality: v.nationality ?? '',
    notes: v.notes ?? '',
    tags: v.tags ?? [],
    contacts: (v.contacts ?? []).map((c) => ({
      name: c.name ?? '',
      role: c.role ?? '',
      phone: c.phone ?? '',
      whatsapp: c.whatsapp ?? '',
      wechat: c.wechat ?? '',
      email: (c.email ?? '').trim(),
    })),
  };
}

/** Adds or edits a buyer: every field, several contacts; warns about a possible duplicate before saving. */
export function BuyerEditor() {
  const { t, i18n } = useTranslation('buyers');
  const languages = useLanguageOptions('buyers', 'languages');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const [form] = Form.useForm<FormValues>();
  const existing = useApiQuery('buyers.get', { id: id ?? 0 }, { enabled: id !== null });
  const settings = useApiQuery('settings.get', {});
  const currencies = useApiQuery('settings.currencies', {}, { staleTime: Infinity });
  const tags = useApiQuery('buyers.tags', {});
  const create = useApiMutation('buyers.create');
  const update = useApiMutation('buyers.update');
  const [duplicates, setDuplicates] = useState<{ list: Duplicate[]; values: FormValues } | null>(null);

  const filled = useRef(false);
  useEffect(() => {
    if (filled.current) return;
    if (id !== null && existing.data) {
      form.setFieldsValue(toForm(existing.data));
      filled.current = true;
    } else if (id === null && settings.data) {
      form.setFieldsValue({ currency: settings.data.defaults.defaultCurrency, docLanguage: 'en', contacts: [EMPTY_CONTACT] });
      filled.current = true;
    }
  }, [id, existing.data, settings.data, form]);

  if (id !== null && existing.error) return <Alert type="error" showIcon title={existing.error.message} />;
  if (id !== null && !existing.data) return <Skeleton active />;

  const write = async (values: FormValues) => {
    const input = toInput(values);
    try {
      const saved = id === null ? await create.mutateAsync(input) : await update.mutateAsync({ id, changes: input });
      void message.success(t('saved'));
      navigate(`/buyers/${saved.id}`, { replace: id !== null });
    } catch (error) {
      showFieldError(form, error, { within: 'changes' });
      void message.error((error as ApiCallError).message);
    }
  };

  const save = async (values: FormValues) => {
    const input = toInput(values);
    try {
      const found = await call('buyers.checkDuplicates', {
        ...(id !== null ? { id } : {}),
        company: input.company,
        country: input.country,
        contacts: (input.contacts ?? []).map((c) => ({ phone: c.phone ?? '', whatsapp: c.whatsapp ?? '', email: c.email ?? '' })),
      });
      if (found.length > 0) {
        setDuplicates({ list: found, values });
        return;
      }
    } catch (error) {
      showFieldError(form, error, { within: 'changes' });
      void message.error((error as ApiCallError).message);
      return;
    }
    await write(values);
  };

  // A stored number outside the known ranges is kept; the editor says so under its field.
  const mark = (i: number, kind: 'phone' | 'whatsapp') => {
    const stored = existing.data?.contacts[i];
    const country = stored?.unrecognised[kind];
    return country ? <span className="sk-warn-text" data-testid={`contact-${i}-${kind}-unrecognised`}>{t('phoneUnrecognised', { country })}</span> : undefined;
  };

  const text = (name: keyof FormValues, max: number, extra: Record<string, unknown> = {}) => (
    <Form.Item label={t(`fields.${name}`)} name={name} {...extra}>
      <Input maxLength={max} data-testid={`buyer-${name}`} />
    </Form.Item>
  );

  return (
    <div data-testid="buyer-editor">
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(id !== null ? `/buyers/${id}` : '/buyers')}>
          {t('back')}
        </Button>
        <h1 className="sk-page-title" style={{ margin: 0 }}>
          {id === null ? (
            t('newBuyer')
          ) : (
            <>
              {t('edit')} <bdi>{existing.data?.company}</bdi>
            </>
          )}
        </h1>
        {/* Save in view at the top too: at 768 px the form's own button is below the fold. */}
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="buyer-save-top">
          {t('save')}
        </Button>
      </Space>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} xl={11}>
            <Card title={t('sections.company')} size="small" style={{ marginBottom: 16 }}>
              {text('company', 200, { rules: [{ required: true, whitespace: true, message: t('companyRequired') }] })}
              <Row gutter={12}>
                <FieldCol span={14} label={t('fields.country')} name="country" rules={[{ required: true, message: t('countryRequired') }]} extra={t('countryHint')}>
                  <CountrySelect testId="buyer-country" placeholder={t('countryPlaceholder')} />
                </FieldCol>
                <Col span={10}>{text('city', 120)}</Col>
              </Row>
              {text('address', 500)}
              <Row gutter={12}>
                <FieldCol span={12} label={t('fields.currency')} name="currency">
                  <Select showSearch options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))} data-testid="buyer-currency" />
                </FieldCol>
                <FieldCol span={12} label={t('fields.docLanguage')} name="docLanguage">
                  <Select options={languages} />
                </FieldCol>
              </Row>
              <Form.Item label={t('fields.tags')} name="tags">
                <Select mode="tags" tokenSeparators={[',', ';', '，']} options={(tags.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))} data-testid="buyer-tags" />
              </Form.Item>
            </Card>
            <Card title={t('sections.declaration')} size="small" style={{ marginBottom: 16 }}>
              {text('agent', 200, { extra: t('agentHint') })}
              {text('taxNo', 60, { extra: t('taxNoHint') })}
              <Row gutter={12}>
                <Col span={12}>{text('passportNo', 40)}</Col>
                <FieldCol span={12} label={t('fields.nationality')} name="nationality">
                  <CountrySelect allowClear testId="buyer-nationality" />
                </FieldCol>
              </Row>
              <span style={{ color: '#595959', fontSize: 12 }}>{t('declarationHint')}</span>
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Card title={t('sections.contacts')} size="small" style={{ marginBottom: 16 }} extra={<span style={{ color: '#595959', fontSize: 12 }}>{t('phoneHint')}</span>}>
              <Form.List name="contacts">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <div key={field.key} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }} data-testid={`contact-${i}`}>
                        <Row gutter={8}>
                          <FieldCol xs={12} md={8} label={t('fields.name')} name={[field.name, 'name']}>
                            <Input maxLength={120} data-testid={`contact-${i}-name`} />
                          </FieldCol>
                          <FieldCol xs={12} md={7} label={t('fields.role')} name={[field.name, 'role']}>
                            <Input maxLength={80} />
                          </FieldCol>
                          <FieldCol xs={20} md={8} label={t('fields.email')} name={[field.name, 'email']}>
                            <Input maxLength={200} data-testid={`contact-${i}-email`} />
                          </FieldCol>
                          <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('removeContact')} onClick={() => remove(field.name)} />
                          </Col>
                        </Row>
                        <Row gutter={8}>
                          <FieldCol xs={24} md={8} label={t('fields.whatsapp')} name={[field.name, 'whatsapp']} extra={mark(i, 'whatsapp')}>
                            <Input maxLength={40} data-testid={`contact-${i}-whatsapp`} />
                          </FieldCol>
                          <FieldCol xs={12} md={8} label={t('fields.phone')} name={[field.name, 'phone']} extra={mark(i, 'phone')}>
                            <Input maxLength={40} data-testid={`contact-${i}-phone`} />
                          </FieldCol>
                          <FieldCol xs={12} md={7} label={t('fields.wechat')} name={[field.name, 'wechat']}>
                            <Input maxLength={60} data-testid={`contact-${i}-wechat`} />
                          </FieldCol>
                        </Row>
                      </div>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add(EMPTY_CONTACT)} data-testid="contact-add">
                      {t('addContact')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            <Card title={t('fields.notes')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="notes" noStyle>
                <Input.TextArea rows={4} maxLength={4000} data-testid="buyer-notes" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" size="large" loading={create.isPending || update.isPending} data-testid="buyer-save">
          {t('save')}
        </Button>
      </Form>
      <Modal
        open={duplicates !== null}
        title={t('duplicates.title')}
        onCancel={() => setDuplicates(null)}
        footer={[
          <Button key="cancel" onClick={() => setDuplicates(null)}>
            {t('duplicates.cancel')}
          </Button>,
          <Button
            key="save"
            type="primary"
            data-testid="duplicates-save-anyway"
            onClick={() => {
              const values = duplicates?.values;
              setDuplicates(null);
              if (values) void write(values);
            }}
          >
            {t('duplicates.saveAnyway')}
          </Button>,
        ]}
        data-testid="duplicates-modal"
      >
        <p>{t('duplicates.intro')}</p>
        <List
          dataSource={duplicates?.list ?? []}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button key="open" onClick={() => navigate(`/buyers/${d.buyerId}`)} data-testid={`duplicate-open-${d.buyerId}`}>
                  {t('duplicates.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    <bdi>{d.company}</bdi> · {countryLabel(d.country, i18n.language)}
                  </span>
                }
                description={d.reasons.map((r) => (
                  <div key={`${r.kind}-${r.value}`}>
                    {t(`duplicates.${r.kind}`, { value: r.value })}
                    {r.contactName ? ` (${r.contactName})` : ''}
                  </div>
                ))}
              />
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}
