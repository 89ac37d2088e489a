import { Form, Input, Modal, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { call, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { CountrySelect } from '../buyers/CountrySelect';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Duplicate this quotation for the chosen buyer instead of starting an empty one. */
  duplicateOf?: { id: number; displayNumber: string } | undefined;
}

interface Values {
  buyerId?: number;
  company?: string;
  country?: string;
  whatsapp?: string;
  currency?: string;
}

/** Who the quotation is for: a buyer from the list, or one added on the spot (company, country, WhatsApp). */
export function NewQuoteModal({ open, onClose, duplicateOf }: Props) {
  const { t } = useTranslation('quotes');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [saving, setSaving] = useState(false);
  const settings = useApiQuery('settings.get', {}, { enabled: open });
  const currencies = useApiQuery('settings.currencies', {}, { enabled: open, staleTime: Infinity });
  const defaultCurrency = settings.data?.defaults.defaultCurrency;

  // The stall's default currency until a buyer with a currency of its own is picked.
  useEffect(() => {
    if (open && defaultCurrency && !form.getFieldValue('currency')) form.setFieldValue('currency', defaultCurrency);
  }, [open, defaultCurrency, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const who =
        mode === 'existing'
          ? { buyerId: v.buyerId as number }
          : { newBuyer: { company: v.company ?? '', country: v.country ?? '', ...(v.whatsapp ? { whatsapp: v.whatsapp } : {}) } };
      const currency = v.currency ? { currency: v.currency } : {};
      const quote = duplicateOf
        ? await call('quotes.duplicate', { id: duplicateOf.id, ...who, ...currency })
        : await call('quotes.create', { ...who, ...currency });
      await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('quotes.') || String(q.queryKey[0]).startsWith('buyers.') });
      onClose();
      navigate(`/quotes/${quote.id}`);
    } catch (error) {
      const e = error as ApiCallError;
      const field = e.field?.replace(/^newBuyer\./, '');
      form.setFields([{ name: (field && ['buyerId', 'company', 'country', 'whatsapp', 'currency'].includes(field) ? field : mode === 'existing' ? 'buyerId' : 'company') as never, errors: [e.message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={duplicateOf ? t('new.duplicateTitle', { number: duplicateOf.displayNumber }) : t('new.title')}
      okText={duplicateOf ? t('new.duplicate') : t('new.create')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          form.resetFields();
          setMode('existing');
        }
      }}
      okButtonProps={{ 'data-testid': 'new-quote-ok' } as never}
    >
      <Segmented
        block
        value={mode}
        onChange={(v) => setMode(v as 'existing' | 'new')}
        options={[
          { value: 'existing', label: t('new.existingBuyer') },
          { value: 'new', label: <span data-testid="new-buyer-tab">{t('new.newBuyer')}</span> },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {mode === 'existing' ? (
          <Form.Item label={t('new.buyer')} name="buyerId" rules={[{ required: true, message: t('new.chooseBuyer') }]}>
            <BuyerPicker
              autoFocus
              placeholder={t('new.buyerPlaceholder')}
              onPick={(buyer) => form.setFieldValue('currency', buyer.currency)}
              testId="new-quote-buyer"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item label={t('new.company')} name="company" rules={[{ required: true, message: t('new.companyRequired') }]}>
              <Input autoFocus maxLength={200} data-testid="new-buyer-company" />
            </Form.Item>
            <Form.Item label={t('new.country')} name="country" rules={[{ required: true, message: t('new.countryRequired') }]}>
              <CountrySelect testId="new-buyer-country" />
            </Form.Item>
            <Form.Item label="WhatsApp" name="whatsapp">
              <Input maxLength={40} placeholder="+234 803 123 4567" data-testid="new-buyer-whatsapp" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('new.currency')} name="currency">
          <Select showSearch options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))} data-testid="new-quote-currency" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
